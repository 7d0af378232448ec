export { RaftCore } from './raft-core.js';
export type { ProposalPosition } from './raft-core.js';
export type { Ready } from './ready.js';
export type { RaftStatus, PeerProgress } from './status.js';
export type { RaftConfig, InitialState, ReadOnlyOption, TestingKnobs } from './raft-config.js';
export { READ_ONLY_OPTIONS } from './raft-config.js';
export type { Message, MessageType } from './message.js';
export { MESSAGE_TYPES, isResponse } from './message.js';
export type {
  ConfChange,
  ConfState,
  Entry,
  HardState,
  NodeId,
  ReadState,
  Role,
  Snapshot,
  SnapshotMetadata,
  SoftState,
} from './types.js';
export { NONE, ROLES } from './types.js';
export type { Rng } from './rng.js';
export { SeededRng } from './rng.js';
export type { RaftLogger } from './logger.js';
export { NOOP_LOGGER } from './logger.js';
export {
  RaftError,
  NotLeaderError,
  ProposalDroppedError,
  InvalidMessageError,
  InvariantViolation,
  RAFT_ERROR_CODES,
} from './errors.js';
export type { RaftErrorCode, DropReason } from './errors.js';
export { bootstrapState, emptyState } from './bootstrap.js';
export { applyConfChange, confChangeProblem } from './conf-change.js';
