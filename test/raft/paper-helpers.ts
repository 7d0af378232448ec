/**
 * Helpers for the Raft paper and election tests (ports of etcd-io/raft's
 * raft_paper_test.go and the election groups of raft_test.go). They only use
 * RaftCore's public API: states are reached by feeding the messages that
 * lead to them, never by poking at internals.
 */
import { RaftCore } from '../../src/raft/index.js';
import type {
  Entry,
  HardState,
  InitialState,
  Message,
  NodeId,
  RaftConfig,
  Rng,
} from '../../src/raft/index.js';
import type { CoreOptions, Network, TestNode } from './harness.js';
import { MemoryStorage, bootstrapState, enc, newCore } from './harness.js';

export type AppendMessage = Extract<Message, { type: 'app' }>;
export type VoteMessage = Extract<Message, { type: 'vote' | 'pre-vote' }>;

/** Node ids '1'..'n', as etcd's idsBySize. */
export function ids(n: number): NodeId[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/**
 * A normal entry whose payload is derived from its position, so two logs
 * that hold the same (index, term) also hold the same bytes (Log Matching).
 */
export function ent(index: number, term: number): Entry {
  return { type: 'normal', index, term, data: enc(`${index}@${term}`) };
}

/**
 * The durable state of a founding member of `peers` (one committed add-voter
 * entry per peer at term 1, indexes 1..n) whose log continues with one entry
 * per element of `terms`, from index n+1 on. The term defaults to the last
 * entry's term; commit defaults to the bootstrap entries.
 */
export function logState(
  peers: readonly NodeId[],
  terms: readonly number[],
  hard: Partial<HardState> = {},
): InitialState {
  const boot = bootstrapState(peers);
  const base = boot.entries.length;
  const extra = terms.map((t, i) => ent(base + 1 + i, t));
  const lastTerm = terms.at(-1) ?? 1;
  return {
    hardState: {
      term: hard.term ?? Math.max(lastTerm, boot.hardState.term),
      vote: hard.vote ?? '',
      commit: hard.commit ?? boot.hardState.commit,
    },
    entries: [...boot.entries, ...extra],
  };
}

/**
 * An Rng that always draws `offset`: every randomized election timeout is
 * electionTick + offset. The equivalent of etcd's setRandomizedElectionTimeout.
 */
export class FixedRng implements Rng {
  readonly #offset: number;
  constructor(offset: number) {
    this.#offset = offset;
  }
  int(maxExclusive: number): number {
    return Math.min(this.#offset, maxExclusive - 1);
  }
  float(): number {
    return 0;
  }
}

export type TestCoreOptions = CoreOptions & {
  /** Fix the randomized election timeout at electionTick + timeoutOffset. */
  readonly timeoutOffset?: number;
};

/** A core for `id`: bootstrapped with `peers`, or started from `storage` when given. */
export function makeCore(
  id: NodeId,
  peers: readonly NodeId[],
  opts: TestCoreOptions = {},
): RaftCore {
  const { timeoutOffset, ...rest } = opts;
  if (timeoutOffset === undefined) return newCore(id, peers, rest);
  const config: RaftConfig = {
    electionTick: 10,
    heartbeatTick: 1,
    preVote: false,
    checkQuorum: false,
    // The etcd-derived tests step votes into freshly built nodes; the boot
    // lease has its own tests (storage-fault.test.ts).
    bootLease: false,
    ...rest,
    id,
    rng: new FixedRng(timeoutOffset),
    storage: rest.storage ?? bootstrapState(peers),
  };
  return new RaftCore(config);
}

/** Everything a lone core handed out until it had nothing more to do. */
export interface Drained {
  readonly messages: Message[];
  /** Entries handed out for persistence (the "unstable" entries). */
  readonly entries: Entry[];
  /** Entries handed out to apply. */
  readonly committed: Entry[];
  readonly hardStates: HardState[];
}

/**
 * Processes every pending Ready of a lone core per the Ready contract,
 * persisting into `storage` when given, and returns what came out.
 */
export function drain(core: RaftCore, storage?: MemoryStorage): Drained {
  const out: Drained = { messages: [], entries: [], committed: [], hardStates: [] };
  while (core.hasReady()) {
    const rd = core.ready();
    storage?.persist(rd);
    out.messages.push(...rd.messages);
    out.entries.push(...rd.entries);
    out.committed.push(...rd.committedEntries);
    if (rd.hardState !== undefined) out.hardStates.push(rd.hardState);
    core.advance();
  }
  return out;
}

/** Messages sorted by recipient (then type), like etcd's messageSlice. */
export function byRecipient(msgs: readonly Message[]): Message[] {
  return [...msgs].sort((a, b) =>
    a.to < b.to ? -1 : a.to > b.to ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0,
  );
}

// ---- message builders ------------------------------------------------------

export function appMsg(
  from: NodeId,
  to: NodeId,
  term: number,
  p: { index: number; logTerm: number; entries?: readonly Entry[]; commit?: number },
): Message {
  return {
    type: 'app',
    from,
    to,
    term,
    index: p.index,
    logTerm: p.logTerm,
    entries: p.entries ?? [],
    commit: p.commit ?? 0,
  };
}

export function heartbeatMsg(from: NodeId, to: NodeId, term: number, commit = 0): Message {
  return { type: 'heartbeat', from, to, term, commit, context: '' };
}

export function voteMsg(
  type: 'vote' | 'pre-vote',
  from: NodeId,
  to: NodeId,
  term: number,
  last: { index: number; logTerm: number },
): Message {
  return { type, from, to, term, index: last.index, logTerm: last.logTerm, transfer: false };
}

export function voteRespMsg(
  type: 'vote-resp' | 'pre-vote-resp',
  from: NodeId,
  to: NodeId,
  term: number,
  reject: boolean,
): Message {
  return { type, from, to, term, reject };
}

/** The follower's success answer to an append (etcd's acceptAndReply). */
export function acceptAndReply(m: Message): Message {
  if (m.type !== 'app') throw new Error(`acceptAndReply: expected an app message, got ${m.type}`);
  return {
    type: 'app-resp',
    from: m.to,
    to: m.from,
    term: m.term,
    index: m.index + m.entries.length,
    reject: false,
    hintIndex: 0,
    hintTerm: 0,
  };
}

export function isApp(m: Message): m is AppendMessage {
  return m.type === 'app';
}

// ---- reaching a role through the public API -------------------------------

/** The grant a peer would send for a (pre-)vote request. */
function grant(m: VoteMessage): Message {
  return voteRespMsg(
    m.type === 'vote' ? 'vote-resp' : 'pre-vote-resp',
    m.to,
    m.from,
    m.term,
    false,
  );
}

/**
 * Campaigns and grants (pre-)votes from the other voters, one at a time,
 * until the core reaches `role`; drains the core and returns what the last
 * drain produced (for a new leader: its first appends, carrying the no-op).
 */
export function campaignTo(
  core: RaftCore,
  role: 'pre-candidate' | 'candidate' | 'leader',
): Drained {
  core.campaign();
  for (let guard = 0; core.status().role !== role; guard++) {
    if (guard > 100) throw new Error(`campaignTo: stuck as ${core.status().role}`);
    const requests = drain(core).messages.filter(
      (m): m is VoteMessage => m.type === 'vote' || m.type === 'pre-vote',
    );
    if (requests.length === 0)
      throw new Error(`campaignTo: no vote requests while ${core.status().role}`);
    for (const m of requests) {
      core.step(grant(m));
      const now = core.status().role;
      if (now === role || (now !== 'pre-candidate' && m.type === 'pre-vote')) break;
    }
  }
  return drain(core);
}

/** Campaigns and collects grants from the other voters until leader; see campaignTo. */
export function electLeader(core: RaftCore): Drained {
  return campaignTo(core, 'leader');
}

/** Makes a lone core a follower of `leader` at `term` (a heartbeat from it); drains. */
export function followLeader(core: RaftCore, leader: NodeId, term: number): void {
  core.step(heartbeatMsg(leader, core.id, term));
  drain(core);
}

/**
 * Leader only: answers `pending` appends, and every append the leader sends
 * after them, with success until it sends none, so everything it holds gets
 * replicated and committed. Returns what was drained along the way.
 */
export function ackAll(core: RaftCore, pending: readonly Message[] = []): Drained {
  const all: Drained = { messages: [], entries: [], committed: [], hardStates: [] };
  for (const m of pending) if (isApp(m)) core.step(acceptAndReply(m));
  for (let guard = 0; ; guard++) {
    if (guard > 100) throw new Error('ackAll: did not settle');
    const d = drain(core);
    all.messages.push(...d.messages);
    all.entries.push(...d.entries);
    all.committed.push(...d.committed);
    all.hardStates.push(...d.hardStates);
    const apps = d.messages.filter(isApp);
    if (apps.length === 0) return all;
    for (const m of apps) core.step(acceptAndReply(m));
  }
}

// ---- networks whose storage mirrors the initial log -------------------------

/**
 * Adds a node whose MemoryStorage mirrors its initial log, so the persisted
 * log can be compared across nodes.
 */
export function addNode(
  net: Network,
  id: NodeId,
  peers: readonly NodeId[],
  opts: TestCoreOptions = {},
): TestNode {
  const init = opts.storage ?? bootstrapState(peers);
  const node: TestNode = {
    core: makeCore(id, peers, { ...opts, storage: init }),
    storage: MemoryStorage.from(init),
    applied: [],
    reads: [],
  };
  net.nodes.set(id, node);
  return node;
}

export interface NodeSpec {
  readonly storage?: InitialState;
  readonly opts?: TestCoreOptions;
}

/**
 * Adds every live member of `peers` to `net` (shared options, per-node
 * overrides). Ids in `dead` stay in the configuration but get no node: what
 * is sent to them is lost, like etcd's nopStepper.
 */
export function populate(
  net: Network,
  peers: readonly NodeId[],
  opts: TestCoreOptions = {},
  specs: Readonly<Record<NodeId, NodeSpec>> = {},
  dead: readonly NodeId[] = [],
): Network {
  for (const id of peers) {
    if (dead.includes(id)) continue;
    const spec = specs[id];
    addNode(net, id, peers, {
      ...opts,
      ...spec?.opts,
      ...(spec?.storage === undefined ? {} : { storage: spec.storage }),
    });
  }
  return net;
}

/** The persisted log of a network node as "index@term" strings. */
export function logOf(node: TestNode): string[] {
  return node.storage.entries.map((e) => `${e.index}@${e.term}`);
}

/** Ticks a network node `n` times; whatever it sends meanwhile is lost. */
export function tickSilently(node: TestNode, n: number): void {
  for (let i = 0; i < n; i++) {
    node.core.tick();
    while (node.core.hasReady()) {
      const rd = node.core.ready();
      node.storage.persist(rd);
      node.applied.push(...rd.committedEntries);
      node.core.advance();
    }
  }
}

/** Ticks until the core leaves `role` (at most `max` ticks); returns the ticks used. */
export function tickUntilNot(core: RaftCore, role: string, max: number): number {
  for (let i = 1; i <= max; i++) {
    core.tick();
    if (core.status().role !== role) return i;
  }
  throw new Error(`tickUntilNot: still ${role} after ${max} ticks`);
}
