import { FABRIC_ERROR_CODES, FabricError } from '../util/fabric-error.js';
import type { ApplyResult } from './apply-result.js';
import { canonicalJson, isPlainObject } from './json.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const KNOWN_CODES: ReadonlySet<string> = new Set(FABRIC_ERROR_CODES);

/** The bytes the state machine hands back to the proposer. */
export function encodeApplyResult(result: ApplyResult): Uint8Array {
  return encoder.encode(canonicalJson(result));
}

/**
 * The proposer's side. The bytes come from this same code on a replica, so
 * only the envelope is checked: a mismatch means mixed versions or corruption.
 */
export function decodeApplyResult(bytes: Uint8Array): ApplyResult {
  let v: unknown;
  try {
    v = JSON.parse(decoder.decode(bytes));
  } catch (e) {
    throw new FabricError('INTERNAL', 'fabric: apply result is not JSON', {}, { cause: e });
  }
  const okResult = isPlainObject(v) && v.ok === true && isPlainObject(v.result);
  const okRejection =
    isPlainObject(v) &&
    v.ok === false &&
    typeof v.code === 'string' &&
    KNOWN_CODES.has(v.code) &&
    typeof v.message === 'string';
  if (!okResult && !okRejection)
    throw new FabricError('INTERNAL', 'fabric: apply result has an unknown shape');
  return v as ApplyResult;
}
