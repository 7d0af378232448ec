import { groupLockKey, mapLockKey, shardLockKey } from '../../fabric/index.js';
import type { FabricModel, JsonValue, Shard, ShardState } from '../../fabric/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import { PermanentStepError } from '../procedure-definition.js';
import type { ProcedureDefinition, StepContext, StepDefinition } from '../procedure-definition.js';
import { asArgs, id } from './args.js';
import { linkShardGroup, unlinkShardGroup } from './global-link.js';
import {
  needLocks,
  needPrimaries,
  needShard,
  needShardMap,
  refuseBroken,
} from './sharding-checks.js';

/**
 * sharding.enable-shard, sharding.disable-shard and sharding.remove-shard.
 * Each locks the shard, its map, its group and the map's global group:
 * the link steps act on both groups' primaries, so a switchover of either
 * never interleaves with a link change.
 */

function shardIdOf(args: JsonValue): number {
  return id(asArgs(args), 'shardId');
}

function lockKeys(model: FabricModel, shardId: number): string[] {
  const s = needShard(model, shardId);
  return [
    shardLockKey(s.id),
    mapLockKey(s.mapId),
    groupLockKey(s.groupId),
    groupLockKey(needShardMap(model, s.mapId).globalGroupId),
  ];
}

/** The shard and its global group as they are now, under the locks the procedure took. */
function current(model: FabricModel, ctx: StepContext): { shard: Shard; globalGroupId: string } {
  const shard = needShard(model, shardIdOf(ctx.args));
  needLocks(model, ctx, lockKeys(model, shard.id));
  return { shard, globalGroupId: needShardMap(model, shard.mapId).globalGroupId };
}

/** Admission only: asking for the state a shard is already in is a mistake worth saying. */
function refuseSameState(s: Shard, wanted: ShardState): void {
  if (s.state === wanted)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `shard ${s.id} is already ${wanted} [rule shard-state-change]`,
    );
}

/**
 * Commits the state. A step re-run or a shard already in that state (a
 * concurrent twin ran first) is harmless: the model takes it as no change.
 */
function setState(model: FabricModel, wanted: ShardState): StepDefinition {
  return {
    name: 'set-state',
    run: (ctx) => {
      const { shard, globalGroupId } = current(model, ctx);
      if (wanted === 'ENABLED') needPrimaries(model, shard.groupId, globalGroupId);
      const effects = [{ type: 'shard-set-state', shardId: shard.id, state: wanted } as const];
      refuseBroken(model, effects);
      return Promise.resolve({ output: null, effects });
    },
  };
}

/** Removing a link from an ENABLED shard would leave keys routed to a group cut from the global tables. */
function refuseEnabled(s: Shard, what: string): void {
  if (s.state === 'ENABLED')
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `shard ${s.id} is ENABLED; disable it first (fabric sharding disable-shard ${s.id}) before ${what} [rule remove-disabled]`,
    );
}

function unlinkGlobal(deps: FarmDeps): StepDefinition {
  return {
    name: 'unlink-global',
    run: async (ctx) => {
      const { shard } = current(deps.model, ctx);
      refuseEnabled(shard, 'unlinking it from the global group');
      await unlinkShardGroup(deps, ctx, shard.groupId);
      return { output: null, effects: [] };
    },
  };
}

export function shardStateProcedures(deps: FarmDeps): ProcedureDefinition[] {
  const { model } = deps;
  const locks = (args: JsonValue): string[] => lockKeys(model, shardIdOf(args));
  return [
    {
      // Link first, then route: a key never reaches a group without the global tables.
      name: 'sharding.enable-shard',
      lockKeys: locks,
      admit: (args) => {
        const s = needShard(model, shardIdOf(args));
        refuseSameState(s, 'ENABLED');
        needPrimaries(model, s.groupId, needShardMap(model, s.mapId).globalGroupId);
      },
      steps: [
        {
          name: 'link-global',
          run: async (ctx) => {
            const { shard, globalGroupId } = current(model, ctx);
            needPrimaries(model, shard.groupId, globalGroupId);
            await linkShardGroup(deps, ctx, shard.groupId, globalGroupId);
            return { output: null, effects: [] };
          },
        },
        setState(model, 'ENABLED'),
      ],
    },
    {
      // Stop routing first, then unlink: no key reaches a group cut from the global tables.
      name: 'sharding.disable-shard',
      lockKeys: locks,
      admit: (args) => {
        refuseSameState(needShard(model, shardIdOf(args)), 'DISABLED');
      },
      steps: [setState(model, 'DISABLED'), unlinkGlobal(deps)],
    },
    {
      // Unlinks again (idempotent): a disable-shard whose unlink step failed left the link behind.
      name: 'sharding.remove-shard',
      lockKeys: locks,
      admit: (args) => {
        const s = needShard(model, shardIdOf(args));
        refuseBroken(model, [{ type: 'shard-remove', shardId: s.id }]);
      },
      steps: [
        unlinkGlobal(deps),
        {
          name: 'update-metadata',
          run: (ctx) => {
            const { shard } = current(model, ctx);
            const effects = [{ type: 'shard-remove', shardId: shard.id } as const];
            refuseBroken(model, effects);
            return Promise.resolve({ output: null, effects });
          },
        },
      ],
    },
  ];
}
