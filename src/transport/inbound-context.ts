import type { NodeId } from '../raft/index.js';
import type { Logger } from '../util/logger.js';
import type { FaultInjector } from './fault-injector.js';
import type { HandlerDispatch } from './handler-dispatch.js';
import type { StatsRecorder } from './transport-stats.js';

/** What the RaftService handlers (stream-receiver, snapshot-receiver) share. */
export interface InboundContext {
  readonly nodeId: NodeId;
  readonly clusterId: string;
  readonly log: Logger;
  readonly stats: StatsRecorder;
  readonly dispatch: HandlerDispatch;
  readonly faults: FaultInjector | undefined;
  /** Unacked batches a sender may have in flight, advertised in every ack. */
  readonly windowBatches: number;
  /** Largest snapshot the node accepts. */
  readonly maxSnapshotBytes: number;
  /** A stop function per open inbound call; close() runs them all. */
  readonly openCalls: Set<() => void>;
  readonly isClosed: () => boolean;
  /** A stream from this peer carried its first good batch: the peer is up. */
  readonly peerAlive: (peer: NodeId) => void;
}
