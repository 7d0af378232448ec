import type { JsonValue } from '../../fabric/index.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, flag, groupId } from './args.js';
import type { FarmDeps } from './farm-deps.js';
import { replicaSource } from '../../mysql/index.js';
import { needGroup, primaryOf } from './lookup.js';
import { GLOBAL_LINK_CHANNEL } from '../sharding/global-link.js';
import { haLockKeys } from './shard-roles.js';

interface DemoteArgs {
  readonly group: string;
  readonly updateOnly: boolean;
}

function parse(args: JsonValue): DemoteArgs {
  const a = asArgs(args);
  return { group: groupId(a), updateOnly: flag(a, 'updateOnly') };
}

/**
 * group.demote (mysql-fabric.md §3): block writes on the primary, record
 * that the group has none, then sync every secondary to the primary's last
 * transaction and stop its replication, so a later promote starts from
 * servers that all hold the same history.
 */
export function demoteProcedure(deps: FarmDeps): ProcedureDefinition {
  const { model, servers } = deps;
  const admit = (p: DemoteArgs): void => {
    const g = needGroup(model, p.group);
    if (g.primary === null)
      throw new PermanentStepError(
        'INVALID_TRANSITION',
        `group ${p.group} has no primary to demote [rule demote-primary]`,
      );
  };

  async function blockWrites(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    admit(p);
    const primary = primaryOf(model, needGroup(model, p.group));
    if (primary === undefined)
      throw new PermanentStepError('INVALID_TRANSITION', `group ${p.group} has no primary`);
    let gtid = '';
    let globalLink = 'none';
    if (!p.updateOnly) {
      const h = servers.server(primary.address, primary.uuid);
      await h.setReadOnly(true);
      await h.killClientConnections();
      await h.drainCommits();
      // A demoted shard primary gives up its global link: it would go on
      // applying global transactions its secondaries, synced below, lack,
      // and then be ahead of whichever is promoted next (error 1236 when it
      // follows it). The next promotion links the new primary.
      if (await h.removeChannel(GLOBAL_LINK_CHANNEL)) globalLink = 'removed';
      gtid = await h.gtidExecuted();
    }
    return {
      output: { primary: { uuid: primary.uuid, address: primary.address }, gtid, globalLink },
      effects: [{ type: 'server-demote', uuid: primary.uuid }],
    };
  }

  async function syncSecondaries(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    if (p.updateOnly) return { output: { skipped: 'update-only' }, effects: [] };
    const done = ctx.outputs['block-writes'] as {
      primary: { uuid: string; address: string };
      gtid: string;
    };
    const others = model
      .servers({ groupId: p.group })
      .filter((s) => s.uuid !== done.primary.uuid && s.status !== 'FAULTY');
    const results = await Promise.all(
      others.map(async (s) => {
        try {
          const h = servers.server(s.address, s.uuid);
          const st = await h.replicaStatus();
          if (replicaSource(st) !== done.primary.address)
            return { address: s.address, result: 'not a replica of the primary' };
          const synced = await h.waitForGtids(done.gtid, deps.switchoverTimeoutMs);
          await h.stopReplica();
          return {
            address: s.address,
            result: synced
              ? 'synced and stopped'
              : `stopped, NOT synced within ${deps.switchoverTimeoutMs} ms`,
          };
        } catch (e) {
          return { address: s.address, result: `failed: ${(e as Error).message}` };
        }
      }),
    );
    return { output: { servers: results }, effects: [] };
  }

  return {
    name: 'group.demote',
    lockKeys: (args) => haLockKeys(model, parse(args).group),
    admit: (args) => {
      admit(parse(args));
    },
    steps: [
      { name: 'block-writes', run: blockWrites },
      { name: 'sync-secondaries', run: syncSecondaries },
    ],
  };
}
