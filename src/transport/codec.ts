/**
 * Core Message <-> raft.v1.Message. Terms and indexes are numbers in the core
 * and uint64 on the wire; decoding refuses anything the core could not hold
 * exactly. Decoding checks shape only (every field present with the right
 * type, a known oneof member and enum value); whether a message makes sense
 * is the core's call (src/raft/validate-message.ts).
 *
 * A 'snap' encodes its metadata only: the data travels as InstallSnapshot
 * chunks, and the receiver hands it back to decodeMessage once reassembled.
 */
import type { ConfChange, Entry, Message, MessageType, Snapshot } from '../raft/index.js';
import { WIRE } from './proto.js';
import {
  bool,
  bytes,
  decodeBytes,
  list,
  malformed,
  record,
  safeU64,
  str,
  strList,
  u64,
} from './wire-fields.js';

/** The oneof member of raft.v1.Message.body that carries each core type. */
const BODY_OF_TYPE = {
  app: 'append',
  'app-resp': 'append_response',
  vote: 'vote',
  'pre-vote': 'pre_vote',
  'vote-resp': 'vote_response',
  'pre-vote-resp': 'pre_vote_response',
  heartbeat: 'heartbeat',
  'heartbeat-resp': 'heartbeat_response',
  snap: 'snapshot',
  'timeout-now': 'timeout_now',
  'read-index': 'read_index',
  'read-index-resp': 'read_index_response',
  'transfer-leader': 'transfer_leader',
} as const satisfies Record<MessageType, string>;

const TYPE_OF_BODY: ReadonlyMap<unknown, MessageType> = new Map(
  Object.entries(BODY_OF_TYPE).map(([type, body]) => [body, type as MessageType]),
);

const CONF_TYPE_TO_WIRE = {
  'add-voter': 'CONF_CHANGE_TYPE_ADD_VOTER',
  'add-learner': 'CONF_CHANGE_TYPE_ADD_LEARNER',
  remove: 'CONF_CHANGE_TYPE_REMOVE',
} as const satisfies Record<ConfChange['type'], string>;

const CONF_TYPE_FROM_WIRE: ReadonlyMap<unknown, ConfChange['type']> = new Map(
  Object.entries(CONF_TYPE_TO_WIRE).map(([core, wire]) => [wire, core as ConfChange['type']]),
);

/** Encodes one message as raft.v1.Message bytes. Throws MALFORMED_MESSAGE on a value the wire cannot carry. */
export function encodeMessage(m: Message): Buffer {
  return WIRE.message.serialize(toWireMessage(m));
}

/** The raft.v1.Message object for `m`, for embedding in another wire message. */
export function toWireMessage(m: Message): object {
  return {
    from_node_id: m.from,
    to_node_id: m.to,
    term: safeU64(m.term, 'term'),
    [BODY_OF_TYPE[m.type]]: encodeBody(m),
  };
}

function encodeBody(m: Message): object {
  switch (m.type) {
    case 'app':
      return {
        index: safeU64(m.index, 'append.index'),
        log_term: safeU64(m.logTerm, 'append.log_term'),
        entries: m.entries.map(encodeEntry),
        commit: safeU64(m.commit, 'append.commit'),
      };
    case 'app-resp':
      return {
        index: safeU64(m.index, 'append_response.index'),
        reject: m.reject,
        hint_index: safeU64(m.hintIndex, 'append_response.hint_index'),
        hint_term: safeU64(m.hintTerm, 'append_response.hint_term'),
      };
    case 'vote':
    case 'pre-vote':
      return {
        index: safeU64(m.index, 'vote.index'),
        log_term: safeU64(m.logTerm, 'vote.log_term'),
        transfer: m.transfer,
      };
    case 'vote-resp':
    case 'pre-vote-resp':
      return { reject: m.reject };
    case 'heartbeat':
      return { commit: safeU64(m.commit, 'heartbeat.commit'), context: m.context };
    case 'heartbeat-resp':
    case 'read-index':
      return { context: m.context };
    case 'snap': {
      const md = m.snapshot.metadata;
      return {
        metadata: {
          index: safeU64(md.index, 'snapshot.metadata.index'),
          term: safeU64(md.term, 'snapshot.metadata.term'),
          conf: { voters: md.conf.voters, learners: md.conf.learners },
        },
      };
    }
    case 'timeout-now':
      return {};
    case 'read-index-resp':
      return {
        context: m.context,
        index: safeU64(m.index, 'read_index_response.index'),
        reject: m.reject,
      };
    case 'transfer-leader':
      return { target_node_id: m.target };
  }
}

function encodeEntry(e: Entry, i: number): object {
  const at = {
    term: safeU64(e.term, `entries[${i}].term`),
    index: safeU64(e.index, `entries[${i}]`),
  };
  if (e.type === 'normal') return { ...at, normal: e.data };
  const c = e.change;
  const change = { type: CONF_TYPE_TO_WIRE[c.type], node_id: c.nodeId };
  return {
    ...at,
    conf_change: c.context === undefined ? change : { ...change, context: c.context },
  };
}

/** Decodes raft.v1.Message bytes; see decodeMessage. */
export function decodeMessageBytes(b: Buffer, snapshotData?: Uint8Array): Message {
  return decodeMessage(decodeBytes(WIRE.message, b, 'message'), snapshotData);
}

/**
 * Maps a decoded raft.v1.Message to a core Message. `snapshotData` is the
 * reassembled snapshot and is required exactly when the body is a snapshot:
 * a snapshot on Stream is malformed. Throws MALFORMED_MESSAGE.
 *
 * Hot path (every inbound message): field labels are constants, and no
 * closures or spreads are built per message.
 */
export function decodeMessage(w: unknown, snapshotData?: Uint8Array): Message {
  const r = record(w, 'message');
  const from = str(r.from_node_id, 'from_node_id');
  const to = str(r.to_node_id, 'to_node_id');
  const term = u64(r.term, 'term');
  const type = TYPE_OF_BODY.get(r.body);
  if (type === undefined) return malformed('body', `no known message type set (${String(r.body)})`);
  const name = BODY_OF_TYPE[type];
  const b = record(r[name], name);
  switch (type) {
    case 'app':
      return {
        type,
        from,
        to,
        term,
        index: u64(b.index, 'append.index'),
        logTerm: u64(b.log_term, 'append.log_term'),
        entries: list(b.entries, 'append.entries').map(decodeEntry),
        commit: u64(b.commit, 'append.commit'),
      };
    case 'app-resp':
      return {
        type,
        from,
        to,
        term,
        index: u64(b.index, 'append_response.index'),
        reject: bool(b.reject, 'append_response.reject'),
        hintIndex: u64(b.hint_index, 'append_response.hint_index'),
        hintTerm: u64(b.hint_term, 'append_response.hint_term'),
      };
    case 'vote':
    case 'pre-vote':
      return {
        type,
        from,
        to,
        term,
        index: u64(b.index, `${name}.index`),
        logTerm: u64(b.log_term, `${name}.log_term`),
        transfer: bool(b.transfer, `${name}.transfer`),
      };
    case 'vote-resp':
    case 'pre-vote-resp':
      return { type, from, to, term, reject: bool(b.reject, `${name}.reject`) };
    case 'heartbeat':
      return {
        type,
        from,
        to,
        term,
        commit: u64(b.commit, 'heartbeat.commit'),
        context: str(b.context, 'heartbeat.context'),
      };
    case 'heartbeat-resp':
    case 'read-index':
      return { type, from, to, term, context: str(b.context, `${name}.context`) };
    case 'snap':
      return { type, from, to, term, snapshot: decodeSnapshot(b, snapshotData) };
    case 'timeout-now':
      return { type, from, to, term };
    case 'read-index-resp':
      return {
        type,
        from,
        to,
        term,
        context: str(b.context, 'read_index_response.context'),
        index: u64(b.index, 'read_index_response.index'),
        reject: bool(b.reject, 'read_index_response.reject'),
      };
    case 'transfer-leader':
      return {
        type,
        from,
        to,
        term,
        target: str(b.target_node_id, 'transfer_leader.target_node_id'),
      };
  }
}

function decodeEntry(v: unknown, i: number): Entry {
  const e = record(v, 'append.entries[#]', i);
  const term = u64(e.term, 'append.entries[#].term', i);
  const index = u64(e.index, 'append.entries[#].index', i);
  switch (e.payload) {
    case 'normal':
      return { type: 'normal', term, index, data: bytes(e.normal, 'append.entries[#].normal', i) };
    case 'conf_change':
      return { type: 'conf', term, index, change: decodeConfChange(e.conf_change, i) };
    default:
      return malformed('append.entries[#].payload', 'no payload set', i);
  }
}

function decodeConfChange(v: unknown, i: number): ConfChange {
  const field = 'append.entries[#].conf_change';
  const c = record(v, field, i);
  const type = CONF_TYPE_FROM_WIRE.get(c.type);
  if (type === undefined) malformed(`${field}.type`, `unknown change type ${String(c.type)}`, i);
  const nodeId = str(c.node_id, `${field}.node_id`, i);
  // proto3 `optional`: an absent context is left off, an empty one is kept.
  return c.context === undefined
    ? { type, nodeId }
    : { type, nodeId, context: bytes(c.context, `${field}.context`, i) };
}

function decodeSnapshot(b: Record<string, unknown>, data: Uint8Array | undefined): Snapshot {
  if (data === undefined) malformed('snapshot', 'a snapshot travels only on InstallSnapshot');
  const md = record(b.metadata, 'snapshot.metadata');
  const conf = record(md.conf, 'snapshot.metadata.conf');
  return {
    metadata: {
      index: u64(md.index, 'snapshot.metadata.index'),
      term: u64(md.term, 'snapshot.metadata.term'),
      conf: {
        voters: strList(conf.voters, 'snapshot.metadata.conf.voters'),
        learners: strList(conf.learners, 'snapshot.metadata.conf.learners'),
      },
    },
    data,
  };
}
