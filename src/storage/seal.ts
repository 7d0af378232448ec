import type { HardState } from '../raft/index.js';
import { SEAL_KEYS, describeKey, sealKey } from './keys.js';
import type { KvOp, KvStore } from './kv-store.js';
import { decodeSeal, encodeSeal } from './seal-codec.js';
import type { Seal } from './seal-codec.js';
import { corruptError, decodeOrCorrupt } from './storage-errors.js';

/**
 * The seal chain. Every batch puts the seal of sequence n + 1 and deletes
 * the seal of n, atomically with its records. So exactly one seal exists
 * whatever LevelDB kept, unless it dropped a batch before the last one it
 * kept: then the seal that dropped batch would have deleted survives beside
 * the newest one. Two seals prove a lost write before the tail; a lost tail
 * (the torn end of the last write, never acknowledged after a real crash)
 * leaves one older seal, consistent with the records, and is accepted; a
 * clean close records the final seal outside LevelDB (clean-close.ts) so a
 * lost tail after a clean stop is caught too.
 */
export function putSeal(ops: KvOp[], previous: number, seal: Seal): void {
  if (previous > 0) ops.push({ type: 'del', key: sealKey(previous) });
  ops.push({ type: 'put', key: sealKey(seal.seq), value: encodeSeal(seal) });
}

/** Reads the one seal; throws DATA_DIR_CORRUPT if there is none or more than one. */
export async function readSeal(kv: KvStore, dataDir: string): Promise<Seal> {
  const seals: Seal[] = [];
  for await (const [key, value] of kv.range(SEAL_KEYS)) {
    seals.push(decodeOrCorrupt(() => decodeSeal(value), dataDir, `seal ${describeKey(key)}`));
  }
  const [first, ...others] = seals;
  if (first === undefined) {
    throw corruptError(dataDir, 'seal', 'the record of the last write is missing');
  }
  const newest = others.at(-1);
  if (newest !== undefined) {
    throw corruptError(
      dataDir,
      `write batch ${first.seq + 1}`,
      `lost: LevelDB kept write batch ${newest.seq} but not batch ${first.seq + 1} ` +
        `(an acknowledged write before the end of its log was dropped)`,
      { index: first.lastIndex + 1 },
    );
  }
  return first;
}

/** Checks that the records loaded are the state the last batch sealed. */
export function checkSealed(
  dataDir: string,
  seal: Seal,
  lastIndex: number,
  hardState: HardState,
): void {
  const hs = seal.hardState;
  const same =
    hs.term === hardState.term && hs.vote === hardState.vote && hs.commit === hardState.commit;
  if (seal.lastIndex === lastIndex && same) return;
  throw corruptError(
    dataDir,
    `write batch ${seal.seq}`,
    `the records do not match its seal: the log ends at ${lastIndex} (sealed ${seal.lastIndex}), ` +
      `hard state term ${hardState.term} vote "${hardState.vote}" commit ${hardState.commit} ` +
      `(sealed term ${hs.term} vote "${hs.vote}" commit ${hs.commit})`,
    { index: Math.min(lastIndex, seal.lastIndex) + 1 },
  );
}
