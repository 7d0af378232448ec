/** The lock key of a group, as procedures name it. */
export function groupLockKey(groupId: string): string {
  return `group:${groupId}`;
}

/** The lock key of a shard. */
export function shardLockKey(shardId: number): string {
  return `shard:${shardId}`;
}

/** The lock key of a shard map. */
export function mapLockKey(mapId: number): string {
  return `map:${mapId}`;
}

/** The lock key of a sharded table ("db.table"), wherever it is mapped. */
export function shardTableLockKey(table: string): string {
  return `table:${table}`;
}

/**
 * Held by procedures whose step chooses a new shard map id (1 + the
 * highest ever used): two such steps running at once would choose the same
 * id and the model would refuse the second one's completion, failing a
 * procedure that did nothing wrong.
 */
export const NEW_MAP_ID_LOCK_KEY = 'ids:map';

/** As NEW_MAP_ID_LOCK_KEY, for procedures choosing a new shard id. */
export const NEW_SHARD_ID_LOCK_KEY = 'ids:shard';

/**
 * Per-key FIFO queues of procedure ids: the replicated replacement for
 * Fabric's in-memory LockManager (mysql-fabric.md §2), which 1.4.3 gave up
 * on and replaced with one global lock.
 *
 * A procedure runs only when it is at the head of every queue it is in, so
 * procedures with disjoint keys run concurrently and procedures sharing a
 * key run one at a time, in submission order.
 *
 * No deadlock, by construction: a procedure enqueues on all of its keys at
 * submission, in one atomic apply, and never asks for a key later. Every
 * queue is therefore ordered by the same global order (log order), and the
 * earliest-submitted live procedure is at the head of all of its queues: it
 * can always run, and when it ends the next earliest can. There is no
 * hold-and-wait cycle to form.
 *
 * @internal
 */
export class LockTable {
  readonly #queues = new Map<string, string[]>();

  /** Appends the procedure to the queue of each of its keys. */
  enqueue(procedureId: string, keys: readonly string[]): void {
    for (const key of keys) {
      const q = this.#queues.get(key);
      if (q === undefined) this.#queues.set(key, [procedureId]);
      else q.push(procedureId);
    }
  }

  /** At the head of every queue it is in (trivially true without keys). */
  holdsAll(procedureId: string, keys: readonly string[]): boolean {
    return keys.every((k) => this.#queues.get(k)?.[0] === procedureId);
  }

  /**
   * Removes the procedure from its queues; returns the procedures now at the
   * head of a queue it left (candidates to start), without duplicates.
   */
  release(procedureId: string, keys: readonly string[]): string[] {
    const heads = new Set<string>();
    for (const key of keys) {
      const q = this.#queues.get(key);
      if (q === undefined) continue;
      const at = q.indexOf(procedureId);
      if (at >= 0) q.splice(at, 1);
      if (q.length === 0) this.#queues.delete(key);
      else if (q[0] !== undefined) heads.add(q[0]);
    }
    return [...heads];
  }

  /** The queue of one key, head first. */
  queue(key: string): readonly string[] {
    return this.#queues.get(key) ?? [];
  }

  /** Every key with a non-empty queue. */
  keys(): string[] {
    return [...this.#queues.keys()];
  }
}
