import type { ProcedureDefinition } from '../procedure-definition.js';
import { addServerProcedure } from './add-server.js';
import { demoteProcedure } from './demote.js';
import { failoverProcedure, markFaultyProcedure } from './failover.js';
import type { FarmDeps } from './farm-deps.js';
import { groupMetadataProcedures, serverMetadataProcedures } from './metadata-procedures.js';
import { promoteProcedure } from './promote.js';
import { removeServerProcedure } from './remove-server.js';
import { setStatusProcedure } from './set-status.js';

export type {
  FarmDeps,
  Fencer,
  FenceMode,
  FenceTarget,
  ServerConnector,
  UnsafeVariants,
} from './farm-deps.js';
export { LOSSLESS_SEMI_SYNC_TIMEOUT_MS } from './farm-deps.js';
export { chooseCandidate } from './candidate.js';
export { failoverCooldownEnd } from './failover.js';
export { stalledFailover } from './stalled-failover.js';
export {
  globalGroupOf,
  gtidDomainEffects,
  haLockKeys,
  linkedShardGroups,
  relayedDomains,
} from './shard-roles.js';
export type { CandidateView, CandidateChoice, Considered } from './candidate.js';
export type { LastSeenPrimary } from './errant.js';
export type { Rejected } from './failover.js';

/** Every farm procedure (the group and server commands of mysql-fabric.md §1). */
export function farmProcedures(deps: FarmDeps): ProcedureDefinition[] {
  return [
    ...groupMetadataProcedures(deps),
    addServerProcedure(deps),
    removeServerProcedure(deps),
    promoteProcedure(deps),
    failoverProcedure(deps),
    markFaultyProcedure(deps),
    demoteProcedure(deps),
    setStatusProcedure(deps),
    ...serverMetadataProcedures(deps),
  ];
}
