import type { Entry, NodeId, Snapshot } from './types.js';

/**
 * Every message between Raft peers, as a discriminated union on `type`.
 * The core never encodes these; the transport adapter maps them to protobuf
 * (proto/raft/v1/raft.proto). All carry the sender's term: a message whose
 * term is lower than the receiver's is stale (§5.1) and is answered or dropped.
 */
interface Base {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
}

/** AppendEntries (§5.3): entries after (index, logTerm), plus the leader's commit. */
export interface AppendMessage extends Base {
  readonly type: 'app';
  /** Index of the entry immediately preceding `entries`. */
  readonly index: number;
  /** Term of the entry at `index`. */
  readonly logTerm: number;
  readonly entries: readonly Entry[];
  readonly commit: number;
}

/**
 * Reply to AppendEntries. On success `index` is the last index now matched.
 * On rejection `index` echoes the probe's index and (`hintIndex`, `hintTerm`)
 * name the follower's best guess at the divergence point, so the leader can
 * skip a whole term at once (§5.3, "the protocol can be optimized").
 */
export interface AppendResponseMessage extends Base {
  readonly type: 'app-resp';
  readonly index: number;
  readonly reject: boolean;
  readonly hintIndex: number;
  readonly hintTerm: number;
}

/** RequestVote (§5.2, §5.4.1) and its Pre-Vote variant (thesis §9.6). */
export interface VoteMessage extends Base {
  readonly type: 'vote' | 'pre-vote';
  /** Candidate's last log index and term, for the up-to-date check (§5.4.1). */
  readonly index: number;
  readonly logTerm: number;
  /** True when the campaign was started by a leadership transfer (thesis §3.10). */
  readonly transfer: boolean;
}

export interface VoteResponseMessage extends Base {
  readonly type: 'vote-resp' | 'pre-vote-resp';
  readonly reject: boolean;
}

/** Empty AppendEntries used as heartbeat; `context` carries a ReadIndex round. */
export interface HeartbeatMessage extends Base {
  readonly type: 'heartbeat';
  readonly commit: number;
  readonly context: string;
}

export interface HeartbeatResponseMessage extends Base {
  readonly type: 'heartbeat-resp';
  readonly context: string;
}

/** InstallSnapshot (§7); the transport streams `snapshot.data` in chunks. */
export interface SnapshotMessage extends Base {
  readonly type: 'snap';
  readonly snapshot: Snapshot;
}

/** Tells the transfer target to campaign at once (thesis §3.10). */
export interface TimeoutNowMessage extends Base {
  readonly type: 'timeout-now';
}

/** A follower asks the leader to confirm a read index on its behalf. */
export interface ReadIndexMessage extends Base {
  readonly type: 'read-index';
  readonly context: string;
}

export interface ReadIndexResponseMessage extends Base {
  readonly type: 'read-index-resp';
  readonly context: string;
  /** The commit index to wait for; 0 with `reject` when the leader cannot serve. */
  readonly index: number;
  readonly reject: boolean;
}

/** A follower relays an operator's leadership transfer request to the leader. */
export interface TransferLeaderMessage extends Base {
  readonly type: 'transfer-leader';
  readonly target: NodeId;
}

export type Message =
  | AppendMessage
  | AppendResponseMessage
  | VoteMessage
  | VoteResponseMessage
  | HeartbeatMessage
  | HeartbeatResponseMessage
  | SnapshotMessage
  | TimeoutNowMessage
  | ReadIndexMessage
  | ReadIndexResponseMessage
  | TransferLeaderMessage;

export type MessageType = Message['type'];

export const MESSAGE_TYPES = [
  'app',
  'app-resp',
  'vote',
  'pre-vote',
  'vote-resp',
  'pre-vote-resp',
  'heartbeat',
  'heartbeat-resp',
  'snap',
  'timeout-now',
  'read-index',
  'read-index-resp',
  'transfer-leader',
] as const satisfies readonly MessageType[];

/** Responses that depend on durable state: vote grants and append acks (thesis §3.8). */
export function isResponse(m: Message): boolean {
  return m.type.endsWith('-resp');
}
