import type { FabricModel, JsonValue, Server } from '../../fabric/index.js';
import { groupLockKey } from '../../fabric/index.js';
import { withTimeout } from '../../util/with-timeout.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, flag, groupId, serverRef } from './args.js';
import type { Args } from './args.js';
import { chooseCandidate } from './candidate.js';
import type { FarmDeps } from './farm-deps.js';
import { needGroup, needMember } from './lookup.js';
import { plannedOutput, promotionSteps } from './promotion-steps.js';

interface FailoverArgs {
  readonly group: string;
  /** The primary declared dead, by uuid. */
  readonly server: string;
  /** Who saw what, when: the failure detector's decision, kept in the history. */
  readonly evidence: JsonValue;
  /** Started by the failure detector (subject to the cooldown), not by an operator. */
  readonly automatic: boolean;
}

function parse(args: JsonValue): FailoverArgs {
  const a: Args = asArgs(args);
  return {
    group: groupId(a),
    server: serverRef(a),
    evidence: a.evidence ?? null,
    automatic: flag(a, 'automatic'),
  };
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
 * verdict, or an operator's): mark it FAULTY, choose the reachable
 * SECONDARY with every other's transactions, let it apply its relay log,
 * make it the writable primary, repoint the others, publish the epoch.
 * The dead primary cannot be fenced; when it returns the detector makes it
 * read-only and it stays FAULTY until `server set-status SPARE` rejoins it.
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
        `group ${p.group} failed over automatically less than ${deps.failoverCooldownMs / 1000} s ago ([failure_detector] failover_cooldown_s); no automatic failover before ${new Date(end).toISOString()}, an operator may still run fabric group promote`,
      );
    return s;
  };

  async function markFaulty(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    const s = admit(p, Date.now());
    // The verdict is a few hundred ms old: a primary that answers now was
    // not dead (a restart, a flapping link), and failing it over would lose
    // its writes for nothing.
    if (await answers(s, deps.finalProbeTimeoutMs))
      throw new PermanentStepError(
        'INVALID_TRANSITION',
        `primary ${s.address} answers again; failover abandoned [rule failover-primary-alive]`,
      );
    return {
      output: { faulty: s.address, evidence: p.evidence },
      effects: [{ type: 'server-mark-faulty', uuid: s.uuid }],
    };
  }

  /** Whether the server answers a trivial query within timeoutMs. */
  function answers(s: Server, timeoutMs: number): Promise<boolean> {
    const query = servers
      .server(s.address, s.uuid)
      .isReadOnly()
      .then(
        () => true,
        () => false,
      );
    return withTimeout(query, timeoutMs, () => false);
  }

  async function choose(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    const old = ctx.outputs['mark-faulty'] as { faulty: string };
    const pool = model.servers({ groupId: p.group, status: 'SECONDARY' });
    const views = await Promise.all(pool.map((s) => view(s)));
    const choice = chooseCandidate({ candidates: views, force: false });
    const c = pool.find((s) => s.uuid === choice.chosen?.uuid);
    if (c === undefined)
      throw new PermanentStepError(
        'NO_CANDIDATE',
        `group ${p.group} lost its primary ${old.faulty} and no SECONDARY can take over: ${choice.considered.map((x) => `${x.address}: ${x.reason}`).join('; ') || 'it has none'}; promote one by hand (fabric group promote --server … --force)`,
      );
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

  return {
    name: 'group.failover',
    lockKeys: (args) => [groupLockKey(parse(args).group)],
    admit: (args) => {
      admit(parse(args), Date.now());
    },
    steps: [
      { name: 'mark-faulty', run: markFaulty },
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
