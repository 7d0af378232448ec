import type { HardState } from '../raft/index.js';
import { stringSize } from './byte-writer.js';
import { frameWriter, openFrame, sealFrame } from './record-frame.js';

/**
 * What every write batch ends with: its sequence number and the state the
 * store holds once the batch is applied. LevelDB's recovery drops a torn or
 * damaged record of its .log without an error (classic-level cannot turn on
 * paranoid checks), so the store keeps its own proof (see seal.ts).
 */
export interface Seal {
  readonly seq: number;
  readonly lastIndex: number;
  readonly hardState: HardState;
}

/**
 * Seal record, version 1 (inside the frame of record-frame.ts):
 *   u64 BE seq, u64 BE last index, u64 BE term, u64 BE commit,
 *   u32 BE length + UTF-8 vote.
 */
export const SEAL_FORMAT_VERSION = 1;

export function encodeSeal(s: Seal): Buffer {
  const hs = s.hardState;
  const w = frameWriter(SEAL_FORMAT_VERSION, 8 * 4 + stringSize(hs.vote));
  return sealFrame(
    w.u64(s.seq).u64(s.lastIndex).u64(hs.term).u64(hs.commit).string(hs.vote).finish(),
  );
}

/** Throws RecordProblem if the record is torn or corrupt. */
export function decodeSeal(record: Uint8Array): Seal {
  const r = openFrame(record, 'seal', SEAL_FORMAT_VERSION);
  const seq = r.u64('seq');
  const lastIndex = r.u64('last index');
  const term = r.u64('term');
  const commit = r.u64('commit');
  const vote = r.string('vote');
  r.end();
  return { seq, lastIndex, hardState: { term, vote, commit } };
}
