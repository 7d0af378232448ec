import type { FarmDeps } from './farm/index.js';
import { farmProcedures } from './farm/index.js';
import type { ProcedureDefinition } from './procedure-definition.js';
import { shardingProcedures } from './sharding/index.js';

/** Every procedure a node registers: the farm's (groups, servers, HA) and sharding's. */
export function managedProcedures(deps: FarmDeps): ProcedureDefinition[] {
  return [...farmProcedures(deps), ...shardingProcedures(deps)];
}
