import { within } from '../step-timeout.js';
import type { FabricModel, JsonValue, Server } from '../../fabric/index.js';
import { groupLockKey } from '../../fabric/index.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, flag, groupId, serverRef } from './args.js';
import type { Args } from './args.js';
import { chooseCandidate } from './candidate.js';
import type { LastSeenPrimary } from './errant.js';
import type { FarmDeps } from './farm-deps.js';
import { needGroup, needMember } from './lookup.js';
import { frozenOf, plannedOutput, promotionSteps } from './promotion-steps.js';
import { gtidDomainEffects, haLockKeys, relayedDomains } from './shard-roles.js';

interface FailoverArgs {
  readonly group: string;
  /** The primary declared dead, by uuid. */
  readonly server: string;
  /** Who saw what, when: the failure detector's decision, kept in the history. */
  readonly evidence: JsonValue;
  /** Started by the failure detector (subject to the cooldown), not by an operator. */
  readonly automatic: boolean;
  /** The dead primary's GTIDs as the detector last saw them; undefined when nobody recorded them. */
  readonly lastSeen: LastSeenPrimary | undefined;
}

function parse(args: JsonValue): FailoverArgs {
  const a: Args = asArgs(args);
  return {
    group: groupId(a),
    server: serverRef(a),
    evidence: a.evidence ?? null,
    automatic: flag(a, 'automatic'),
    lastSeen: lastSeenOf(a.lastSeen),
  };
}

/**
 * The detector's record of the dead primary, or undefined when absent or
 * not in the shape it writes (an operator's hand-made arguments): the
 * errant-transaction check against the other candidates still applies.
 */
function lastSeenOf(v: JsonValue | undefined): LastSeenPrimary | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const { engine, gtidExecuted, serverId, at } = v as Readonly<Record<string, JsonValue>>;
  if (engine !== 'mariadb' && engine !== 'mysql') return undefined;
  if (typeof gtidExecuted !== 'string' || typeof serverId !== 'number' || typeof at !== 'number')
    return undefined;
  return { engine, gtidExecuted, serverId, at };
}

/** One candidate a failover could not promote, and why (the NO_CANDIDATE error's cause). */
export interface Rejected {
  readonly address: string;
  readonly uuid: string;
  readonly reason: string;
}

/**
 * When the group's last automatic failover's cooldown ends (0: none ran):
 * no second automatic failover before it (anti-flapping,
 * mysql-fabric.md §3 failover_interval); operators may still promote.
 */
export function failoverCooldownEnd(model: FabricModel, group: string, cooldownMs: number): number {
  let end = 0;
  for (const p of model.procedures({ name: 'group.failover', state: 'DONE' })) {
    const a = p.args as { group?: unknown; automatic?: unknown } | null;
    if (a?.group === group && a.automatic === true && p.finishedAt !== undefined)
      end = Math.max(end, p.finishedAt + cooldownMs);
  }
  return end;
}

/**
 * group.failover: the primary is dead (the failure detector's agreed
 * verdict, or an operator's): mark it FAULTY; fence it the way [ha] fence
 * says (it may be alive and only cut from Fabric); freeze every reachable
 * replica's IO thread, so none applies another transaction from it; choose
 * the frozen SECONDARY that will have every other's transactions; let it
 * apply its relay log; make it the writable primary; repoint the others
 * (one that could not be frozen only if it has not diverged); publish the
 * epoch. When the old primary returns the detector makes it read-only and
 * it stays FAULTY until `server set-status SPARE` rejoins it.
 */
export function failoverProcedure(deps: FarmDeps): ProcedureDefinition {
  const { model, servers } = deps;
  const { view, afterChoice } = promotionSteps(deps);

  const admit = (p: FailoverArgs, now: number): Server => {
    const g = needGroup(model, p.group);
    const s = needMember(model, p.group, p.server);
    if (g.primary !== s.uuid)
      throw new PermanentStepError(
        'INVALID_TRANSITION',
        `server ${s.address} is ${s.status}, not the primary of group ${p.group}: nothing to fail over [rule failover-primary]`,
      );
    const end = failoverCooldownEnd(model, p.group, deps.failoverCooldownMs);
    if (p.automatic && now < end)
      throw new PermanentStepError(
        'FAILOVER_COOLDOWN',
        `group ${p.group} failed over automatically less than ${deps.failoverCooldownMs / 1000} s ago ([failure_detector] failover_cooldown_s); no automatic failover for another ${Math.ceil((end - now) / 1000)} s, an operator may still run fabric group promote`,
      );
    return s;
  };

  async function markFaulty(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    const s = admit(p, ctx.now());
    // The verdict is a few hundred ms old: a primary that answers now was
    // not dead (a restart, a flapping link), and failing it over would lose
    // its writes for nothing.
    if (await answers(ctx, s, deps.finalProbeTimeoutMs))
      throw new PermanentStepError(
        'INVALID_TRANSITION',
        `primary ${s.address} answers again; failover abandoned [rule failover-primary-alive]`,
      );
    return {
      output: { faulty: s.address, evidence: p.evidence },
      // A group from before gtid domains gets its own now: promote-candidate sets it.
      effects: [{ type: 'server-mark-faulty', uuid: s.uuid }, ...gtidDomainEffects(model, p.group)],
    };
  }

  /** Whether the server answers a trivial query within timeoutMs. */
  function answers(ctx: StepContext, s: Server, timeoutMs: number): Promise<boolean> {
    const query = servers
      .server(s.address, s.uuid)
      .isReadOnly()
      .then(
        () => true,
        () => false,
      );
    return within(ctx, query, timeoutMs, () => false);
  }

  /**
   * Makes sure the old primary takes no more writes before another is
   * promoted. Fabric cannot reach it (that is why it was declared dead),
   * so with fence = 'none' nothing can: a primary only cut from Fabric,
   * still reached by clients, keeps acknowledging writes that the new
   * primary never gets (README, "Fencing").
   */
  async function fenceOld(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    const s = model.server(p.server);
    const address = s?.address ?? p.server;
    const { fencer } = deps;
    if (deps.unsafe?.promoteWithoutFence === true)
      return { output: { fence: 'skipped (unsafe test variant)' }, effects: [] };
    if (fencer.mode === 'none')
      return {
        output: {
          fence: 'none',
          risk: 'nothing stops the old primary from taking writes if clients still reach it',
        },
        effects: [],
      };
    if (fencer.mode === 'semi-sync')
      return {
        output: {
          fence: 'semi-sync',
          how: 'a semi-sync primary cut from its replicas blocks its commits (no asynchronous fallback)',
        },
        effects: [],
      };
    try {
      const said = await fencer.fence({ group: p.group, uuid: p.server, address }, ctx.signal);
      return { output: { fence: 'command', server: address, output: said }, effects: [] };
    } catch (e) {
      if (ctx.signal.aborted) throw e;
      throw new PermanentStepError(
        'FENCE_FAILED',
        `the fence command for the old primary ${address} failed: ${(e as Error).message}; nothing was promoted. Fence it by hand, then promote a secondary (fabric group promote ${p.group})`,
        { cause: e },
      );
    }
  }

  /**
   * Stops the IO thread of every reachable replica, then waits for each SQL
   * thread to apply what its relay log holds. From here no replica receives
   * or applies another transaction from the old primary, so executed GTIDs
   * are final and the choice below stays right: no other replica can end up
   * with a transaction the chosen one lacks, even if the old primary is
   * alive and still writing. (Received GTIDs would not do: a transaction
   * received only in part shows in Gtid_IO_Pos but is never applied.) A
   * replica that cannot be stopped or drained in time is left out of the
   * choice and repointed only if it has not diverged.
   */
  async function freeze(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    const replicas = model
      .servers({ groupId: p.group })
      .filter((s) => s.status === 'SECONDARY' || s.status === 'SPARE');
    const results = await Promise.all(
      replicas.map(async (s) => {
        const h = servers.server(s.address, s.uuid);
        const ms = deps.switchoverTimeoutMs;
        const op = h
          .stopReceiving()
          .then(() => h.waitForRelayLog(ms))
          .then(
            (r) =>
              r.applied
                ? ''
                : `its relay log was not applied within ${ms} ms; SQL thread: ${r.state}`,
            (e: unknown) => (e as Error).message,
          );
        // Bounded by [ha] switchover_timeout_ms, not the probe timeout: a
        // semi-sync replica's IO thread stops only after it tried to KILL
        // its dump thread on the source over a new connection, which waits
        // up to rpl_semi_sync_slave_kill_conn_timeout (5 s by default) when
        // the source is cut off (measured in the semi-sync split-brain test).
        const error = await within(ctx, op, 2 * ms, () => `no answer within ${2 * ms} ms`);
        return { uuid: s.uuid, address: s.address, error };
      }),
    );
    return {
      output: {
        frozen: results
          .filter((r) => r.error === '')
          .map(({ uuid, address }) => ({ uuid, address })),
        notFrozen: results.filter((r) => r.error !== ''),
      },
      effects: [],
    };
  }

  /** A failover that stops before promoting gives the frozen replicas their IO threads back. */
  async function thaw(frozen: ReadonlySet<string>): Promise<void> {
    await Promise.all(
      [...frozen].map(async (uuid) => {
        const s = model.server(uuid);
        if (s !== undefined)
          await servers
            .server(s.address, s.uuid)
            .startReceiving()
            .catch(() => undefined);
      }),
    );
  }

  async function choose(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    const old = ctx.outputs['mark-faulty'] as { faulty: string };
    const frozen = frozenOf(ctx) ?? new Set<string>();
    const secondaries = model.servers({ groupId: p.group, status: 'SECONDARY' });
    const pool = secondaries.filter((s) => frozen.has(s.uuid));
    const views = await Promise.all(pool.map((s) => view(s)));
    const choice = chooseCandidate({
      candidates: views,
      deadPrimary: {
        address: old.faulty,
        ...(p.lastSeen === undefined ? {} : { lastSeen: p.lastSeen }),
      },
      force: false,
      relayedDomains: relayedDomains(model, p.group),
    });
    const c = pool.find((s) => s.uuid === choice.chosen?.uuid);
    if (c === undefined) {
      await thaw(frozen);
      const rejected: Rejected[] = [
        ...choice.considered.map(({ address, uuid, reason }) => ({ address, uuid, reason })),
        ...unfrozen(ctx, secondaries, frozen),
      ];
      throw new PermanentStepError(
        'NO_CANDIDATE',
        `group ${p.group} lost its primary ${old.faulty} and no SECONDARY can take over: ${rejected.map((x) => `${x.address}: ${x.reason}`).join('; ') || 'it has none'}; fix one, or promote one by hand (fabric group promote --server … --force)`,
        { cause: { candidates: rejected } },
      );
    }
    return plannedOutput(
      {
        mode: 'failover',
        candidate: { uuid: c.uuid, address: c.address },
        oldPrimary: null,
        markOldFaulty: false,
        updateOnly: false,
      },
      choice.considered as unknown as JsonValue,
    );
  }

  /** The SECONDARYs the freeze could not stop, with its reason. */
  function unfrozen(
    ctx: StepContext,
    secondaries: readonly Server[],
    frozen: ReadonlySet<string>,
  ): Rejected[] {
    const out = ctx.outputs['freeze-replicas'] as
      { notFrozen?: { uuid: string; error: string }[] } | undefined;
    const why = new Map((out?.notFrozen ?? []).map((r) => [r.uuid, r.error]));
    return secondaries
      .filter((s) => !frozen.has(s.uuid))
      .map((s) => ({
        address: s.address,
        uuid: s.uuid,
        reason: `could not be frozen: ${why.get(s.uuid) ?? 'not reachable'}`,
      }));
  }

  return {
    name: 'group.failover',
    lockKeys: (args) => haLockKeys(model, parse(args).group),
    admit: (args, at) => {
      admit(parse(args), at);
    },
    steps: [
      { name: 'mark-faulty', run: markFaulty },
      { name: 'fence-old-primary', run: fenceOld },
      { name: 'freeze-replicas', run: freeze },
      { name: 'choose-candidate', run: choose },
      ...afterChoice,
    ],
  };
}

/** server.mark-faulty: a dead SECONDARY or SPARE leaves routing; no failover (it is not the primary). */
export function markFaultyProcedure(deps: FarmDeps): ProcedureDefinition {
  const { model } = deps;
  const parseArgs = (args: JsonValue) => {
    const a = asArgs(args);
    return { server: serverRef(a), evidence: a.evidence ?? null };
  };
  const admit = (ref: string): Server => {
    const s = model.server(ref) ?? model.serverByAddress(ref);
    if (s === undefined)
      throw new PermanentStepError('SERVER_NOT_FOUND', `no server ${ref} in the farm`);
    if (s.status === 'PRIMARY')
      throw new PermanentStepError(
        'INVALID_TRANSITION',
        `server ${s.address} is the PRIMARY of group ${s.groupId}; a dead primary is failed over (group.failover), not only marked [rule mark-faulty]`,
      );
    if (s.status === 'FAULTY')
      throw new PermanentStepError('INVALID_TRANSITION', `server ${s.address} is already FAULTY`);
    return s;
  };
  return {
    name: 'server.mark-faulty',
    lockKeys: (args) => {
      const p = parseArgs(args);
      return [groupLockKey(admit(p.server).groupId)];
    },
    admit: (args) => {
      admit(parseArgs(args).server);
    },
    steps: [
      {
        name: 'mark-faulty',
        run: (ctx) => {
          const p = parseArgs(ctx.args);
          const s = admit(p.server);
          return Promise.resolve({
            output: { faulty: s.address, evidence: p.evidence },
            effects: [{ type: 'server-mark-faulty', uuid: s.uuid }],
          });
        },
      },
    ],
  };
}
