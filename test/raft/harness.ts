/**
 * A synchronous in-memory harness for Raft core unit tests, in the style of
 * etcd-io/raft's test `network`: no timers, no promises; messages are
 * delivered breadth-first until the cluster is quiet.
 */
import { RaftCore, SeededRng, bootstrapState, emptyState } from '../../src/raft/index.js';
import type {
  Entry,
  HardState,
  InitialState,
  Message,
  MessageType,
  NodeId,
  RaftConfig,
  Ready,
  Snapshot,
} from '../../src/raft/index.js';

/** What a node has made durable: the mirror a real driver keeps in LevelDB. */
export class MemoryStorage {
  hardState: HardState = { term: 0, vote: '', commit: 0 };
  snapshot: Snapshot | undefined;
  entries: Entry[] = [];

  static from(init: InitialState): MemoryStorage {
    const s = new MemoryStorage();
    s.hardState = init.hardState;
    s.snapshot = init.snapshot;
    s.entries = [...init.entries];
    return s;
  }

  /** Step 1 of the Ready contract. */
  persist(rd: Ready): void {
    if (rd.snapshot !== undefined) {
      this.snapshot = rd.snapshot;
      this.entries = [];
    }
    const first = rd.entries[0];
    if (first !== undefined) {
      const base = this.snapshot?.metadata.index ?? 0;
      this.entries.length = Math.max(0, first.index - base - 1);
      this.entries.push(...rd.entries);
    }
    if (rd.hardState !== undefined) this.hardState = rd.hardState;
  }

  initialState(): InitialState {
    return { hardState: this.hardState, snapshot: this.snapshot, entries: [...this.entries] };
  }
}

export type CoreOptions = Partial<Omit<RaftConfig, 'id' | 'storage' | 'rng'>> & {
  readonly seed?: number;
  readonly storage?: InitialState;
};

/** A core bootstrapped as a founding member of `peers` (or with the given storage). */
export function newCore(id: NodeId, peers: readonly NodeId[], opts: CoreOptions = {}): RaftCore {
  return new RaftCore({
    electionTick: 10,
    heartbeatTick: 1,
    preVote: false,
    checkQuorum: false,
    // The etcd-derived tests step votes into freshly built nodes; the boot
    // lease has its own tests (storage-fault.test.ts).
    bootLease: false,
    ...opts,
    id,
    rng: new SeededRng(opts.seed ?? hashId(id)),
    storage: opts.storage ?? (peers.length > 0 ? bootstrapState(peers) : emptyState()),
  });
}

function hashId(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** One member of a test network: its core, durable storage and applied entries. */
export interface TestNode {
  core: RaftCore;
  readonly storage: MemoryStorage;
  /** Every committed entry the state machine applied, in order. */
  readonly applied: Entry[];
  /** ReadStates delivered to this node. */
  readonly reads: { index: number; context: string }[];
}

/**
 * Processes one Ready of `node` per the contract (persist, collect messages,
 * apply, advance) and returns its messages.
 */
export function processReady(node: TestNode): Message[] {
  const out: Message[] = [];
  // advance() may make more work (a leader's own write can commit entries).
  while (node.core.hasReady()) out.push(...processOneReady(node));
  return out;
}

function processOneReady(node: TestNode): Message[] {
  const rd = node.core.ready();
  node.storage.persist(rd);
  if (rd.snapshot !== undefined) {
    node.applied.length = 0;
    node.applied.push({
      type: 'normal',
      term: rd.snapshot.metadata.term,
      index: rd.snapshot.metadata.index,
      data: rd.snapshot.data,
    });
  }
  node.applied.push(...rd.committedEntries);
  for (const rs of rd.readStates) node.reads.push({ index: rs.index, context: rs.context });
  node.core.advance();
  return [...rd.messages];
}

/** Drains every pending Ready of a lone core (unit tests of a single node). */
export function readMessages(core: RaftCore): Message[] {
  const out: Message[] = [];
  while (core.hasReady()) {
    out.push(...core.ready().messages);
    core.advance();
  }
  return out;
}

/**
 * A cluster of cores joined by a synchronous, controllable network.
 * Drop rules: cut/isolate links, ignore message types, drop a fraction of
 * a link's messages (seeded), or a hook that can drop anything.
 */
export class Network {
  readonly nodes = new Map<NodeId, TestNode>();
  readonly #dropRate = new Map<string, number>();
  readonly #ignored = new Set<MessageType>();
  readonly #rng = new SeededRng(1);
  /** Return false to drop a message. */
  hook: ((m: Message) => boolean) | undefined;
  /** Every message delivered, for assertions. */
  readonly delivered: Message[] = [];

  constructor(ids: readonly NodeId[], opts: CoreOptions = {}) {
    for (const id of ids) this.add(id, newCore(id, ids, opts));
  }

  add(id: NodeId, core: RaftCore): TestNode {
    const node: TestNode = { core, storage: new MemoryStorage(), applied: [], reads: [] };
    this.nodes.set(id, node);
    return node;
  }

  node(id: NodeId): TestNode {
    const n = this.nodes.get(id);
    if (n === undefined) throw new Error(`no node ${id}`);
    return n;
  }

  core(id: NodeId): RaftCore {
    return this.node(id).core;
  }

  /** Delivers messages (and everything they cause) until the network is quiet. */
  send(msgs: readonly Message[]): void {
    let queue = [...msgs];
    for (;;) {
      for (const n of this.nodes.values()) queue.push(...processReady(n));
      if (queue.length === 0) return;
      const next: Message[] = [];
      for (const m of this.#filter(queue)) {
        const n = this.nodes.get(m.to);
        if (n === undefined) continue;
        this.delivered.push(m);
        n.core.step(m);
        next.push(...processReady(n));
      }
      queue = next;
    }
  }

  /** Processes pending Readies and delivers until quiet. */
  stabilize(): void {
    this.send([]);
  }

  /** Makes `id` campaign and delivers until quiet. */
  campaign(id: NodeId): void {
    this.core(id).campaign();
    this.stabilize();
  }

  /** Ticks every node once, then delivers until quiet. */
  tickAll(times = 1): void {
    for (let i = 0; i < times; i++) {
      for (const n of this.nodes.values()) n.core.tick();
      this.stabilize();
    }
  }

  propose(id: NodeId, data: string): void {
    this.core(id).propose(new TextEncoder().encode(data));
    this.stabilize();
  }

  #filter(msgs: readonly Message[]): Message[] {
    return msgs.filter((m) => {
      if (this.#ignored.has(m.type)) return false;
      const rate = this.#dropRate.get(`${m.from}->${m.to}`) ?? 0;
      if (rate > 0 && this.#rng.float() < rate) return false;
      return this.hook === undefined || this.hook(m);
    });
  }

  /** Drops a fraction `rate` of the messages from `from` to `to`. */
  drop(from: NodeId, to: NodeId, rate: number): void {
    this.#dropRate.set(`${from}->${to}`, rate);
  }

  /** Drops everything between `a` and `b`, both ways. */
  cut(a: NodeId, b: NodeId): void {
    this.drop(a, b, 1);
    this.drop(b, a, 1);
  }

  /** Drops everything to and from `id`. */
  isolate(id: NodeId): void {
    for (const other of this.nodes.keys()) if (other !== id) this.cut(id, other);
  }

  ignore(type: MessageType): void {
    this.#ignored.add(type);
  }

  /** Restores every link and message type. */
  recover(): void {
    this.#dropRate.clear();
    this.#ignored.clear();
    this.hook = undefined;
  }

  /** The ids of nodes that currently believe they lead. */
  leaders(): NodeId[] {
    return [...this.nodes.entries()]
      .filter(([, n]) => n.core.status().role === 'leader')
      .map(([id]) => id);
  }
}

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
export const dec = (d: Uint8Array): string => new TextDecoder().decode(d);

/** The application commands a node applied (no-ops and conf entries left out). */
export function appliedData(n: TestNode): string[] {
  return n.applied
    .filter((e) => e.type === 'normal' && e.data.byteLength > 0)
    .map((e) => (e.type === 'normal' ? dec(e.data) : ''));
}

export { emptyState, bootstrapState };
