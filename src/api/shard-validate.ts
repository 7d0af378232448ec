import { FabricError } from '../util/fabric-error.js';
import { requireLength } from './validate.js';

/**
 * Checks of the sharding requests' fields, made before anything is
 * submitted or looked up. proto3 sends an unset number as 0 and an unset
 * string as "", so "required" means "not the zero value". The rules that
 * depend on the farm (a bound's type, a group already holding a shard)
 * belong to the procedures' admission checks and to src/routing.
 */

/**
 * One part of "db.table", or a column: 1-64 characters (MySQL's identifier
 * limit) without dots or whitespace, the rule the model applies
 * (src/fabric/shard-names.ts), so the API refuses no name the model would
 * take, and a lookup of a malformed name says so instead of NOT_FOUND.
 */
const PART = '[^.\\s]{1,64}';
const PART_RULE = '1-64 characters without dots or spaces';
const TABLE_PATTERN = new RegExp(`^${PART}\\.${PART}$`, 'u');
const COLUMN_PATTERN = new RegExp(`^${PART}$`, 'u');

/**
 * Bounds and keys are short texts (a HASH bound is 32 hex digits), but a
 * RANGE_STRING key may be a long VARCHAR: the procedures take bounds of up
 * to 1024 characters, which is at most 4096 bytes of UTF-8.
 */
export const MAX_KEY_BYTES = 4096;

function invalid(field: string, value: unknown, allowed: string): FabricError {
  return new FabricError(
    'INVALID_ARGUMENT',
    `${field} ${JSON.stringify(value)} is invalid: ${allowed}`,
    { field },
  );
}

/** A shard map or shard id: a whole number from 1 (proto3's 0 is "not given"). */
export function requireId(field: string, value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 1)
    throw invalid(field, value, `name a ${what} by its id, a whole number from 1`);
}

/** A sharded table, "db.table". */
export function requireTable(field: string, value: string): void {
  if (!TABLE_PATTERN.test(value))
    throw invalid(field, value, `use db.table, each part ${PART_RULE}`);
}

export function requireColumn(field: string, value: string): void {
  if (!COLUMN_PATTERN.test(value)) throw invalid(field, value, `name a column (${PART_RULE})`);
}

/** A bound given or a key to route: at most MAX_KEY_BYTES (the type's rules come later). */
export function requireKeyText(field: string, value: string, min: number): void {
  requireLength(field, value, min, MAX_KEY_BYTES);
}
