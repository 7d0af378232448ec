import { GROUP_STATUS, SERVER_STATUS } from '../client/farm-names.js';
import type { Procedure__Output } from '../gen/fabric/v1/Procedure.js';
import type { ServerHealth__Output } from '../gen/fabric/v1/ServerHealth.js';
import type { StatusResponse__Output } from '../gen/fabric/v1/StatusResponse.js';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import { table } from './output.js';
import { shardsTable } from './shard-tables.js';

/** One group's health, or why it could not be had (the rest of the screen still shows). */
export type GroupHealth =
  | { readonly ok: true; readonly servers: readonly ServerHealth__Output[] }
  | { readonly ok: false; readonly error: string };

/** Everything `fabric status` shows: the answers of four calls. */
export interface StatusView {
  readonly cluster: StatusResponse__Output;
  readonly topology: Topology__Output;
  readonly health: ReadonlyMap<string, GroupHealth>;
  readonly procedures: readonly Procedure__Output[];
}

const lower = (s: string, prefix: string): string => s.replace(prefix, '').toLowerCase();

/** The Fabric nodes: who leads, and how far behind the leader each member is. */
function nodesSection(s: StatusResponse__Output): string {
  const leader = s.leader_id === '' ? 'none known' : `${s.leader_id} at ${s.leader_address}`;
  const rows = s.members.map((m) => [
    m.node_id,
    m.address,
    lower(m.role, 'MEMBER_ROLE_'),
    m.node_id === s.leader_id ? 'yes' : '',
    m.progress_known ? String(m.lag) : '?',
    m.progress_known ? (m.recently_active ? 'yes' : 'no') : '?',
  ]);
  return (
    `Fabric nodes (cluster ${s.cluster_id}, leader ${leader}, term ${s.term}, commit ${s.commit_index})\n` +
    table(['NODE', 'ADDRESS', 'ROLE', 'LEADER', 'LAG', 'ACTIVE'], rows)
  );
}

/** "127.0.0.1:3311 (2 s)": a secondary and its replication lag as health measured it. */
function secondaryText(address: string, h: ServerHealth__Output | undefined): string {
  if (h === undefined) return address;
  if (!h.reachable) return `${address} (down)`;
  return h.lag_seconds < 0 ? `${address} (lag ?)` : `${address} (${h.lag_seconds} s)`;
}

/** Every group: its primary, its secondaries with their lag, and each issue under the table. */
function groupsSection(v: StatusView): string {
  const issues: string[] = [];
  const rows = v.topology.groups.map((g) => {
    const members = v.topology.servers.filter((s) => s.group_id === g.id);
    const health = v.health.get(g.id);
    const byUuid = new Map(health?.ok === true ? health.servers.map((h) => [h.uuid, h]) : []);
    const secondaries = members
      .filter((s) => SERVER_STATUS.name(s.status) === 'SECONDARY')
      .map((s) => secondaryText(s.address, byUuid.get(s.uuid)));
    const others = members.filter(
      (s) => !['PRIMARY', 'SECONDARY'].includes(SERVER_STATUS.name(s.status)),
    );
    const found =
      health === undefined
        ? []
        : health.ok
          ? health.servers.flatMap((h) => h.issues.map((i) => `${h.address} ${i}`))
          : [`health unavailable: ${health.error}`];
    issues.push(...found.map((i) => `  ${g.id}: ${i}`));
    return [
      g.id,
      GROUP_STATUS.name(g.status, '?'),
      g.primary_address === '' ? '(none)' : g.primary_address,
      secondaries.join(', ') || '(none)',
      others.map((s) => `${s.address} ${SERVER_STATUS.name(s.status, '?')}`).join(', '),
      found.length === 0 ? 'none' : String(found.length),
    ];
  });
  if (rows.length === 0) return 'Groups: none (create one with: fabric group create <group>)';
  const head = table(['GROUP', 'STATUS', 'PRIMARY', 'SECONDARIES (LAG)', 'OTHERS', 'ISSUES'], rows);
  return `Groups\n${head}${issues.length === 0 ? '' : `\n${issues.join('\n')}`}`;
}

function shardsSection(t: Topology__Output): string {
  return t.shards.length === 0 ? '' : `\n\nShards\n${shardsTable(t.shards)}`;
}

function proceduresSection(ps: readonly Procedure__Output[]): string {
  if (ps.length === 0) return 'Running procedures: none';
  return `Running procedures\n${table(
    ['ID', 'NAME', 'STATE', 'STEP', 'LOCKS'],
    ps.map((p) => [
      p.id,
      p.name,
      lower(p.state, 'PROCEDURE_STATE_'),
      `${Math.min(p.current_step + 1, p.steps.length)}/${p.steps.length} ${p.steps[p.current_step]?.name ?? ''}`.trimEnd(),
      p.lock_keys.join(','),
    ]),
  )}`;
}

/** `fabric status`: one screen, from the nodes down to what is running now. */
export function statusText(v: StatusView): string {
  return [
    nodesSection(v.cluster),
    '',
    groupsSection(v) + shardsSection(v.topology),
    '',
    proceduresSection(v.procedures),
  ].join('\n');
}

/** `fabric status --json`: the same four answers, the health per group by id. */
export function statusJson(v: StatusView): unknown {
  return {
    cluster: v.cluster,
    topology: v.topology,
    health: Object.fromEntries(v.health),
    procedures: v.procedures,
  };
}
