import { FabricError } from '../util/fabric-error.js';

/**
 * Strict parsers for numbers on the command line. Number("") is 0 and
 * Number("1e3") is 1000, parseFloat("2abc") is 2: each would send the
 * cluster something the user did not type, so these accept only plain
 * decimal numbers and fail before any call with the option and the value.
 */

const DECIMAL = /^[+]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^\d+$/;

function invalid(name: string, text: string, allowed: string): FabricError {
  return new FabricError(
    'INVALID_ARGUMENT',
    `${name} ${JSON.stringify(text)} is invalid: ${allowed}`,
    { field: name },
  );
}

/** A read weight: a decimal number > 0 (e.g. 1, 0.5). */
export function parseWeight(name: string, text: string): number {
  const v = DECIMAL.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isFinite(v) || v <= 0) throw invalid(name, text, 'use a number > 0, e.g. 1 or 0.5');
  return v;
}

/** A whole number within [min, max]. */
export function parseInteger(name: string, text: string, min: number, max: number): number {
  const v = INTEGER.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(v) || v < min || v > max)
    throw invalid(name, text, `use a whole number from ${min} to ${max}`);
  return v;
}
