import type { Effect, FabricModel, Group } from '../../fabric/index.js';
import { groupLockKey } from '../../fabric/index.js';
import type { ServerHandle } from '../../mysql/index.js';

/**
 * What sharding makes of a group, as far as HA is concerned
 * (mysql-fabric.md §5): a shard group's primary replicates from its
 * global group's primary (the global link), and a global group's primary
 * feeds every such shard primary. Derived from the model each time: an
 * ENABLED shard is linked, a DISABLED one is not.
 */

/** The global group `groupId`'s primary follows: the group holds an ENABLED shard. */
export function globalGroupOf(model: FabricModel, groupId: string): Group | undefined {
  const shard = model.shards().find((s) => s.groupId === groupId && s.state === 'ENABLED');
  const map = shard === undefined ? undefined : model.shardMap(shard.mapId);
  return map === undefined ? undefined : model.group(map.globalGroupId);
}

/** The shard groups whose primaries follow `groupId`'s primary, in id order. */
export function linkedShardGroups(model: FabricModel, groupId: string): string[] {
  const maps = new Set(
    model
      .shardMaps()
      .filter((m) => m.globalGroupId === groupId)
      .map((m) => m.id),
  );
  return model
    .shards()
    .filter((s) => s.state === 'ENABLED' && maps.has(s.mapId))
    .map((s) => s.groupId)
    .sort();
}

/**
 * The locks of a procedure that changes `group`'s primary: its own, and
 * those of every group at the other end of a global link it moves — the
 * global group of a shard group (its primary is where the link points),
 * the shard groups of a global group (their primaries get repointed).
 * Without them a shard switchover and a global one could each read the
 * other's half-done state and leave a link on a demoted server.
 */
export function haLockKeys(model: FabricModel, group: string): string[] {
  const global = globalGroupOf(model, group);
  const groups = new Set([group, ...linkedShardGroups(model, group)]);
  if (global !== undefined) groups.add(global.id);
  return [...groups].sort().map(groupLockKey);
}

/**
 * Domains `groupId`'s servers hold but never write: the global group's,
 * whose transactions a shard primary relays to its secondaries
 * (log_slave_updates). Errant-transaction checks leave them out: a shard
 * server may legitimately have global transactions a last look at its
 * primary did not show yet.
 */
export function relayedDomains(model: FabricModel, groupId: string): number[] {
  const d = globalGroupOf(model, groupId)?.gtidDomainId;
  return d === undefined ? [] : [d];
}

/**
 * The effect that gives a group its gtid_domain_id when it has none (a
 * group from before domains existed); none when it has one. Procedures
 * that configure a group's servers commit it in their first step, so the
 * later steps find the domain in the model.
 */
export function gtidDomainEffects(model: FabricModel, groupId: string): Effect[] {
  const g = model.group(groupId);
  return g === undefined || g.gtidDomainId !== undefined
    ? []
    : [{ type: 'group-assign-gtid-domain', groupId }];
}

/**
 * Sets the group's gtid_domain_id on a server it configures. MariaDB
 * forgets SET GLOBAL on restart, so every procedure that configures a
 * server (add, promote, failover, link) sets it again, and `health` flags a
 * server whose domain is wrong. True when it changed.
 */
export async function applyGroupDomain(
  model: FabricModel,
  h: ServerHandle,
  groupId: string,
): Promise<boolean> {
  const d = model.group(groupId)?.gtidDomainId;
  return d === undefined ? false : h.ensureGtidDomainId(d);
}
