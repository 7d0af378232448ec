import { MAX_CHECKPOINT_BYTES, checkpointBytes } from './step-progress.js';
import type { Farm } from './farm.js';
import { boundProblem } from './shard-bounds.js';
import { isLive } from './model-state.js';
import type { ModelState } from './model-state.js';
import { MODES_BY_STATUS } from './transitions.js';

/**
 * Every invariant the model promises, checked from scratch. Returns one
 * line per violation (empty when all hold). The tests and the simulator
 * call it after every command; apply does not, since it is O(size).
 *
 * @internal
 */
export function modelInvariantProblems(s: ModelState): string[] {
  return [...farmProblems(s.farm), ...procedureProblems(s)];
}

function farmProblems(f: Farm): string[] {
  const out: string[] = [];
  for (const v of f.servers.values()) {
    if (!f.groups.has(v.groupId)) out.push(`server ${v.uuid}: group ${v.groupId} does not exist`);
    if (f.addresses.get(v.address) !== v.uuid) out.push(`server ${v.uuid}: address index is stale`);
    if (v.status !== 'FAULTY' && !MODES_BY_STATUS[v.status].includes(v.mode))
      out.push(`server ${v.uuid}: mode ${v.mode} not allowed for ${v.status}`);
    if (!(Number.isFinite(v.weight) && v.weight > 0)) out.push(`server ${v.uuid}: bad weight`);
  }
  if (f.addresses.size !== f.servers.size) out.push('address index has extra entries');
  for (const g of f.groups.values()) {
    const primaries = [...f.servers.values()].filter(
      (v) => v.groupId === g.id && v.status === 'PRIMARY',
    );
    const expected = g.primary === null ? [] : [g.primary];
    if (primaries.map((v) => v.uuid).join() !== expected.join())
      out.push(
        `group ${g.id}: primary ${String(g.primary)} but PRIMARY servers [${primaries.map((v) => v.uuid).join()}]`,
      );
  }
  const domains = new Map<number, string>();
  for (const g of f.groups.values()) {
    const d = g.gtidDomainId;
    if (d === undefined) continue;
    if (d > f.gtidDomainHigh) out.push(`group ${g.id}: gtid domain ${d} above the high mark`);
    const other = domains.get(d);
    if (other !== undefined) out.push(`groups ${other} and ${g.id}: same gtid domain ${d}`);
    domains.set(d, g.id);
  }
  for (const m of f.shardMaps.values())
    if (!f.groups.has(m.globalGroupId)) out.push(`shard map ${m.id}: no global group`);
  for (const t of f.shardTables.values())
    if (!f.shardMaps.has(t.mapId)) out.push(`shard table ${t.table}: no map ${t.mapId}`);
  return [...out, ...shardProblems(f)];
}

function shardProblems(f: Farm): string[] {
  const out: string[] = [];
  const shardGroups = new Set<string>();
  const globalGroups = new Set([...f.shardMaps.values()].map((m) => m.globalGroupId));
  const bounds = new Set<string>();
  for (const m of f.shardMaps.values())
    if (m.id > f.highestShardMapId) out.push(`shard map ${m.id}: above the highest id used`);
  for (const v of f.shards.values()) {
    const map = f.shardMaps.get(v.mapId);
    if (map === undefined) out.push(`shard ${v.id}: no map ${v.mapId}`);
    if (!f.groups.has(v.groupId)) out.push(`shard ${v.id}: no group ${v.groupId}`);
    if (shardGroups.has(v.groupId)) out.push(`group ${v.groupId}: holds more than one shard`);
    if (globalGroups.has(v.groupId)) out.push(`group ${v.groupId}: both global and shard group`);
    if (v.id > f.highestShardId) out.push(`shard ${v.id}: above the highest id used`);
    const bad = map === undefined ? undefined : boundProblem(map.type, v.lowerBound);
    if (bad !== undefined) out.push(`shard ${v.id}: lower bound ${v.lowerBound}: ${bad}`);
    // Canonical bounds are equal as text exactly when they are equal as bounds.
    const key = `${v.mapId}/${v.lowerBound}`;
    if (bounds.has(key)) out.push(`shard map ${v.mapId}: two shards at ${v.lowerBound}`);
    bounds.add(key);
    shardGroups.add(v.groupId);
  }
  return out;
}

function procedureProblems(s: ModelState): string[] {
  const out: string[] = [];
  const expectedQueues = new Map<string, string[]>();
  for (const p of s.procedures.values()) {
    if (isLive(p)) {
      for (const k of p.lockKeys) expectedQueues.set(k, [...(expectedQueues.get(k) ?? []), p.id]);
      if (s.requests.get(p.requestId)?.procedureId !== p.id)
        out.push(`procedure ${p.id}: live but its request id is forgotten`);
    }
    const holds = s.locks.holdsAll(p.id, p.lockKeys);
    if (p.state === 'RUNNING' && !holds) out.push(`procedure ${p.id}: RUNNING without its locks`);
    if (p.state === 'QUEUED' && holds) out.push(`procedure ${p.id}: QUEUED but holds every lock`);
    const doneSteps = p.steps.filter((r) => r.state === 'done').length;
    if (doneSteps !== p.current)
      out.push(`procedure ${p.id}: current ${p.current}, ${doneSteps} done`);
    if ((p.state === 'DONE') !== (p.current === p.steps.length))
      out.push(`procedure ${p.id}: ${p.state} with current ${p.current}/${p.steps.length}`);
    for (const [i, r] of p.steps.entries())
      if (
        r.progress !== undefined &&
        (r.state === 'done' || checkpointBytes(r.progress.value) > MAX_CHECKPOINT_BYTES)
      )
        out.push(
          `procedure ${p.id}: step ${i} is ${r.state} with a progress record of ${checkpointBytes(r.progress.value)} bytes`,
        );
  }
  const keys = new Set([...s.locks.keys(), ...expectedQueues.keys()]);
  for (const k of keys) {
    if (s.locks.queue(k).join() !== (expectedQueues.get(k) ?? []).join())
      out.push(`lock ${k}: queue is not the live holders in submission order`);
  }
  return out;
}
