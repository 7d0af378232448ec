import type { FarmDeps } from '../farm/farm-deps.js';
import type { ProcedureDefinition } from '../procedure-definition.js';
import { addShardProcedure } from './add-shard.js';
import { definitionProcedures } from './definition-procedures.js';
import { shardStateProcedures } from './shard-state-procedures.js';
import { tableProcedures } from './table-procedures.js';

/**
 * Every sharding procedure (issue 12; mysqlfabric's sharding commands,
 * kebab-case): create-definition, remove-definition, add-table,
 * remove-table, add-shard, remove-shard, enable-shard, disable-shard.
 */
export function shardingProcedures(deps: FarmDeps): ProcedureDefinition[] {
  return [
    ...definitionProcedures(deps),
    ...tableProcedures(deps),
    addShardProcedure(deps),
    ...shardStateProcedures(deps),
  ];
}
