/**
 * Small helpers shared by the Raft feature tests (flow control, snapshots,
 * membership, transfer, read-index, bad input). Built on harness.ts.
 */
import { MemoryStorage, bootstrapState, newCore, readMessages } from './harness.js';
import type { CoreOptions, Network, TestNode } from './harness.js';
import type {
  ConfChange,
  Entry,
  InitialState,
  Message,
  NodeId,
  PeerProgress,
  RaftCore,
  Snapshot,
} from '../../src/raft/index.js';

/** A status() picture that deepEqual can compare (the progress Map becomes an object). */
export function statusSnapshot(core: RaftCore): Record<string, unknown> {
  const s = core.status();
  return { ...s, conf: { ...s.conf }, progress: Object.fromEntries(s.progress) };
}

/** The leader's view of `id` (throws if `core` is not a leader or `id` unknown). */
export function progressOf(core: RaftCore, id: NodeId): PeerProgress {
  const pr = core.status().progress.get(id);
  if (pr === undefined) throw new Error(`${core.id} has no progress for ${id}`);
  return pr;
}

/**
 * Makes a lone core leader: it campaigns and `grants` answer with granted
 * votes. Returns every message it sent on the way (votes, first appends).
 */
export function electLeader(core: RaftCore, grants: readonly NodeId[]): Message[] {
  core.campaign();
  const out = readMessages(core);
  const term = core.status().term;
  for (const from of grants)
    core.step({ type: 'vote-resp', from, to: core.id, term, reject: false });
  out.push(...readMessages(core));
  if (core.status().role !== 'leader') throw new Error(`${core.id} did not become leader`);
  return out;
}

/** Steps an accepting append response `from` → `core` for `index` at the core's term. */
export function ack(core: RaftCore, from: NodeId, index: number): Message[] {
  core.step({
    type: 'app-resp',
    from,
    to: core.id,
    term: core.status().term,
    index,
    reject: false,
    hintIndex: 0,
    hintTerm: 0,
  });
  return readMessages(core);
}

/** Steps a heartbeat response `from` → `core`. */
export function heartbeatResp(core: RaftCore, from: NodeId, context = ''): Message[] {
  core.step({ type: 'heartbeat-resp', from, to: core.id, term: core.status().term, context });
  return readMessages(core);
}

/** Proposes `data` on a lone core and returns the messages of the resulting Ready. */
export function proposeAndRead(core: RaftCore, data: Uint8Array): Message[] {
  core.propose(data);
  return readMessages(core);
}

export type AppMessage = Extract<Message, { type: 'app' }>;
export type AppRespMessage = Extract<Message, { type: 'app-resp' }>;

/** Append messages to `to` among `msgs`. */
export function appsTo(msgs: readonly Message[], to: NodeId): AppMessage[] {
  return msgs.filter((m): m is AppMessage => m.type === 'app' && m.to === to);
}

/** Messages of `type` among `msgs`, optionally only those to `to`. */
export function ofType<T extends Message['type']>(
  msgs: readonly Message[],
  type: T,
  to?: NodeId,
): (Message & { readonly type: T })[] {
  return msgs.filter(
    (m): m is Message & { readonly type: T } =>
      m.type === type && (to === undefined || m.to === to),
  );
}

/** A payload of `n` bytes. */
export function bytes(n: number): Uint8Array {
  return new Uint8Array(n).fill(7);
}

/**
 * The durable state of a founding member of `ids` whose log continues after
 * the bootstrap entries with normal entries of the given terms (data "e<index>").
 * Commit stays at the bootstrap entries unless `commit` is given.
 */
export function logWithTerms(
  ids: readonly NodeId[],
  terms: readonly number[],
  opts: { commit?: number; term?: number; vote?: NodeId } = {},
): InitialState {
  const boot = bootstrapState(ids);
  const entries: Entry[] = [...boot.entries];
  for (const t of terms) {
    const index = entries.length + 1;
    entries.push({ type: 'normal', term: t, index, data: new TextEncoder().encode(`e${index}`) });
  }
  const lastTerm = entries.at(-1)?.term ?? 1;
  return {
    hardState: {
      term: opts.term ?? lastTerm,
      vote: opts.vote ?? '',
      commit: opts.commit ?? boot.entries.length,
    },
    entries,
  };
}

/** The durable state of a founding member of `voters` whose log then adds each change at term 1. */
export function logWithConf(
  voters: readonly NodeId[],
  changes: readonly ConfChange[],
  commitAll = true,
): InitialState {
  const boot = bootstrapState(voters);
  const entries: Entry[] = [...boot.entries];
  for (const change of changes)
    entries.push({ type: 'conf', term: 1, index: entries.length + 1, change });
  return {
    hardState: { term: 1, vote: '', commit: commitAll ? entries.length : boot.entries.length },
    entries,
  };
}

/**
 * Adds (or replaces) `id` in `net` with a core built from `init`, whose
 * MemoryStorage starts from that state (so a later restart sees everything).
 */
export function addNode(
  net: Network,
  id: NodeId,
  init: InitialState,
  opts: CoreOptions = {},
): TestNode {
  const node: TestNode = {
    core: newCore(id, [], { ...opts, storage: init }),
    storage: MemoryStorage.from(init),
    applied: [],
    reads: [],
  };
  net.nodes.set(id, node);
  return node;
}

/** Restarts `id` from what its storage made durable (a crash and recovery). */
export function restartNode(net: Network, id: NodeId, opts: CoreOptions = {}): TestNode {
  return addNode(net, id, net.node(id).storage.initialState(), opts);
}

/** A network whose founding members keep their bootstrap entries in storage (restartable). */
export function durableNetwork(
  net: Network,
  ids: readonly NodeId[],
  opts: CoreOptions = {},
): Network {
  for (const id of ids) addNode(net, id, bootstrapState(ids), opts);
  return net;
}

/** The term of every entry `core`'s node made durable (for comparing logs). */
export function storedTerms(node: TestNode): number[] {
  return node.storage.entries.map((e) => e.term);
}

/** A snapshot message from `from` to `to`. */
export function snapMessage(from: NodeId, to: NodeId, term: number, snapshot: Snapshot): Message {
  return { type: 'snap', from, to, term, snapshot };
}

/** Applies everything a lone core has to apply (drains its Readies). */
export const drain = readMessages;
