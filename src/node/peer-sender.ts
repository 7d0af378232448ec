import type { Message, NodeId } from '../raft/index.js';

/**
 * The driver's outbound network port. Replies (snapshot status, unreachable
 * peers, inbound messages) come back through RaftDriver's step,
 * reportSnapshot and reportUnreachable. Production binds the gRPC
 * PeerTransport; the simulator binds its lossy event-queue network.
 */
export interface PeerSender {
  send(msgs: readonly Message[]): void;
  setPeer(id: NodeId, address: string): void;
  removePeer(id: NodeId): void;
  close(): Promise<void>;
}
