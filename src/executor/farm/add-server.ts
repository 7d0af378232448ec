import type { JsonValue } from '../../fabric/index.js';
import { groupLockKey } from '../../fabric/index.js';
import { compareGtidHistories } from '../../mysql/index.js';
import type { ConfigProblem } from '../../mysql/index.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { address, asArgs, flag, groupId } from './args.js';
import type { FarmDeps } from './farm-deps.js';
import { needGroup, primaryOf } from './lookup.js';
import { ensureReplicating } from './replication-steps.js';
import { applyGroupDomain, gtidDomainEffects } from './shard-roles.js';

interface AddArgs {
  readonly group: string;
  readonly address: string;
  readonly updateOnly: boolean;
}

function parse(args: JsonValue): AddArgs {
  const a = asArgs(args);
  return { group: groupId(a), address: address(a), updateOnly: flag(a, 'updateOnly') };
}

function problemsText(address: string, problems: readonly ConfigProblem[]): string {
  const lines = problems.map(
    (p) => `${p.setting} is ${p.found}, needs ${p.required} (fix: ${p.fix})`,
  );
  return `server ${address} cannot join a group: ${lines.join('; ')}`;
}

/**
 * group.add (mysql-fabric.md §1): check that the server can be a member,
 * record it, then make it a read-only replica of the group's primary.
 * The server is recorded as CONFIGURING (1.6 trunk's status) until it
 * replicates, so a failure in between leaves it visible, never half-hidden.
 */
export function addServerProcedure(deps: FarmDeps): ProcedureDefinition {
  const { model, servers } = deps;
  const admit = (p: AddArgs): void => {
    needGroup(model, p.group);
    const taken = model.serverByAddress(p.address);
    if (taken !== undefined)
      throw new PermanentStepError(
        'SERVER_EXISTS',
        `${p.address} is already in group ${taken.groupId} (uuid ${taken.uuid}); remove it there first`,
      );
  };

  async function check(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    admit(p);
    const h = servers.server(p.address);
    const info = await h.info();
    const problems = await h.checkRequirements();
    if (problems.length > 0)
      throw new PermanentStepError('SERVER_MISCONFIGURED', problemsText(p.address, problems));
    const uuid = await h.identity(true);
    if (uuid === undefined)
      throw new PermanentStepError('SERVER_QUERY_FAILED', `${p.address} has no identity`);
    const same = model.server(uuid);
    if (same !== undefined)
      throw new PermanentStepError(
        'SERVER_EXISTS',
        `the server at ${p.address} is server ${uuid}, already in group ${same.groupId} as ${same.address}`,
      );
    const group = needGroup(model, p.group);
    await checkServerIdUnique(deps, p, info.serverId);
    const primary = primaryOf(model, group);
    if (primary !== undefined && !p.updateOnly) {
      const mine = await h.gtidHistory();
      const theirs = await servers.server(primary.address, primary.uuid).gtidHistory();
      const errant = compareGtidHistories(info.engine, mine, theirs).aMinusB;
      if (errant !== '')
        throw new PermanentStepError(
          'ERRANT_TRANSACTIONS',
          `server ${p.address} has transactions the primary ${primary.address} lacks (${errant}); it would diverge. Rebuild it from the primary (fabric server clone) or remove those transactions first`,
        );
    }
    return {
      output: { uuid, serverId: info.serverId, engine: info.engine, version: info.version },
      effects: [
        {
          type: 'server-add',
          groupId: p.group,
          uuid,
          address: p.address,
          status: p.updateOnly ? 'SECONDARY' : 'CONFIGURING',
        },
        // A group from before gtid domains gets its own now: configure sets it.
        ...gtidDomainEffects(model, p.group),
      ],
    };
  }

  async function configure(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    const uuid = (ctx.outputs.check as { uuid: string }).uuid;
    const s = model.server(uuid);
    if (s === undefined)
      throw new PermanentStepError('SERVER_NOT_FOUND', `server ${p.address} was removed meanwhile`);
    if (p.updateOnly) return { output: { configured: false }, effects: [] };
    const primary = primaryOf(model, needGroup(model, s.groupId));
    const h = servers.server(s.address, s.uuid);
    await h.setReadOnly(true);
    // The group's domain now, so the server writes in it if it is ever promoted.
    await applyGroupDomain(model, h, s.groupId);
    if (primary !== undefined) await ensureReplicating(h, primary.address);
    return {
      output: { replicatingFrom: primary?.address ?? '' },
      effects:
        s.status === 'CONFIGURING'
          ? [{ type: 'server-set-status', uuid, status: 'SECONDARY' }]
          : [],
    };
  }

  return {
    name: 'group.add',
    lockKeys: (args) => [groupLockKey(parse(args).group)],
    admit: (args) => {
      admit(parse(args));
    },
    steps: [
      { name: 'check', run: check },
      { name: 'configure', run: configure },
    ],
  };
}

/** Replication refuses equal server ids (error 1593, mariadb.md gotcha 3): catch it before joining. */
async function checkServerIdUnique(deps: FarmDeps, p: AddArgs, serverId: number): Promise<void> {
  const members = deps.model.servers({ groupId: p.group });
  const infos = await Promise.all(
    members.map((m) =>
      deps.servers
        .server(m.address, m.uuid)
        .info()
        .then(
          (i) => ({ address: m.address, serverId: i.serverId }),
          () => undefined,
        ),
    ),
  );
  const clash = infos.find((i) => i?.serverId === serverId);
  if (clash !== undefined)
    throw new PermanentStepError(
      'SERVER_MISCONFIGURED',
      `server ${p.address} has server_id ${serverId}, the same as ${clash.address} in group ${p.group}; replication needs a unique server_id per server`,
    );
}
