import { reject } from './apply-result.js';
import type { Rejection } from './apply-result.js';
import type { JsonValue } from './json.js';
import { canonicalJson } from './json.js';

/**
 * A progress record is a bookmark (the next chunk, a cursor), not a data
 * store: every checkpoint is a Raft entry and lives in every snapshot, so a
 * step that wants to checkpoint more must checkpoint less often.
 */
export const MAX_CHECKPOINT_BYTES = 4096;

const encoder = new TextEncoder();

/** The size a progress record takes in the log: its canonical JSON in UTF-8. */
export function checkpointBytes(progress: JsonValue): number {
  return encoder.encode(canonicalJson(progress)).byteLength;
}

/** The rejection for a record over the limit, naming its size and the limit; undefined if it fits. */
export function checkpointTooLarge(
  progress: JsonValue,
  procedureId: string,
  step: number,
): Rejection | undefined {
  const bytes = checkpointBytes(progress);
  if (bytes <= MAX_CHECKPOINT_BYTES) return undefined;
  return reject(
    'CHECKPOINT_TOO_LARGE',
    `procedure:${procedureId} step ${step}: progress record is ${bytes} bytes, over the limit of ${MAX_CHECKPOINT_BYTES} bytes`,
    { object: `procedure:${procedureId}`, bytes, limit: MAX_CHECKPOINT_BYTES },
  );
}
