import type { Entry, HardState, InitialState, Snapshot } from '../raft/index.js';
import { InvariantViolation } from '../raft/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import { checkCommit, checkEntriesFit } from './entry-checks.js';
import type { KvOp, KvStore } from './kv-store.js';
import type { OpenOptions, StorageHooks } from './open-options.js';
import { openStore } from './open-store.js';
import type { OpenedStore } from './open-store.js';
import { SerialQueue } from './serial-queue.js';
import type { SnapshotDir } from './snapshot-dir.js';
import type { StoredLog } from './stored-log.js';
import { deleteEntries, putEntries, putHardState, putSnapshotMetadata } from './write-ops.js';
import { writeCleanClose } from './clean-close.js';
import { putSeal } from './seal.js';
import type { Seal } from './seal-codec.js';

/** Step 1 of the Ready contract (src/raft/ready.ts): what to make durable. */
export interface PersistInput {
  readonly entries: readonly Entry[];
  readonly hardState: HardState | undefined;
  readonly snapshot: Snapshot | undefined;
  readonly mustSync: boolean;
}

export interface StoreStats {
  /** Entries stored, including those kept below the snapshot index. */
  readonly entries: number;
  /** Index of the first stored entry (lastIndex + 1 when none is stored). */
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly snapshotIndex: number;
  /** Encoded size of the stored entries. */
  readonly bytes: number;
}

/**
 * A node's durable Raft state in a LevelDB data dir (key layout in keys.ts,
 * records in the *-codec.ts files, snapshot files in snapshot-file.ts).
 *
 * Writes are serialised: each persist() or saveSnapshot() starts after the
 * previous one settled, and resolves only once its batch is on disk (synced
 * whenever it holds entries, a snapshot, or a term or vote change). After a
 * failed write the store refuses further writes: what reached the disk is
 * unknown, so the node must restart and reload.
 */
export class LogStore {
  /** What the Raft core must be constructed from: hard state, latest snapshot (with data), entries after it. */
  readonly initialState: InitialState;
  /** True if open() created the identity (a brand-new data dir). */
  readonly created: boolean;
  readonly #dataDir: string;
  readonly #logger: Logger;
  readonly #kv: KvStore;
  readonly #snapshots: SnapshotDir;
  readonly #log: StoredLog;
  readonly #queue = new SerialQueue();
  /** The hard state on disk, to tell whether a new one changes term or vote. */
  #hardState: HardState;
  #snapshotIndex: number;
  #snapshotFile: string | undefined;
  /** The seal of the last batch written (seal.ts); every batch writes the next one. */
  #seal: Seal;
  /** Set by the first failed write; every later write rejects with it as the cause. */
  #failure: unknown;
  #closing: Promise<void> | undefined;

  private constructor(opened: OpenedStore) {
    const { initialState, log, snapshotFile } = opened.loaded;
    this.initialState = initialState;
    this.created = opened.created;
    this.#dataDir = opened.dataDir;
    this.#logger = opened.logger;
    this.#kv = opened.kv;
    this.#snapshots = opened.snapshots;
    this.#log = log;
    this.#hardState = initialState.hardState;
    this.#snapshotIndex = initialState.snapshot?.metadata.index ?? 0;
    this.#snapshotFile = snapshotFile;
    this.#seal = opened.seal;
  }

  /**
   * Opens (or creates) the data dir. Throws FabricError DATA_DIR_LOCKED,
   * DATA_DIR_FOREIGN, DATA_DIR_CORRUPT or DATA_DIR_UNUSABLE.
   * `hooks` is @internal, for tests.
   */
  static async open(opts: OpenOptions, hooks: StorageHooks = {}): Promise<LogStore> {
    const store = new LogStore(await openStore(opts, hooks));
    store.#logger.info(
      { dataDir: store.#dataDir, created: store.created, ...store.stats() },
      'opened data dir',
    );
    return store;
  }

  /**
   * Step 1 of the Ready contract: one LevelDB batch with the entries
   * (replacing any stored suffix from entries[0].index on), the hard state
   * and, for a snapshot from the leader, its metadata (the file is written
   * atomically first) with every older entry deleted.
   */
  persist(rd: PersistInput): Promise<void> {
    return this.#write(() => this.#persist(rd));
  }

  /**
   * Stores an application snapshot taken at snapshot.metadata.index and
   * deletes entries <= compactTo, in one synced batch after the file is
   * written atomically. Older snapshot files are removed after. A snapshot
   * no newer than the stored one only compacts (up to the stored one).
   */
  saveSnapshot(snapshot: Snapshot, compactTo: number): Promise<void> {
    return this.#write(() => this.#saveSnapshot(snapshot, compactTo));
  }

  /** The log as of the last completed write, for the compaction threshold decision. */
  stats(): StoreStats {
    const log = this.#log;
    return {
      entries: log.count,
      firstIndex: log.first,
      lastIndex: this.#lastIndex(),
      snapshotIndex: this.#snapshotIndex,
      bytes: log.bytes,
    };
  }

  /**
   * Waits for queued writes to settle, then releases the data dir. Idempotent.
   * A store whose writes all succeeded first writes one more synced batch
   * (syncing any unsynced commit-index write before it) and records it in
   * the clean-close file, so the next open can tell a lost write from a torn
   * one (clean-close.ts).
   */
  close(): Promise<void> {
    this.#closing ??= this.#queue.idle().then(async () => {
      try {
        if (this.#failure === undefined) await this.#closeCleanly();
      } finally {
        await this.#kv.close();
      }
    });
    return this.#closing;
  }

  async #closeCleanly(): Promise<void> {
    const ops: KvOp[] = [];
    const seal = this.#nextSeal(ops, this.#lastIndex(), this.#hardState);
    await this.#kv.batch(ops, { sync: true });
    this.#seal = seal;
    await writeCleanClose(this.#dataDir, seal);
  }

  /** Adds the next seal to `ops`: the state once the batch is applied. */
  #nextSeal(ops: KvOp[], lastIndex: number, hardState: HardState): Seal {
    const seal = { seq: this.#seal.seq + 1, lastIndex, hardState };
    putSeal(ops, this.#seal.seq, seal);
    return seal;
  }

  async #persist(rd: PersistInput): Promise<void> {
    const snap = rd.snapshot;
    if (snap !== undefined && snap.metadata.index <= this.#snapshotIndex) {
      throw new InvariantViolation(
        `storage: snapshot ${snap.metadata.index} from the leader is not newer than the stored snapshot ${this.#snapshotIndex}`,
      );
    }
    const base = snap?.metadata.index ?? this.#snapshotIndex;
    const lastBefore = snap === undefined ? this.#lastIndex() : base;
    checkEntriesFit(rd.entries, base, lastBefore);
    const newFirst = rd.entries[0]?.index;
    const newLast = rd.entries.at(-1)?.index;
    if (rd.hardState !== undefined) checkCommit(rd.hardState.commit, newLast ?? lastBefore);

    const ops: KvOp[] = [];
    let snapFile: string | undefined;
    if (snap !== undefined) {
      snapFile = await this.#snapshots.write(snap);
      putSnapshotMetadata(ops, snap.metadata);
      deleteEntries(ops, this.#log.first, this.#log.last, newFirst, newLast);
    } else if (newLast !== undefined) {
      deleteEntries(ops, newLast + 1, this.#log.last);
    }
    const sizes = putEntries(ops, rd.entries);
    if (rd.hardState !== undefined) putHardState(ops, rd.hardState);
    if (ops.length === 0) return;
    const lastAfter = newLast ?? (snap === undefined ? this.#lastIndex() : base);
    const seal = this.#nextSeal(ops, lastAfter, rd.hardState ?? this.#hardState);

    await this.#kv.batch(ops, { sync: this.#mustSync(rd) });
    this.#seal = seal;

    if (snap !== undefined) {
      this.#log.resetAfter(base);
      this.#snapshotIndex = base;
      this.#snapshotFile = snapFile;
    }
    if (newFirst !== undefined) this.#log.writeFrom(newFirst, sizes);
    if (rd.hardState !== undefined) this.#hardState = rd.hardState;
    if (snap !== undefined) await this.#removeOldSnapshots();
  }

  async #saveSnapshot(snapshot: Snapshot, compactTo: number): Promise<void> {
    const index = snapshot.metadata.index;
    if (
      !Number.isInteger(compactTo) ||
      compactTo < 0 ||
      compactTo > index ||
      index > this.#lastIndex()
    ) {
      throw new InvariantViolation(
        `storage: cannot save snapshot ${index} compacting to ${compactTo} with a log ending at ${this.#lastIndex()}`,
      );
    }
    const newer = index > this.#snapshotIndex;
    // Never compact past the stored snapshot: those entries would be in no snapshot.
    const through = Math.min(compactTo, newer ? index : this.#snapshotIndex, this.#log.last);
    const ops: KvOp[] = [];
    let snapFile: string | undefined;
    if (newer) {
      snapFile = await this.#snapshots.write(snapshot);
      putSnapshotMetadata(ops, snapshot.metadata);
    }
    deleteEntries(ops, this.#log.first, through);
    if (ops.length === 0) return;
    const seal = this.#nextSeal(ops, this.#lastIndex(), this.#hardState);

    await this.#kv.batch(ops, { sync: true });
    this.#seal = seal;

    this.#log.dropThrough(through);
    if (newer) {
      this.#snapshotIndex = index;
      this.#snapshotFile = snapFile;
      await this.#removeOldSnapshots();
    }
  }

  /**
   * Sync when the Ready says so, and regardless of it whenever the batch
   * holds something a peer may be told about: entries, a snapshot, a term or
   * a vote (thesis §3.8). Only a commit-index change may go unsynced: it is
   * recomputed from the leader after a crash.
   */
  #mustSync(rd: PersistInput): boolean {
    const hs = rd.hardState;
    const termOrVote =
      hs !== undefined && (hs.term !== this.#hardState.term || hs.vote !== this.#hardState.vote);
    return rd.mustSync || rd.entries.length > 0 || rd.snapshot !== undefined || termOrVote;
  }

  /** Runs a write in turn; refuses it once closed or after an earlier write failed. */
  #write(task: () => Promise<void>): Promise<void> {
    if (this.#closing !== undefined) {
      return Promise.reject(
        new FabricError('SHUTTING_DOWN', `storage for data dir ${this.#dataDir} is closed`, {
          dataDir: this.#dataDir,
        }),
      );
    }
    return this.#queue.run(async () => {
      if (this.#failure !== undefined) throw this.#failedError();
      try {
        await task();
      } catch (e) {
        // Checks fail before anything is written; any other failure leaves the disk unknown.
        if (!(e instanceof InvariantViolation)) {
          this.#failure = e;
          this.#logger.error({ err: e, dataDir: this.#dataDir }, 'storage write failed');
        }
        throw e;
      }
    });
  }

  #failedError(): FabricError {
    return new FabricError(
      'DATA_DIR_UNUSABLE',
      `data dir ${this.#dataDir}: an earlier write failed, so what is on disk is unknown; restart the node`,
      { dataDir: this.#dataDir },
      { cause: this.#failure },
    );
  }

  async #removeOldSnapshots(): Promise<void> {
    try {
      await this.#snapshots.removeAllBut(this.#snapshotFile);
    } catch (e) {
      // Harmless: the next open removes them.
      this.#logger.warn({ err: e, dataDir: this.#dataDir }, 'could not remove old snapshot files');
    }
  }

  #lastIndex(): number {
    return Math.max(this.#log.last, this.#snapshotIndex);
  }
}
