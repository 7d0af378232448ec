import type { ConfState, NodeId, RaftStatus } from '../raft/index.js';

/**
 * What the gRPC services need from a running node (src/node/raft-node.ts
 * implements it). Declared here so the services depend on a port, not on
 * the node process.
 */
export interface NodeApi {
  readonly id: NodeId;
  readonly clusterId: string;
  status(): RaftStatus;
  /** The configuration in force at the commit index and the index of the entry that set it. */
  committedConf(): { readonly index: number; readonly conf: ConfState };
  /** Set once this node learned it was removed: every request is refused with it. */
  refusal?(): Error | undefined;
  addressOf(id: NodeId): string | undefined;
  /** The leader's id and address; throws NotLeaderError (NO_LEADER) when unknown. */
  leader(): { id: NodeId; address: string };
  isLeader(): boolean;
  propose(command: Uint8Array, timeoutMs: number): Promise<{ index: number; result: Uint8Array }>;
  linearizableRead(timeoutMs: number): Promise<number>;
  readonly applied: number;
  addLearner(id: NodeId, address: string, timeoutMs: number): Promise<number>;
  removeMember(id: NodeId, timeoutMs: number): Promise<number>;
  transferLeadership(target: NodeId, timeoutMs: number): Promise<void>;
}
