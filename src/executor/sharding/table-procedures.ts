import { mapLockKey, shardTableLockKey } from '../../fabric/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import type { ProcedureDefinition } from '../procedure-definition.js';
import { id, name } from './args.js';
import { oneStepProcedure } from './one-step.js';
import { needShardMap, needShardTable, refuseBroken } from './sharding-checks.js';

/**
 * sharding.add-table and sharding.remove-table. Both lock the table's name
 * as well as its map: a table is mapped at most once farm-wide, so two
 * add-tables of one table to two maps must not run at once.
 */
export function tableProcedures(deps: FarmDeps): ProcedureDefinition[] {
  const { model } = deps;
  return [
    oneStepProcedure({
      name: 'sharding.add-table',
      model,
      parse: (a) => ({ mapId: id(a, 'mapId'), table: name(a, 'table'), column: name(a, 'column') }),
      lockKeys: (p) => [mapLockKey(p.mapId), shardTableLockKey(p.table)],
      plan: (p) => {
        needShardMap(model, p.mapId);
        const effects = [{ type: 'shard-table-add', ...p } as const];
        refuseBroken(model, effects);
        return { effects, output: null };
      },
    }),
    oneStepProcedure({
      name: 'sharding.remove-table',
      model,
      parse: (a) => ({ table: name(a, 'table') }),
      lockKeys: (p) => [
        shardTableLockKey(p.table),
        mapLockKey(needShardTable(model, p.table).mapId),
      ],
      plan: (p) => {
        needShardTable(model, p.table);
        const effects = [{ type: 'shard-table-remove', table: p.table } as const];
        refuseBroken(model, effects);
        return { effects, output: null };
      },
    }),
  ];
}
