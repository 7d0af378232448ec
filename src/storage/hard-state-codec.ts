import type { HardState } from '../raft/index.js';
import { stringSize } from './byte-writer.js';
import { frameWriter, openFrame, sealFrame } from './record-frame.js';

/**
 * Hard state record, version 1 (inside the frame of record-frame.ts):
 *   u64 BE term, u64 BE commit, u32 BE length + UTF-8 vote ('' for none).
 */
export const HARD_STATE_FORMAT_VERSION = 1;

export function encodeHardState(hs: HardState): Buffer {
  const w = frameWriter(HARD_STATE_FORMAT_VERSION, 8 + 8 + stringSize(hs.vote));
  return sealFrame(w.u64(hs.term).u64(hs.commit).string(hs.vote).finish());
}

/** Throws RecordProblem if the record is torn or corrupt. */
export function decodeHardState(record: Uint8Array): HardState {
  const r = openFrame(record, 'hard state', HARD_STATE_FORMAT_VERSION);
  const term = r.u64('term');
  const commit = r.u64('commit');
  const vote = r.string('vote');
  r.end();
  return { term, vote, commit };
}
