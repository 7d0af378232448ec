import type { Group, Server } from '../../fabric/index.js';
import { replicaSource, splitAddress } from '../../mysql/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import { needGroup, primaryOf } from '../farm/lookup.js';
import { applyGroupDomain } from '../farm/shard-roles.js';
import type { StepContext } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';

/**
 * The global group's link to a shard group (issue 12, mysql-fabric.md §5):
 * the shard group's primary replicates from the global group's primary
 * over the named multi-source connection 'fabric_global', beside the
 * default connection of its own group's HA replication; its secondaries
 * get the global transactions from it through log_slave_updates (a group
 * requirement). Only a group's primary may carry the link: a secondary
 * with one would apply each global transaction twice (once from each
 * source), so HA removes it from a server that stops being primary.
 */

/** The multi-source connection (MariaDB) or channel (MySQL) name of the link. */
export const GLOBAL_LINK_CHANNEL = 'fabric_global';

/** What ensureGlobalLink found and did, for a step's output. */
export type LinkOutcome = 'linked' | 'already linked';

/**
 * Points `shardGroupId`'s primary's 'fabric_global' connection at
 * `globalGroupId`'s primary and starts it. Idempotent (a step may run twice).
 */
export async function linkShardGroup(
  deps: FarmDeps,
  _ctx: StepContext,
  shardGroupId: string,
  globalGroupId: string,
): Promise<void> {
  await ensureGlobalLink(deps, shardGroupId, globalGroupId);
}

/** Stops and removes 'fabric_global' on `shardGroupId`'s primary. Idempotent. */
export async function unlinkShardGroup(
  deps: FarmDeps,
  _ctx: StepContext,
  shardGroupId: string,
): Promise<void> {
  const primary = primaryOf(deps.model, needGroup(deps.model, shardGroupId));
  if (primary === undefined) return;
  await deps.servers.server(primary.address, primary.uuid).removeChannel(GLOBAL_LINK_CHANNEL);
}

/**
 * linkShardGroup, saying what it did. The link is left alone when it
 * already replicates from the global primary with both threads up (so a
 * re-run step does not restart healthy replication); otherwise it is
 * (re)pointed with MASTER_USE_GTID = slave_pos: the shard primary resumes
 * from the global domain's position it applied, whichever connection
 * applied it — after a shard switchover the new primary received the
 * global transactions from the old one, after a global switchover the new
 * global primary holds the same global GTIDs. gtid_slave_pos is never
 * reset here.
 */
export async function ensureGlobalLink(
  deps: FarmDeps,
  shardGroupId: string,
  globalGroupId: string,
): Promise<LinkOutcome> {
  const { model, servers } = deps;
  const [shard, global] = [needGroup(model, shardGroupId), needGroup(model, globalGroupId)];
  if (shard.id === global.id)
    throw new PermanentStepError(
      'INVALID_ARGUMENT',
      `group ${shard.id} cannot replicate from itself as its own global group`,
    );
  checkDomains(shard, global);
  const source = needPrimary(deps, global, 'global');
  const target = needPrimary(deps, shard, 'shard');
  const h = servers.server(target.address, target.uuid);
  await applyGroupDomain(model, h, shard.id);
  const st = await h.channelStatus(GLOBAL_LINK_CHANNEL);
  if (replicaSource(st) === source.address && st?.ioRunning !== 'No' && st?.sqlRunning === true)
    return 'already linked';
  await h.replicateChannelFrom(GLOBAL_LINK_CHANNEL, splitAddress(source.address));
  return 'linked';
}

function needPrimary(deps: FarmDeps, g: Group, role: 'global' | 'shard'): Server {
  const p = primaryOf(deps.model, g);
  if (p === undefined)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `the ${role} group ${g.id} has no primary: promote one (fabric group promote ${g.id}) before linking`,
    );
  return p;
}

/**
 * The two groups must write in different gtid domains, or the shard
 * primary's gtid_slave_pos would hold one position for two unrelated
 * histories (MariaDB manual, "Multi-source replication": each source in
 * its own domain). A group without a recorded domain writes in whatever
 * its servers have — MariaDB's default 0 — and so counts as 0.
 */
function checkDomains(shard: Group, global: Group): void {
  const a = shard.gtidDomainId ?? 0;
  const b = global.gtidDomainId ?? 0;
  if (a !== b) return;
  throw new PermanentStepError(
    'INVALID_TRANSITION',
    `groups ${shard.id} and ${global.id} write in the same gtid domain ${a}; a group gets its own domain when it is created, or when a server is added or promoted in it`,
  );
}
