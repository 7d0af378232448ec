import { RaftCore } from '../../src/raft/index.js';
import type {
  Entry,
  InitialState,
  NodeId,
  RaftLogger,
  Ready,
  Snapshot,
} from '../../src/raft/index.js';
import { SeededRng } from '../../src/raft/index.js';
import type { Checker } from './checker.js';
import { SafetyViolation } from './checker.js';
import { fnvNum, entryHash } from './hash.js';
import type { SimOptions } from './options.js';
import { SimDisk } from './sim-disk.js';

/** The replicated state machine of the simulation: a hash chain over applied entries. */
export interface SimStateMachine {
  index: number;
  hash: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function encodeSm(sm: SimStateMachine): Uint8Array {
  return enc.encode(JSON.stringify(sm));
}

export function decodeSm(data: Uint8Array): SimStateMachine {
  return JSON.parse(dec.decode(data)) as SimStateMachine;
}

/**
 * One simulated Fabric node: a Raft core plus everything a real driver does
 * around it (durable disk, the in-flight write, the state machine), with a
 * crash that keeps only the disk.
 */
export class SimNode {
  readonly id: NodeId;
  readonly disk: SimDisk;
  core: RaftCore | undefined;
  /** Bumped on every crash, so events of a dead incarnation are recognised. */
  incarnation = 0;
  /** The Ready being written to disk; lost on crash. */
  writing: Ready | undefined;
  sm: SimStateMachine = { index: 0, hash: 0 };
  /** Shut down for good (removed from the cluster). */
  retired = false;
  /** Its disk lost synced writes and it refuses to start (SimOptions.detectLoss). */
  refused = false;
  /** Prefix hashes of the durable log: hashes[i] covers disk.base + 1 + i. */
  #hashes: number[] = [];
  #baseHash = 0;
  readonly #opts: SimOptions;
  readonly #rngSeed: number;
  readonly #logger: RaftLogger;

  constructor(
    id: NodeId,
    init: InitialState,
    opts: SimOptions,
    rngSeed: number,
    checker: Checker,
    logger: RaftLogger,
  ) {
    this.id = id;
    this.#opts = opts;
    this.#rngSeed = rngSeed;
    this.#logger = logger;
    this.disk = new SimDisk(init);
    this.#hashes = [];
    this.#recordPersist(checker, init.entries);
    this.core = this.#newCore();
  }

  get alive(): boolean {
    return this.core !== undefined;
  }

  #newCore(): RaftCore {
    const init = this.disk.load();
    const snap = init.snapshot;
    this.sm = snap === undefined ? { index: 0, hash: 0 } : decodeSm(snap.data);
    return new RaftCore({
      id: this.id,
      electionTick: this.#opts.electionTick,
      heartbeatTick: this.#opts.heartbeatTick,
      rng: new SeededRng(this.#rngSeed + this.incarnation * 7919),
      storage: init,
      applied: snap?.metadata.index ?? 0,
      preVote: this.#opts.preVote,
      checkQuorum: this.#opts.checkQuorum,
      maxSizePerMsg: this.#opts.maxSizePerMsg,
      maxInflightMsgs: this.#opts.maxInflightMsgs,
      logger: this.#logger,
      testing: { commitPreviousTermByCount: this.#opts.brokenFigure8 },
    });
  }

  /** Loses the in-flight write, and with a lossy disk up to `loseSynced` synced ones too. */
  crash(loseSynced = 0, checker?: Checker): void {
    this.core = undefined;
    this.writing = undefined;
    this.incarnation++;
    if (loseSynced > 0 && checker !== undefined && this.disk.loseLastWrites(loseSynced) > 0) {
      this.refused = this.#opts.detectLoss;
      // The durable log changed under the prefix hashes: recompute them.
      this.#hashes = [];
      this.#recordPersist(checker, this.disk.entries);
    }
  }

  restart(): void {
    if (this.refused) return;
    this.core = this.#newCore();
  }

  /** Completes the in-flight write: step 1 of the Ready contract. */
  persist(rd: Ready, checker: Checker): void {
    if (rd.snapshot !== undefined) {
      const m = rd.snapshot.metadata;
      const h = checker.prefixHash(m.index, m.term);
      if (h === undefined)
        throw new SafetyViolation(
          `${this.id} installed a snapshot at ${m.index}:${m.term} that no node ever persisted`,
        );
      this.#baseHash = h;
      this.#hashes = [];
    }
    const first = rd.entries[0];
    this.disk.write(rd);
    if (first !== undefined) {
      this.#hashes.length = first.index - this.disk.base - 1;
      this.#recordPersist(checker, rd.entries);
    }
    const hs = this.disk.hardState;
    checker.onDurableState(this.id, hs.term, hs.commit);
  }

  #recordPersist(checker: Checker, entries: readonly Entry[]): void {
    const prev = this.#hashes.at(-1) ?? this.#baseHash;
    let h = prev;
    for (const e of entries) {
      h = checker.onPersist(this.id, h, [e]);
      this.#hashes.push(h);
    }
  }

  /** Step 3: install a snapshot and apply committed entries, checking each. */
  apply(rd: Ready, checker: Checker, onEntry: (e: Entry) => void): void {
    if (rd.snapshot !== undefined) this.sm = decodeSm(rd.snapshot.data);
    for (const e of rd.committedEntries) {
      if (e.index <= this.sm.index) continue;
      checker.onApply(this.id, this.sm.index + 1, e);
      this.sm = { index: e.index, hash: fnvNum(this.sm.hash, entryHash(e)) };
      onEntry(e);
    }
  }

  /** Takes an application snapshot and compacts memory and disk alike (§7). */
  maybeCompact(): Snapshot | undefined {
    const core = this.core;
    if (core === undefined) return undefined;
    const snapIndex = this.disk.snapshot?.metadata.index ?? 0;
    if (this.sm.index - snapIndex < this.#opts.snapshotEvery) return undefined;
    const snap = core.compact(this.sm.index, encodeSm(this.sm), this.#opts.keepEntries);
    const compactTo = Math.max(this.disk.base, snap.metadata.index - this.#opts.keepEntries);
    if (compactTo > this.disk.base) {
      this.#baseHash = this.#hashes[compactTo - this.disk.base - 1] ?? this.#baseHash;
      this.#hashes = this.#hashes.slice(compactTo - this.disk.base);
    }
    this.disk.saveSnapshot(snap, compactTo);
    return snap;
  }
}
