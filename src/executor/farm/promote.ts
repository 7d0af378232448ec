import type { FabricModel, JsonValue, Server } from '../../fabric/index.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, flag, groupId, optionalServerRef } from './args.js';
import { chooseCandidate } from './candidate.js';
import type { FarmDeps } from './farm-deps.js';
import { needGroup, needMember, primaryOf } from './lookup.js';
import { plannedOutput, promotionSteps } from './promotion-steps.js';
import type { Plan } from './promotion-steps.js';
import { gtidDomainEffects, haLockKeys, relayedDomains } from './shard-roles.js';

interface PromoteArgs {
  readonly group: string;
  readonly server: string | undefined;
  readonly force: boolean;
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
  const { view, fence, afterChoice } = promotionSteps(deps);

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
    let oldHistory: string | undefined;
    let markOldFaulty = false;
    if (old !== undefined) {
      try {
        const oh = servers.server(old.address, old.uuid);
        oldGtid = await oh.gtidExecuted();
        oldHistory = await oh.gtidHistory();
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
        named.errorCode === '' ? 'INTERNAL' : named.errorCode,
        `cannot promote ${named.address} in group ${p.group}: ${named.error ?? 'no answer'}`,
      );
    const choice = chooseCandidate({
      candidates: views,
      ...(old !== undefined && oldGtid !== undefined
        ? {
            oldPrimary: {
              address: old.address,
              gtidExecuted: oldGtid,
              ...(oldHistory === undefined ? {} : { gtidHistory: oldHistory }),
            },
          }
        : {}),
      force: p.force,
      relayedDomains: relayedDomains(model, p.group),
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
    const out = plannedOutput(plan, considered);
    // A group from before gtid domains gets its own now: promote-candidate sets it.
    return Promise.resolve({ ...out, effects: gtidDomainEffects(model, o.c.groupId) });
  }

  return {
    name: 'group.promote',
    lockKeys: (args) => haLockKeys(model, parse(args).group),
    admit: (args) => {
      admit(model, parse(args));
    },
    steps: [
      { name: 'choose-candidate', run: choose },
      { name: 'fence-old-primary', run: fence },
      ...afterChoice,
    ],
  };
}
