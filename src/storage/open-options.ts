import type { InitialState } from '../raft/index.js';
import type { Logger } from '../util/logger.js';
import type { KvStore } from './kv-store.js';

/** Who a data dir belongs to; recorded when it is created and checked on every open. */
export interface NodeIdentity {
  readonly clusterId: string;
  readonly nodeId: string;
}

export interface OpenOptions {
  readonly dataDir: string;
  readonly identity: NodeIdentity;
  /** pino; the store logs through child({ component: 'storage' }). */
  readonly logger: Logger;
  /**
   * Called only when the dir has no identity yet: the state to initialise it
   * with (e.g. bootstrapState(voters) or emptyState()).
   */
  readonly initialize: () => InitialState;
}

/** @internal Test seams; production code passes none. */
export interface StorageHooks {
  /** Wraps the LevelDB port, e.g. to count batches or record their sync flag. */
  readonly wrapKv?: (kv: KvStore) => KvStore;
}
