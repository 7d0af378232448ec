import type { Effect, JsonValue, Server } from '../../fabric/index.js';
import { isFabricError } from '../../util/fabric-error.js';
import type { FabricErrorCode } from '../../util/fabric-error.js';
import type { StepContext, StepDefinition, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, groupId } from './args.js';
import type { CandidateView } from './candidate.js';
import { LOSSLESS_SEMI_SYNC_TIMEOUT_MS } from './farm-deps.js';
import type { FarmDeps } from './farm-deps.js';
import { compareGtidHistories, replicaSource } from '../../mysql/index.js';
import type { ServerHandle } from '../../mysql/index.js';
import { ensureReplicating } from './replication-steps.js';
import { GLOBAL_LINK_CHANNEL, ensureGlobalLink } from '../sharding/global-link.js';
import { catchUpFromShards } from './global-catchup.js';
import { applyGroupDomain, globalGroupOf, linkedShardGroups } from './shard-roles.js';

/** What choose-candidate decided; every later step works from it, never from a new probe. */
export interface Plan {
  readonly mode: 'switchover' | 'failover';
  readonly candidate: { readonly uuid: string; readonly address: string };
  readonly oldPrimary: { readonly uuid: string; readonly address: string } | null;
  /** The old primary was unreachable and the operator forced a failover: it becomes FAULTY. */
  readonly markOldFaulty: boolean;
  readonly updateOnly: boolean;
}

/**
 * A failover's freeze-replicas output: the uuids whose IO thread it
 * stopped. Undefined for a switchover (its old primary was fenced instead).
 */
export function frozenOf(ctx: StepContext): ReadonlySet<string> | undefined {
  const out = ctx.outputs['freeze-replicas'] as { frozen?: { uuid: string }[] } | undefined;
  return out?.frozen === undefined ? undefined : new Set(out.frozen.map((f) => f.uuid));
}

/** The plan choose-candidate committed; every later step follows it. */
export function planOf(ctx: StepContext): Plan {
  return ctx.outputs['choose-candidate'] as unknown as Plan;
}

/** A choose-candidate output: the plan and why each server was or was not chosen. */
export function plannedOutput(plan: Plan, considered: JsonValue): StepResult {
  return { output: { ...plan, considered }, effects: [] };
}

/**
 * The steps a switchover (group.promote) and a failover (group.failover)
 * share once a candidate is chosen. Each reads the committed plan, checks
 * the servers before acting, and is harmless to run again.
 */
export function promotionSteps(deps: FarmDeps) {
  const { model, servers } = deps;
  const handle = (s: { address: string; uuid: string }) => servers.server(s.address, s.uuid);
  const skipped = (why: string): Promise<StepResult> =>
    Promise.resolve({ output: { skipped: why }, effects: [] });

  async function view(
    s: Server,
  ): Promise<CandidateView & { readonly errorCode: FabricErrorCode | '' }> {
    try {
      const h = handle(s);
      const [pr, history] = await Promise.all([h.probe(), h.gtidHistory()]);
      return {
        uuid: s.uuid,
        address: s.address,
        weight: s.weight,
        probe: {
          engine: pr.info.engine,
          gtidExecuted: pr.gtidExecuted,
          gtidHistory: history,
          source: replicaSource(pr.replica),
          ioRunning: pr.replica?.ioRunning ?? 'No',
          sqlRunning: pr.replica?.sqlRunning ?? false,
          sqlError: pr.replica?.sqlError ?? '',
          serverId: pr.info.serverId,
        },
        errorCode: '',
      };
    } catch (e) {
      return {
        uuid: s.uuid,
        address: s.address,
        weight: s.weight,
        error: (e as Error).message,
        errorCode: isFabricError(e) ? e.code : 'SERVER_UNREACHABLE',
      };
    }
  }

  /** read_only on the old primary and its clients cut off: from here no write is accepted there. */
  async function fence(ctx: StepContext): Promise<StepResult> {
    const plan = planOf(ctx);
    if (plan.updateOnly) return skipped('update-only');
    if (plan.mode !== 'switchover' || plan.oldPrimary === null) return skipped('no live primary');
    const h = handle(plan.oldPrimary);
    await h.setReadOnly(true);
    const killed = await h.killClientConnections();
    await h.drainCommits();
    // A shard primary's global link applies global transactions through
    // read_only (replication threads are exempt): stop it, so the position
    // the candidate catches up to below is final in every domain, and the
    // old primary never gets ahead of the new one in the global domain
    // (it would then fail to follow it: error 1236, slave ahead). The new
    // primary takes the link over in relink-global.
    const globalLink = (await h.setChannelRunning(GLOBAL_LINK_CHANNEL, false)) ? 'stopped' : 'none';
    return { output: { gtid: await h.gtidExecuted(), killed, globalLink }, effects: [] };
  }

  async function catchUp(ctx: StepContext): Promise<StepResult> {
    const plan = planOf(ctx);
    if (plan.updateOnly) return skipped('update-only');
    const cand = handle(plan.candidate);
    const started = ctx.now();
    if (plan.mode === 'switchover' && plan.oldPrimary !== null) {
      const old = handle(plan.oldPrimary);
      // Fence again: harmless when it holds, and a leader that resumes this
      // step after an earlier attempt gave up must not wait for a position
      // the old primary has since moved past.
      await old.setReadOnly(true);
      await old.drainCommits();
      const gtid = await old.gtidExecuted();
      if (await cand.waitForGtids(gtid, deps.switchoverTimeoutMs))
        return { output: { gtid, waitedMs: ctx.now() - started }, effects: [] };
      if (ctx.signal.aborted) throw new Error('aborted: no longer the leader');
      // Give the writes back rather than leave the group with no writable
      // server; the candidate stays a replica, nothing else has changed.
      await old.setReadOnly(false);
      await old.setChannelRunning(GLOBAL_LINK_CHANNEL, true);
      throw new PermanentStepError(
        'REPLICATION_TIMEOUT',
        `candidate ${plan.candidate.address} did not apply the primary's transactions (${gtid}) within ${deps.switchoverTimeoutMs} ms ([ha] switchover_timeout_ms); switchover abandoned and ${plan.oldPrimary.address} is writable again`,
      );
    }
    // Failover: apply what the relay log already holds before taking writes
    // (freeze-replicas drained it already; this holds a re-run to the same).
    const drained = await cand.waitForRelayLog(deps.switchoverTimeoutMs);
    if (!drained.applied)
      throw Object.assign(
        new Error(
          `candidate ${plan.candidate.address} did not apply its relay log within ${deps.switchoverTimeoutMs} ms (SQL thread: ${drained.state})`,
        ),
        { code: 'REPLICATION_TIMEOUT' },
      );
    const gtid = await cand.gtidExecuted();
    return { output: { gtid, waitedMs: ctx.now() - started }, effects: [] };
  }

  /**
   * A global group's candidate fetches the global transactions a linked
   * shard primary applied and it lacks (global-catchup.ts argues why this
   * loses and duplicates nothing); a group that feeds no shard skips it.
   */
  function catchUpShards(ctx: StepContext): Promise<StepResult> {
    const plan = planOf(ctx);
    if (plan.updateOnly) return skipped('update-only');
    return catchUpFromShards(deps, ctx, groupId(asArgs(ctx.args)), plan.candidate);
  }

  async function promoteCandidate(ctx: StepContext): Promise<StepResult> {
    const plan = planOf(ctx);
    const group = groupId(asArgs(ctx.args));
    const c = model.server(plan.candidate.uuid);
    if (c === undefined)
      throw new PermanentStepError(
        'SERVER_NOT_FOUND',
        `candidate ${plan.candidate.address} was removed meanwhile`,
      );
    let semiSync = false;
    if (!plan.updateOnly) {
      const h = handle(plan.candidate);
      // A candidate that acknowledged as a semi-sync replica serves a group
      // that uses semi-sync: as the new primary it must wait for its
      // replicas' acknowledgements in turn, or the guarantee ends here.
      semiSync = (await h.semiSync()).replica;
      if (semiSync) await h.setSemiSyncSource(true);
      // fence = semi-sync: the new primary must block, not fall back to
      // asynchronous replication, when it loses its replicas.
      if (semiSync && deps.fencer.mode === 'semi-sync')
        await h.setSemiSyncTimeout(LOSSLESS_SEMI_SYNC_TIMEOUT_MS);
      // Its own domain before its first write (Group.gtidDomainId). A
      // session copies gtid_domain_id when it connects, so clients that
      // connected before a change would still write in the old domain:
      // cut them off, as a fence does (they were readers of a replica).
      if (await applyGroupDomain(model, h, group)) await h.killClientConnections();
      // RESET SLAVE ALL of the default connection only: gtid_slave_pos,
      // where a shard primary's global link resumes, is left as it is.
      await h.resetReplica();
      await h.setReadOnly(false);
    }
    const effects: Effect[] = [];
    if (
      plan.markOldFaulty &&
      plan.oldPrimary !== null &&
      model.server(plan.oldPrimary.uuid)?.status === 'PRIMARY'
    )
      effects.push({ type: 'server-mark-faulty', uuid: plan.oldPrimary.uuid });
    if (c.status === 'FAULTY')
      effects.push({ type: 'server-set-status', uuid: c.uuid, status: 'SPARE' });
    effects.push({ type: 'group-set-primary', groupId: group, uuid: c.uuid });
    return { output: { primary: c.address, semiSync }, effects };
  }

  async function repoint(ctx: StepContext): Promise<StepResult> {
    const plan = planOf(ctx);
    if (plan.updateOnly) return skipped('update-only');
    const others = model
      .servers({ groupId: groupId(asArgs(ctx.args)) })
      .filter((s) => s.uuid !== plan.candidate.uuid && s.status !== 'FAULTY');
    const frozen = frozenOf(ctx);
    const results = await Promise.all(
      others.map(async (s) => {
        try {
          const h = handle(s);
          const diverged =
            frozen === undefined || frozen.has(s.uuid)
              ? ''
              : await divergence(h, handle(plan.candidate));
          if (diverged !== '') return { address: s.address, result: `not repointed: ${diverged}` };
          await h.setReadOnly(true);
          if ((await h.semiSync()).source) await h.setSemiSyncSource(false);
          await applyGroupDomain(model, h, s.groupId);
          const changed = await ensureReplicating(h, plan.candidate.address);
          return { address: s.address, result: changed ? 'repointed' : 'already replicating' };
        } catch (e) {
          return { address: s.address, result: `failed: ${(e as Error).message}` };
        }
      }),
    );
    return { output: { servers: results }, effects: [] };
  }

  /**
   * A replica the failover could not freeze kept receiving from the old
   * primary, perhaps past what the new one has: it follows the new primary
   * only if the new primary's history contains its own; otherwise
   * repointing would fail with 1236 (or worse, silently skip), and it
   * waits for an operator's rebuild ('health' names it).
   */
  async function divergence(h: ServerHandle, primary: ServerHandle): Promise<string> {
    const [mine, theirs, info] = await Promise.all([
      h.gtidHistory(),
      primary.gtidHistory(),
      primary.info(),
    ]);
    const c = compareGtidHistories(info.engine, theirs, mine);
    return c.aIncludesB
      ? ''
      : `it was not frozen and holds transactions the new primary lacks (${compareGtidHistories(info.engine, mine, theirs).aMinusB}); rebuild it`;
  }

  /**
   * Moves the global links the new primary is an end of (mysql-fabric.md
   * §5, HA re-wiring): a shard group's new primary takes 'fabric_global'
   * over (the old primary lost it in fence or repoint); a global group's
   * new primary gets every linked shard primary repointed to it. Each link
   * is left alone when it is already right, so a re-run is harmless. A
   * shard primary that cannot be reached is skipped and reported, not
   * fatal: the promotion is done, and `health` shows the broken link.
   */
  async function relinkGlobal(ctx: StepContext): Promise<StepResult> {
    const plan = planOf(ctx);
    if (plan.updateOnly) return skipped('update-only');
    const group = groupId(asArgs(ctx.args));
    const global = globalGroupOf(model, group);
    // Its own link is retried (the new primary just answered, a failure
    // is likely brief) unless it cannot be made at all (the global group
    // has no primary); another group's shard primary is skipped.
    const link = async (shard: string, to: string, retry: boolean): Promise<string> => {
      try {
        return await ensureGlobalLink(deps, shard, to);
      } catch (e) {
        if (ctx.signal.aborted || (retry && !(e instanceof PermanentStepError))) throw e;
        return `not linked: ${(e as Error).message}`;
      }
    };
    const shards = linkedShardGroups(model, group);
    const output = {
      ...(global === undefined
        ? {}
        : { globalGroup: global.id, link: await link(group, global.id, true) }),
      ...(shards.length === 0
        ? {}
        : {
            shards: await Promise.all(
              shards.map(async (s) => ({ group: s, result: await link(s, group, false) })),
            ),
          }),
    };
    return { output, effects: [] };
  }

  /**
   * The new primary was published when promote-candidate committed it (that
   * effect moves the epoch). A second bump here sent connectors an epoch
   * identical to the one before (issue 15); the step stays, with no effect,
   * so a procedure resumed by a newer leader finds the step names it had.
   */
  function publish(): Promise<StepResult> {
    return Promise.resolve({ output: null, effects: [] });
  }

  /** The steps after the candidate is chosen (and, in a switchover, the old primary fenced). */
  const afterChoice: StepDefinition[] = [
    { name: 'catch-up', run: catchUp },
    { name: 'catch-up-from-shards', run: catchUpShards },
    { name: 'promote-candidate', run: promoteCandidate },
    { name: 'repoint-servers', run: repoint },
    { name: 'relink-global', run: relinkGlobal },
    { name: 'publish', run: publish },
  ];

  return { view, fence, afterChoice };
}
