import type { RaftDriver } from '../../src/node/raft-driver.js';
import type { Entry } from '../../src/raft/index.js';
import { SafetyViolation } from './checker.js';
import { MS_PER_TICK } from './sim-scheduler.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
/** A client's deadline for one proposal or read. */
const TIMEOUT_MS = 200 * MS_PER_TICK;

interface PendingRequest {
  readonly id: number;
  lastTry: number;
}

/**
 * The cluster's clients, talking to the nodes' drivers as the API does:
 * they propose uniquely numbered commands and retry those not yet applied
 * (a real client retries after a timeout or a leader change; a duplicate
 * is harmless, the id makes it one command); they issue linearizable reads
 * and check each answer is not stale.
 */
export class SimClient {
  readonly #pending = new Map<number, PendingRequest>();
  readonly #done = new Set<number>();
  #nextId = 1;
  readsServed = 0;
  proposals = 0;
  /** The first stale read seen (reads answer through promises, checked once settled). */
  failure: SafetyViolation | undefined;

  get outstanding(): number {
    return this.#pending.size;
  }

  get committedCount(): number {
    return this.#done.size;
  }

  /** Proposes a new command at `leader`. */
  propose(leader: RaftDriver, now: number): void {
    const id = this.#nextId++;
    const p: PendingRequest = { id, lastTry: now };
    this.#pending.set(id, p);
    this.proposals++;
    this.#tryPropose(leader, p);
  }

  /** Re-proposes commands not applied within `retryTicks` (lost with a crashed or deposed leader). */
  retry(leader: RaftDriver, now: number, retryTicks: number): void {
    for (const p of this.#pending.values()) {
      if (now - p.lastTry < retryTicks) continue;
      p.lastTry = now;
      this.#tryPropose(leader, p);
    }
  }

  #tryPropose(leader: RaftDriver, p: PendingRequest): void {
    // Not leader, dropped, timed out: the retry above decides.
    leader.propose(enc.encode(`c${p.id}`), TIMEOUT_MS).catch(() => undefined);
  }

  onApplied(e: Entry): void {
    if (e.type !== 'normal' || e.data.byteLength === 0) return;
    const s = dec.decode(e.data);
    if (!s.startsWith('c')) return;
    const id = Number(s.slice(1));
    this.#pending.delete(id);
    this.#done.add(id);
  }

  /** A read must not be older than any write committed before it began. */
  read(node: RaftDriver, maxCommitted: number): void {
    node.linearizableRead(TIMEOUT_MS).then(
      (index) => {
        this.readsServed++;
        if (index >= maxCommitted) return;
        this.failure ??= new SafetyViolation(
          `Linearizability: a read on ${node.id} got read index ${index}, ` +
            `but index ${maxCommitted} was committed before the read was issued (stale read)`,
        );
      },
      () => undefined,
    );
  }
}
