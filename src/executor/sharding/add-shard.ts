import { NEW_SHARD_ID_LOCK_KEY, groupLockKey, mapLockKey } from '../../fabric/index.js';
import type { Effect, FabricModel, JsonValue, ShardMap, ShardState } from '../../fabric/index.js';
import { evenHashBound, parseBound } from '../../routing/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import { PermanentStepError } from '../procedure-definition.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { asArgs, group, id, optionalBound, state } from './args.js';
import { linkShardGroup } from './global-link.js';
import { needLocks, needPrimaries, needShardMap, refuseBroken } from './sharding-checks.js';

interface AddShardArgs {
  readonly mapId: number;
  readonly group: string;
  readonly bound: string | undefined;
  readonly state: ShardState;
}

/** What add-shard will commit, planned from the farm as it is. */
interface AddShardPlan {
  readonly shardId: number;
  readonly bound: string;
  readonly globalGroupId: string;
  readonly effect: Effect;
}

function parse(args: JsonValue): AddShardArgs {
  const a = asArgs(args);
  return {
    mapId: id(a, 'mapId'),
    group: group(a, 'group'),
    bound: optionalBound(a),
    state: state(a),
  };
}

/**
 * The new shard's id (1 + the highest ever used) and canonical bound, from
 * the model: while the procedure holds its map and the shard-id lock
 * neither can change, so every step (and a re-run of one) plans the same.
 * Throws for anything the model or the enable rule would refuse.
 */
function plan(model: FabricModel, p: AddShardArgs): AddShardPlan {
  const map = needShardMap(model, p.mapId);
  const bound = chooseBound(model, map, p.bound);
  const shardId = model.nextShardId();
  const effect: Effect = {
    type: 'shard-add',
    shardId,
    mapId: map.id,
    lowerBound: bound,
    groupId: p.group,
    state: p.state,
  };
  refuseBroken(model, [effect]);
  if (p.state === 'ENABLED') needPrimaries(model, p.group, map.globalGroupId);
  return { shardId, bound, globalGroupId: map.globalGroupId, effect };
}

/**
 * The bound as given, canonical when it parses (when it does not, the
 * model's check refuses it saying what the type allows). Omitted: an even
 * split of the ring for HASH (never Fabric's MD5 of the group name, which
 * gave users 30/70 skews, bug #79994); refused for RANGE types, whose
 * lowest keys only the user knows.
 */
function chooseBound(model: FabricModel, map: ShardMap, text: string | undefined): string {
  if (text === undefined) {
    if (map.type === 'HASH') return evenHashBound(model.shards(map.id).map((s) => s.lowerBound));
    throw new PermanentStepError(
      'INVALID_ARGUMENT',
      `bound (missing) is invalid: shard map ${map.id} is ${map.type}, so each shard needs the lowest key it holds (keys below the lowest bound are refused at lookup); only HASH maps choose bounds themselves`,
    );
  }
  const parsed = parseBound(map.type, text);
  return parsed.ok ? parsed.value : text;
}

function lockKeys(model: FabricModel, p: AddShardArgs): string[] {
  return [
    mapLockKey(p.mapId),
    NEW_SHARD_ID_LOCK_KEY,
    groupLockKey(p.group),
    groupLockKey(needShardMap(model, p.mapId).globalGroupId),
  ];
}

/** Plans again and checks the procedure still holds every lock the plan touches. */
function replan(model: FabricModel, ctx: StepContext): { p: AddShardArgs; planned: AddShardPlan } {
  const p = parse(ctx.args);
  const planned = plan(model, p);
  needLocks(model, ctx, lockKeys(model, p));
  return { p, planned };
}

function output(planned: AddShardPlan): StepResult {
  return { output: { shardId: planned.shardId, bound: planned.bound }, effects: [] };
}

/**
 * sharding.add-shard: `check`, then (for an ENABLED shard) `link-global`
 * — the shard group's primary starts replicating the global group before
 * any key routes to it — then `update-metadata`, which adds the shard.
 * Answers { shardId, bound }.
 */
export function addShardProcedure(deps: FarmDeps): ProcedureDefinition {
  const { model } = deps;
  return {
    name: 'sharding.add-shard',
    lockKeys: (args) => lockKeys(model, parse(args)),
    admit: (args) => {
      plan(model, parse(args));
    },
    steps: [
      {
        name: 'check',
        run: (ctx) => Promise.resolve(output(replan(model, ctx).planned)),
      },
      {
        name: 'link-global',
        run: async (ctx) => {
          const { p, planned } = replan(model, ctx);
          // The step list is fixed at submission; a DISABLED shard is linked by enable-shard.
          if (p.state === 'ENABLED')
            await linkShardGroup(deps, ctx, p.group, planned.globalGroupId);
          return { output: null, effects: [] };
        },
      },
      {
        name: 'update-metadata',
        run: (ctx) => {
          const { planned } = replan(model, ctx);
          return Promise.resolve({ ...output(planned), effects: [planned.effect] });
        },
      },
    ],
  };
}
