import { NotLeaderError, ProposalDroppedError, RaftError } from '../../src/raft/index.js';
import type { Entry, NodeId, RaftCore, ReadState } from '../../src/raft/index.js';
import { SafetyViolation } from './checker.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

interface PendingRequest {
  readonly id: number;
  lastTry: number;
  /** Where the last attempt landed in some leader's log (0: nowhere). */
  index: number;
  term: number;
}

interface PendingRead {
  readonly node: NodeId;
  /** The highest index known committed when the read was issued. */
  readonly minIndex: number;
}

/**
 * The cluster's clients: they propose uniquely numbered commands and retry
 * those not yet applied (a real client retries after a timeout or a leader
 * change); they issue linearizable reads and check each answer is not stale.
 */
export class SimClient {
  readonly #pending = new Map<number, PendingRequest>();
  readonly #done = new Set<number>();
  readonly #reads = new Map<string, PendingRead>();
  #nextId = 1;
  #nextRead = 1;
  readsServed = 0;
  proposals = 0;

  get outstanding(): number {
    return this.#pending.size;
  }

  get committedCount(): number {
    return this.#done.size;
  }

  /** Proposes a new command at `leader`. */
  propose(leader: RaftCore, now: number): void {
    const id = this.#nextId++;
    const p: PendingRequest = { id, lastTry: now, index: 0, term: 0 };
    this.#pending.set(id, p);
    this.proposals++;
    this.#tryPropose(leader, p);
  }

  /**
   * Re-proposes commands not applied within `retryTicks` whose last attempt
   * is no longer in the leader's log (lost with a crashed or deposed leader,
   * or overwritten); one still in the log will commit with it.
   */
  retry(leader: RaftCore, now: number, retryTicks: number): void {
    for (const p of this.#pending.values()) {
      if (now - p.lastTry < retryTicks) continue;
      if (p.index > 0 && leader.logTerm(p.index) === p.term) continue;
      p.lastTry = now;
      this.#tryPropose(leader, p);
    }
  }

  #tryPropose(leader: RaftCore, p: PendingRequest): void {
    try {
      const pos = leader.propose(enc.encode(`c${p.id}`));
      p.index = pos.index;
      p.term = pos.term;
    } catch (e) {
      if (!(e instanceof NotLeaderError || e instanceof ProposalDroppedError)) throw e;
    }
  }

  onApplied(e: Entry): void {
    if (e.type !== 'normal' || e.data.byteLength === 0) return;
    const s = dec.decode(e.data);
    if (!s.startsWith('c')) return;
    const id = Number(s.slice(1));
    this.#pending.delete(id);
    this.#done.add(id);
  }

  read(node: NodeId, core: RaftCore, maxCommitted: number): void {
    const context = `r${this.#nextRead++}`;
    try {
      core.readIndex(context);
      this.#reads.set(context, { node, minIndex: maxCommitted });
    } catch (e) {
      if (!(e instanceof RaftError)) throw e;
    }
  }

  /** A ReadState must not be older than any write committed before the read began. */
  onReadState(node: NodeId, rs: ReadState): void {
    const r = this.#reads.get(rs.context);
    if (r === undefined) return;
    this.#reads.delete(rs.context);
    if (r.node !== node)
      throw new SafetyViolation(
        `Linearizability: read ${rs.context} of ${r.node} answered on ${node}`,
      );
    if (rs.index < r.minIndex) {
      throw new SafetyViolation(
        `Linearizability: read ${rs.context} on ${node} got read index ${rs.index}, ` +
          `but index ${r.minIndex} was committed before the read was issued (stale read)`,
      );
    }
    this.readsServed++;
  }

  /** Reads of a crashed node are abandoned (its client would time out). */
  forgetReadsOf(node: NodeId): void {
    for (const [ctx, r] of this.#reads) if (r.node === node) this.#reads.delete(ctx);
  }
}
