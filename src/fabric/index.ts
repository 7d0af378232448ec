// The replicated Fabric model: public surface. Everything here is
// deterministic (inside the determinism fence) and imports only src/raft
// and src/util.

export { FabricModel } from './fabric-model.js';
export { FabricStateMachine } from './fabric-state-machine.js';
export type { ReplicatedStateMachine } from './fabric-state-machine.js';

export type {
  Command,
  CommandType,
  SubmitCommand,
  StepStartCommand,
  StepCheckpointCommand,
  StepDoneCommand,
  StepFailedCommand,
  PruneCommand,
  NodeUpsertCommand,
  NodeRemoveCommand,
} from './commands.js';
export { COMMAND_TYPES } from './commands.js';
export { encodeCommand, decodeCommand, validateCommand } from './command-codec.js';

export type {
  Effect,
  EffectType,
  GroupEffect,
  ServerEffect,
  ShardEffect,
  BumpEpochEffect,
} from './effects.js';
export { EFFECT_TYPES } from './effects.js';

export type {
  ApplyResult,
  Accepted,
  Rejection,
  RejectionDetails,
  CommandResult,
  SubmitResult,
  StepStartResult,
  StepCheckpointResult,
  StepDoneResult,
  StepFailedResult,
  PruneResult,
  NodeResult,
} from './apply-result.js';
export { rejectionError } from './apply-result.js';
export { encodeApplyResult, decodeApplyResult } from './result-codec.js';

export type {
  Group,
  GroupStatus,
  Server,
  ServerStatus,
  ServerMode,
  ShardMap,
  ShardMapType,
  ShardTable,
  Shard,
  ShardState,
  FabricNode,
  ReplicationState,
  Reachability,
} from './farm-types.js';
export {
  GROUP_STATUSES,
  SERVER_STATUSES,
  SERVER_MODES,
  SHARD_MAP_TYPES,
  SHARD_STATES,
  REPLICATION_STATES,
  REACHABILITIES,
} from './farm-types.js';

export type {
  Procedure,
  ProcedureState,
  ProcedureError,
  StepRecord,
  StepProgress,
  StepState,
  StepError,
} from './procedure-types.js';
export { PROCEDURE_STATES, STEP_STATES } from './procedure-types.js';
export { MAX_CHECKPOINT_BYTES, checkpointBytes, checkpointTooLarge } from './step-progress.js';

export type { ProcedureFilter, ServerFilter, RunnableStep } from './queries.js';
export {
  groupLockKey,
  shardLockKey,
  mapLockKey,
  shardTableLockKey,
  NEW_MAP_ID_LOCK_KEY,
  NEW_SHARD_ID_LOCK_KEY,
} from './locks.js';
export {
  SETTABLE_STATUSES,
  SET_STATUS_FROM,
  PROMOTABLE,
  DEFAULT_MODE,
  MODES_BY_STATUS,
} from './transitions.js';
export type { SettableStatus } from './transitions.js';
export type { JsonValue } from './json.js';
export { canonicalJson, isJsonValue } from './json.js';
