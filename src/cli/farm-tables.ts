import { GROUP_STATUS, SERVER_MODE, SERVER_ROLE, SERVER_STATUS } from '../client/farm-names.js';
import type { Group__Output } from '../gen/fabric/v1/Group.js';
import type { Server__Output } from '../gen/fabric/v1/Server.js';
import type { ServerHealth__Output } from '../gen/fabric/v1/ServerHealth.js';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import { table } from './output.js';
import { shardMapsTable, shardsTable, shardTablesTable } from './shard-tables.js';

/** Weights as mysqlfabric prints them (1.0, 0.5). */
const weight = (w: number): string => (Number.isInteger(w) ? w.toFixed(1) : String(w));
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** group lookup-groups, with mysqlfabric's columns (and the primary's address). */
export function groupsTable(groups: readonly Group__Output[]): string {
  return table(
    ['GROUP_ID', 'DESCRIPTION', 'FAILURE_DETECTOR', 'MASTER_UUID', 'MASTER_ADDRESS'],
    groups.map((g) => [
      g.id,
      g.description,
      GROUP_STATUS.name(g.status, '?'),
      g.primary_uuid,
      g.primary_address,
    ]),
  );
}

/** group lookup-servers (and with the group column, topology servers). */
export function serversTable(servers: readonly Server__Output[], withGroup = false): string {
  const head = ['SERVER_UUID', 'ADDRESS', 'STATUS', 'MODE', 'WEIGHT', 'REPLICATION'];
  return table(
    withGroup ? [...head, 'GROUP_ID'] : head,
    servers.map((s) => {
      const row = [
        s.uuid,
        s.address,
        SERVER_STATUS.name(s.status, '?'),
        SERVER_MODE.name(s.mode, '?'),
        weight(s.weight),
        // OK for every server that is not a replica in trouble; a primary's is not judged;
        // UNKNOWN for a FAULTY server (nothing probes it).
        s.replication.replace('REPLICATION_STATE_', '').replace('UNSPECIFIED', 'UNKNOWN'),
      ];
      return withGroup ? [...row, s.group_id] : row;
    }),
  );
}

/** group health: what each server is, then every issue found. */
export function healthText(rows: readonly ServerHealth__Output[]): string {
  const servers = table(
    [
      'UUID',
      'ADDRESS',
      'IS_ALIVE',
      'STATUS',
      'MODE',
      'ROLE',
      'READ_ONLY',
      'SOURCE',
      'IO',
      'SQL',
      'LAG',
      'SEMI_SYNC',
      'ERROR',
    ],
    rows.map((h) => [
      h.uuid,
      h.address,
      yesNo(h.reachable),
      SERVER_STATUS.name(h.status, '?'),
      SERVER_MODE.name(h.mode, '?'),
      SERVER_ROLE.name(h.role, 'unknown').toLowerCase(),
      h.reachable ? yesNo(h.read_only) : '',
      h.replicating_from,
      h.io_running,
      h.reachable && h.replicating_from !== '' ? yesNo(h.sql_running) : '',
      h.lag_seconds < 0 ? '' : `${h.lag_seconds} s`,
      h.semi_sync,
      [h.error, h.io_error, h.sql_error].filter((e) => e !== '').join('; '),
    ]),
  );
  const issues = rows.flatMap((h) => h.issues.map((i) => `  ${h.address}: ${i}`));
  const fence = rows.filter((h) => h.fence !== '').map((h) => `fence (${h.address}): ${h.fence}\n`);
  const links = rows.flatMap((h) => (h.global_link === null ? [] : [globalLinkLine(h)]));
  return `${servers}\n\n${links.join('')}${fence.join('')}${issues.length === 0 ? 'no issues' : `issues:\n${issues.join('\n')}`}`;
}

/** A shard primary's link to its global group, on one line (GTID domains after it). */
function globalLinkLine(h: ServerHealth__Output): string {
  const l = h.global_link;
  if (l === null) return '';
  const lag = l.lag_seconds < 0 ? '' : `, lag ${l.lag_seconds} s`;
  const errors = [l.io_error, l.sql_error].filter((e) => e !== '').join('; ');
  return (
    `global link (${h.address}, gtid_domain_id ${h.gtid_domain_id}): from group ${l.global_group} ` +
    `primary ${l.source === '' ? '(none)' : l.source}, IO ${l.io_running === '' ? 'No' : l.io_running}, ` +
    `SQL ${yesNo(l.sql_running)}${lag}${errors === '' ? '' : `, error: ${errors}`}\n`
  );
}

/** topology dump / watch: everything a connector routes on, at one epoch. */
export function topologyText(t: Topology__Output): string {
  // An unsharded farm's dump stays as it was: the shard tables only when there is a map.
  const sharding =
    t.shard_maps.length === 0
      ? []
      : [
          '',
          shardMapsTable(t.shard_maps),
          '',
          shardTablesTable(t.shard_tables, t.shard_maps),
          '',
          shardsTable(t.shards),
        ];
  return [
    `topology epoch ${t.epoch}`,
    '',
    groupsTable(t.groups),
    '',
    serversTable(t.servers, true),
    '',
    table(
      ['NODE_ID', 'ADDRESS', 'ROLE', 'VOTER'],
      t.fabric_nodes.map((n) => [
        n.id,
        n.address,
        n.role.replace('FABRIC_NODE_ROLE_', '').toLowerCase(),
        n.voter ? 'yes' : 'no',
      ]),
    ),
    ...sharding,
  ].join('\n');
}
