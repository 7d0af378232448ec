import type { NodeId } from './types.js';

/** A ReadIndex request waiting for a quorum of heartbeat acknowledgements. */
export interface ReadIndexStatus {
  readonly context: string;
  /** The commit index when the request arrived: the read is served once applied >= index. */
  readonly index: number;
  /** Who asked: the leader itself or a follower that forwarded the request. */
  readonly from: NodeId;
  readonly acks: Set<NodeId>;
}

/**
 * ReadIndex bookkeeping (thesis §6.4). The leader records its commit index,
 * confirms it is still leader by a round of heartbeats carrying the request's
 * context, and releases requests in arrival order once a majority answered:
 * a heartbeat ack for a later request also confirms every earlier one.
 */
export class ReadOnly {
  readonly #pending = new Map<string, ReadIndexStatus>();
  #queue: string[] = [];

  /** Registers a request; a duplicate context is ignored (the first one stands). */
  add(index: number, context: string, from: NodeId): boolean {
    if (this.#pending.has(context)) return false;
    this.#pending.set(context, { index, context, from, acks: new Set() });
    this.#queue.push(context);
    return true;
  }

  /** Records `id`'s heartbeat ack for `context`; returns the ackers so far. */
  recvAck(id: NodeId, context: string): ReadonlySet<NodeId> | undefined {
    const rs = this.#pending.get(context);
    if (rs === undefined) return undefined;
    rs.acks.add(id);
    return rs.acks;
  }

  /** Removes and returns every request up to and including `context`. */
  advance(context: string): ReadIndexStatus[] {
    const at = this.#queue.indexOf(context);
    if (at < 0) return [];
    const done = this.#queue.slice(0, at + 1);
    this.#queue = this.#queue.slice(at + 1);
    const out: ReadIndexStatus[] = [];
    for (const ctx of done) {
      const rs = this.#pending.get(ctx);
      this.#pending.delete(ctx);
      if (rs !== undefined) out.push(rs);
    }
    return out;
  }

  /** Context of the newest pending request, to piggyback on heartbeats. */
  lastContext(): string {
    return this.#queue.at(-1) ?? '';
  }

  reset(): void {
    this.#pending.clear();
    this.#queue = [];
  }
}
