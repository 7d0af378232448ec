import { FabricError } from '../util/fabric-error.js';
import type { RequestRecord } from './dedup.js';
import type { FabricNode, Group, Server, Shard, ShardMap, ShardTable } from './farm-types.js';
import { canonicalJson, compareStrings, isPlainObject } from './json.js';
import { emptyState, isLive } from './model-state.js';
import type { ModelState } from './model-state.js';
import type { Procedure } from './procedure-types.js';
import {
  listServers,
  sortedGroups,
  sortedNodes,
  sortedShardMaps,
  sortedShardTables,
  sortedShards,
} from './queries.js';

const FORMAT = 'fabric-model/1';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The snapshot document. Derived structures (address index, lock queues) are rebuilt on restore. */
interface SnapshotDoc {
  readonly format: typeof FORMAT;
  readonly topologyEpoch: number;
  /** Absent in snapshots from before gtid domains: then the highest a group holds (none: 0). */
  readonly gtidDomainHigh?: number;
  readonly groups: readonly Group[];
  readonly servers: readonly Server[];
  readonly shardMaps: readonly ShardMap[];
  readonly shardTables: readonly ShardTable[];
  readonly shards: readonly Shard[];
  /**
   * Farm.highestShardMapId / highestShardId. Absent in snapshots written
   * before ids were kept from reuse: restore then takes the highest id
   * present, the most that such a snapshot still knows.
   */
  readonly highestShardMapId?: number;
  readonly highestShardId?: number;
  readonly nodes: readonly FabricNode[];
  /** In submission order: the lock queues are rebuilt from it. */
  readonly procedures: readonly Procedure[];
  readonly requests: readonly RequestRecord[];
}

/**
 * The whole model as canonical JSON: collections sorted by id (procedures
 * in submission order), object keys sorted. Equal models give equal bytes,
 * whatever order their maps were filled in.
 *
 * @internal
 */
export function encodeSnapshot(s: ModelState): Uint8Array {
  const doc: SnapshotDoc = {
    format: FORMAT,
    topologyEpoch: s.farm.topologyEpoch,
    gtidDomainHigh: s.farm.gtidDomainHigh,
    groups: sortedGroups(s),
    servers: listServers(s),
    shardMaps: sortedShardMaps(s),
    shardTables: sortedShardTables(s),
    shards: sortedShards(s),
    highestShardMapId: s.farm.highestShardMapId,
    highestShardId: s.farm.highestShardId,
    nodes: sortedNodes(s),
    procedures: [...s.procedures.values()],
    requests: s.requests.all().sort((a, b) => compareStrings(a.requestId, b.requestId)),
  };
  return encoder.encode(canonicalJson(doc));
}

/**
 * Rebuilds a model from encodeSnapshot's bytes; empty bytes are the empty
 * model. Only the envelope is checked: the bytes were written by this code
 * and reach us through Raft's snapshot transfer.
 *
 * @internal
 */
export function decodeSnapshot(bytes: Uint8Array): ModelState {
  const s = emptyState();
  if (bytes.byteLength === 0) return s;
  const doc = parseDoc(bytes);
  s.farm.topologyEpoch = doc.topologyEpoch;
  for (const g of doc.groups) s.farm.groups.set(g.id, g);
  s.farm.gtidDomainHigh =
    typeof doc.gtidDomainHigh === 'number'
      ? doc.gtidDomainHigh
      : Math.max(0, ...doc.groups.map((g) => g.gtidDomainId ?? 0));
  for (const v of doc.servers) {
    s.farm.servers.set(v.uuid, v);
    s.farm.addresses.set(v.address, v.uuid);
  }
  for (const m of doc.shardMaps) s.farm.shardMaps.set(m.id, m);
  for (const t of doc.shardTables) s.farm.shardTables.set(t.table, t);
  for (const v of doc.shards) s.farm.shards.set(v.id, v);
  s.farm.highestShardMapId = doc.highestShardMapId ?? highestId(doc.shardMaps);
  s.farm.highestShardId = doc.highestShardId ?? highestId(doc.shards);
  for (const n of doc.nodes) s.nodes.set(n.id, n);
  for (const p of doc.procedures) {
    s.procedures.set(p.id, p);
    if (isLive(p)) s.locks.enqueue(p.id, p.lockKeys);
  }
  for (const r of doc.requests) s.requests.remember(r);
  return s;
}

function highestId(records: readonly { readonly id: number }[]): number {
  return records.reduce((max, r) => Math.max(max, r.id), 0);
}

const LISTS = [
  'groups',
  'servers',
  'shardMaps',
  'shardTables',
  'shards',
  'nodes',
  'procedures',
  'requests',
] as const;

const NUMBERS = ['topologyEpoch', 'highestShardMapId', 'highestShardId'] as const;

/** Fields that later versions added: older snapshots lack them. */
function optional(key: (typeof NUMBERS)[number], value: unknown): boolean {
  return key !== 'topologyEpoch' && value === undefined;
}

function parseDoc(bytes: Uint8Array): SnapshotDoc {
  let v: unknown;
  try {
    v = JSON.parse(decoder.decode(bytes));
  } catch (e) {
    throw new FabricError('INTERNAL', 'fabric: model snapshot is not JSON', {}, { cause: e });
  }
  if (!isPlainObject(v) || v.format !== FORMAT)
    throw new FabricError('INTERNAL', `fabric: model snapshot is not in format ${FORMAT}`);
  const bad = LISTS.find((k) => !Array.isArray(v[k]));
  const badNumber = NUMBERS.find((k) => typeof v[k] !== 'number' && !optional(k, v[k]));
  if (bad !== undefined || badNumber !== undefined)
    throw new FabricError(
      'INTERNAL',
      `fabric: model snapshot field ${bad ?? badNumber ?? ''} is malformed`,
    );
  return v as unknown as SnapshotDoc;
}
