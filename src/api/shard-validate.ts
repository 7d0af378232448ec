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
 * One part of "db.table" or a column: MySQL's unquoted identifier
 * characters (ASCII letters, digits, _ and $, and U+0080 upwards), 1-64
 * characters (MySQL's limit). Quoted identifiers with dots or spaces are
 * not accepted: the name travels unquoted to connectors and to SQL.
 */
const IDENTIFIER = '[0-9A-Za-z_$\\u0080-\\uFFFF]{1,64}';
const IDENTIFIER_RULE = '1-64 characters: letters, digits, _ and $';
const TABLE_PATTERN = new RegExp(`^${IDENTIFIER}\\.${IDENTIFIER}$`, 'u');
const COLUMN_PATTERN = new RegExp(`^${IDENTIFIER}$`, 'u');

/** Bounds and keys are short texts (a HASH bound is 32 hex digits); 256 bytes is ample. */
export const MAX_KEY_BYTES = 256;

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
    throw invalid(field, value, `use db.table, each part ${IDENTIFIER_RULE}`);
}

export function requireColumn(field: string, value: string): void {
  if (!COLUMN_PATTERN.test(value))
    throw invalid(field, value, `name a column (${IDENTIFIER_RULE})`);
}

/** A bound given or a key to route: at most MAX_KEY_BYTES (the type's rules come later). */
export function requireKeyText(field: string, value: string, min: number): void {
  requireLength(field, value, min, MAX_KEY_BYTES);
}
