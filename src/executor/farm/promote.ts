import type { Effect, FabricModel, JsonValue, Server } from '../../fabric/index.js';
import { groupLockKey } from '../../fabric/index.js';
import { isFabricError } from '../../util/fabric-error.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, flag, groupId, optionalServerRef } from './args.js';
import { chooseCandidate } from './candidate.js';
import type { CandidateView } from './candidate.js';
import type { FarmDeps } from './farm-deps.js';
import { needGroup, needMember, primaryOf } from './lookup.js';
import { ensureReplicating } from './replication-steps.js';

interface PromoteArgs {
  readonly group: string;
  readonly server: string | undefined;
  readonly force: boolean;
  readonly updateOnly: boolean;
}

/** What choose-candidate decided; every later step works from it, never from a new probe. */
interface Plan {
  readonly mode: 'switchover' | 'failover';
  readonly candidate: { readonly uuid: string; readonly address: string };
  readonly oldPrimary: { readonly uuid: string; readonly address: string } | null;
  /** The old primary was unreachable and the operator forced a failover: it becomes FAULTY. */
  readonly markOldFaulty: boolean;
  readonly updateOnly: boolean;
}

function parse(args: JsonValue): PromoteArgs {
  const a = asArgs(args);
  const p = {
    group: groupId(a),
    server: optionalServerRef(a),
    force: flag(a, 'force'),
    updateOnly: flag(a, 'updateOnly'),
  };
  if (p.updateOnly && p.server === undefined)
    throw new PermanentStepError(
      'INVALID_ARGUMENT',
      'updateOnly needs server: name the new primary',
    );
  return p;
}

/** The rules a named candidate must pass before anything is committed (mysql-fabric.md §4). */
function admit(model: FabricModel, p: PromoteArgs): void {
  const g = needGroup(model, p.group);
  if (p.server === undefined) {
    if (model.servers({ groupId: p.group, status: 'SECONDARY' }).length === 0)
      throw new PermanentStepError(
        'NO_CANDIDATE',
        `group ${p.group} has no SECONDARY server to promote; add one (fabric group add) or name a SPARE with --server and --force`,
      );
    return;
  }
  const s = needMember(model, p.group, p.server);
  if (g.primary === s.uuid)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `server ${s.address} is already the primary of group ${p.group}`,
    );
  if (s.status === 'CONFIGURING')
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `server ${s.address} is still CONFIGURING (being added); wait for it to become SECONDARY [rule promote-from]`,
    );
  if ((s.status === 'FAULTY' || s.status === 'SPARE') && !p.force)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `server ${s.address} is ${s.status}; only a SECONDARY is promoted without --force (a ${s.status} server may lack transactions or be broken) [rule promote-from]`,
    );
}

/**
 * group.promote: a switchover when the group's primary is alive, a
 * failover when there is none (mysql-fabric.md §3). Every step is committed
 * and can be re-run by a new leader: each one checks the servers' state
 * before acting, and all later steps follow the plan the first committed.
 */
export function promoteProcedure(deps: FarmDeps): ProcedureDefinition {
  const { model, servers } = deps;
  const handle = (s: { address: string; uuid: string }) => servers.server(s.address, s.uuid);
  const planOf = (ctx: StepContext): Plan => ctx.outputs['choose-candidate'] as unknown as Plan;
  const skipped = (why: string): Promise<StepResult> =>
    Promise.resolve({ output: { skipped: why }, effects: [] });

  async function choose(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    admit(model, p);
    const g = needGroup(model, p.group);
    const old = primaryOf(model, g);
    const pool =
      p.server === undefined
        ? model.servers({ groupId: p.group, status: 'SECONDARY' })
        : [needMember(model, p.group, p.server)];
    if (p.updateOnly) {
      const [c] = pool as [Server];
      return planned(
        {
          mode: old === undefined ? 'failover' : 'switchover',
          c,
          old,
          markOldFaulty: false,
          updateOnly: true,
        },
        [],
      );
    }
    // Candidates first, then the primary: under writes the primary moves
    // on, and read in the other order every replica would look "ahead" of
    // it, i.e. holding errant transactions it lacks.
    const views = await Promise.all(pool.map((s) => view(s)));
    let oldGtid: string | undefined;
    let markOldFaulty = false;
    if (old !== undefined) {
      try {
        oldGtid = await handle(old).gtidExecuted();
      } catch (e) {
        if (!p.force)
          throw new PermanentStepError(
            'SERVER_UNREACHABLE',
            `the primary ${old.address} is unreachable (${(e as Error).message}); a switchover needs it alive. To fail over from a dead primary, promote again with --force (it is then marked FAULTY)`,
          );
        markOldFaulty = true;
      }
    }
    const named = p.server === undefined ? undefined : views[0];
    if (named !== undefined && named.probe === undefined)
      // The operator named this server: say what is wrong with it (a
      // replaced server, a dead one), not merely that no candidate is left.
      throw new PermanentStepError(
        named.errorCode,
        `cannot promote ${named.address} in group ${p.group}: ${named.error ?? 'no answer'}`,
      );
    const choice = chooseCandidate({
      candidates: views,
      ...(old !== undefined && oldGtid !== undefined
        ? { oldPrimary: { address: old.address, gtidExecuted: oldGtid } }
        : {}),
      force: p.force,
    });
    if (choice.chosen === undefined)
      throw new PermanentStepError(
        'NO_CANDIDATE',
        `no server of group ${p.group} can be promoted: ${choice.considered.map((c) => `${c.address}: ${c.reason}`).join('; ')}`,
      );
    const c = pool.find((s) => s.uuid === choice.chosen?.uuid) as Server;
    const mode = old === undefined || markOldFaulty ? 'failover' : 'switchover';
    return planned(
      { mode, c, old, markOldFaulty, updateOnly: false },
      choice.considered as unknown as JsonValue,
    );
  }

  function planned(
    o: {
      mode: Plan['mode'];
      c: Server;
      old: Server | undefined;
      markOldFaulty: boolean;
      updateOnly: boolean;
    },
    considered: JsonValue,
  ): Promise<StepResult> {
    const plan: Plan = {
      mode: o.mode,
      candidate: { uuid: o.c.uuid, address: o.c.address },
      oldPrimary: o.old === undefined ? null : { uuid: o.old.uuid, address: o.old.address },
      markOldFaulty: o.markOldFaulty,
      updateOnly: o.updateOnly,
    };
    return Promise.resolve({
      output: { ...plan, considered },
      effects: [],
    });
  }

  async function view(s: Server): Promise<CandidateView & { readonly errorCode: string }> {
    try {
      const pr = await handle(s).probe();
      return {
        uuid: s.uuid,
        address: s.address,
        weight: s.weight,
        probe: {
          engine: pr.info.engine,
          gtidExecuted: pr.gtidExecuted,
          source:
            pr.replica === undefined ? '' : `${pr.replica.sourceHost}:${pr.replica.sourcePort}`,
          ioRunning: pr.replica?.ioRunning ?? 'No',
          sqlRunning: pr.replica?.sqlRunning ?? false,
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
    return { output: { gtid: await h.gtidExecuted(), killed }, effects: [] };
  }

  async function catchUp(ctx: StepContext): Promise<StepResult> {
    const plan = planOf(ctx);
    if (plan.updateOnly) return skipped('update-only');
    const cand = handle(plan.candidate);
    const started = Date.now();
    if (plan.mode === 'switchover' && plan.oldPrimary !== null) {
      const old = handle(plan.oldPrimary);
      // Fence again: harmless when it holds, and a leader that resumes this
      // step after an earlier attempt gave up must not wait for a position
      // the old primary has since moved past.
      await old.setReadOnly(true);
      await old.drainCommits();
      const gtid = await old.gtidExecuted();
      if (await cand.waitForGtids(gtid, deps.switchoverTimeoutMs))
        return { output: { gtid, waitedMs: Date.now() - started }, effects: [] };
      if (ctx.signal.aborted) throw new Error('aborted: no longer the leader');
      // Give the writes back rather than leave the group with no writable
      // server; the candidate stays a replica, nothing else has changed.
      await old.setReadOnly(false);
      throw new PermanentStepError(
        'REPLICATION_TIMEOUT',
        `candidate ${plan.candidate.address} did not apply the primary's transactions (${gtid}) within ${deps.switchoverTimeoutMs} ms ([ha] switchover_timeout_ms); switchover abandoned and ${plan.oldPrimary.address} is writable again`,
      );
    }
    // Failover: apply what the relay log already holds before taking writes.
    const st = await cand.replicaStatus();
    const received = st?.receivedGtids ?? '';
    if (received !== '' && !(await cand.waitForGtids(received, deps.switchoverTimeoutMs)))
      throw Object.assign(
        new Error(
          `candidate ${plan.candidate.address} did not apply its relay log (${received}) within ${deps.switchoverTimeoutMs} ms`,
        ),
        { code: 'REPLICATION_TIMEOUT' },
      );
    return { output: { gtid: received, waitedMs: Date.now() - started }, effects: [] };
  }

  async function promoteCandidate(ctx: StepContext): Promise<StepResult> {
    const plan = planOf(ctx);
    const p = parse(ctx.args);
    const c = model.server(plan.candidate.uuid);
    if (c === undefined)
      throw new PermanentStepError(
        'SERVER_NOT_FOUND',
        `candidate ${plan.candidate.address} was removed meanwhile`,
      );
    if (!plan.updateOnly) {
      const h = handle(plan.candidate);
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
    effects.push({ type: 'group-set-primary', groupId: p.group, uuid: c.uuid });
    return { output: { primary: c.address }, effects };
  }

  async function repoint(ctx: StepContext): Promise<StepResult> {
    const plan = planOf(ctx);
    if (plan.updateOnly) return skipped('update-only');
    const p = parse(ctx.args);
    const others = model
      .servers({ groupId: p.group })
      .filter((s) => s.uuid !== plan.candidate.uuid && s.status !== 'FAULTY');
    const results = await Promise.all(
      others.map(async (s) => {
        try {
          const h = handle(s);
          await h.setReadOnly(true);
          const changed = await ensureReplicating(h, plan.candidate.address);
          return { address: s.address, result: changed ? 'repointed' : 'already replicating' };
        } catch (e) {
          return { address: s.address, result: `failed: ${(e as Error).message}` };
        }
      }),
    );
    return { output: { servers: results }, effects: [] };
  }

  return {
    name: 'group.promote',
    lockKeys: (args) => [groupLockKey(parse(args).group)],
    admit: (args) => {
      admit(model, parse(args));
    },
    steps: [
      { name: 'choose-candidate', run: choose },
      { name: 'fence-old-primary', run: fence },
      { name: 'catch-up', run: catchUp },
      { name: 'promote-candidate', run: promoteCandidate },
      { name: 'repoint-servers', run: repoint },
      {
        name: 'publish',
        // One more epoch once the replicas follow the new primary, so readers
        // that route to secondaries re-read a settled topology.
        run: () => Promise.resolve({ output: null, effects: [{ type: 'bump-epoch' }] }),
      },
    ],
  };
}
