import { NEW_MAP_ID_LOCK_KEY, groupLockKey, mapLockKey } from '../../fabric/index.js';
import type { FabricModel, ShardMapType } from '../../fabric/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import type { ProcedureDefinition } from '../procedure-definition.js';
import { group, id, mapType } from './args.js';
import { oneStepProcedure } from './one-step.js';
import type { Plan } from './one-step.js';
import { needShardMap, refuseBroken } from './sharding-checks.js';

/** sharding.create-definition and sharding.remove-definition (mysqlfabric's names). */
export function definitionProcedures(deps: FarmDeps): ProcedureDefinition[] {
  const { model } = deps;
  return [
    oneStepProcedure({
      name: 'sharding.create-definition',
      model,
      parse: (a) => ({ type: mapType(a), globalGroup: group(a, 'globalGroup') }),
      // The id is chosen inside the step; the id lock keeps two creations from choosing the same one.
      lockKeys: (p) => [NEW_MAP_ID_LOCK_KEY, groupLockKey(p.globalGroup)],
      plan: (p) => createPlan(model, p.type, p.globalGroup),
    }),
    oneStepProcedure({
      name: 'sharding.remove-definition',
      model,
      parse: (a) => ({ mapId: id(a, 'mapId') }),
      lockKeys: (p) => [
        mapLockKey(p.mapId),
        groupLockKey(needShardMap(model, p.mapId).globalGroupId),
      ],
      plan: (p) => {
        needShardMap(model, p.mapId);
        const effects = [{ type: 'shard-map-remove', mapId: p.mapId } as const];
        refuseBroken(model, effects);
        return { effects, output: null };
      },
    }),
  ];
}

/** Map id 1 + the highest ever used, read from the model: the same on a re-run. */
function createPlan(model: FabricModel, type: ShardMapType, globalGroupId: string): Plan {
  const mapId = model.nextShardMapId();
  const effects = [{ type: 'shard-map-create', mapId, mapType: type, globalGroupId } as const];
  refuseBroken(model, effects);
  return { effects, output: { mapId } };
}
