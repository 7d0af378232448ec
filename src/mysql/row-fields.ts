import type { Row } from './statement.js';

/**
 * Readers for result columns. mysql2 types values by column type (numbers
 * for integers, strings for text, null for NULL), but SHOW statements and
 * system variables differ between engines and versions, so every reader
 * accepts the plausible representations.
 */
export function text(row: Row, column: string): string {
  const v = row[column];
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return JSON.stringify(v);
}

/** An integer column; NaN when absent or not a number. */
export function integer(row: Row, column: string): number {
  const v = row[column];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return Number.NaN;
}

/** An integer column that may be NULL (Seconds_Behind_Master). */
export function nullableInteger(row: Row, column: string): number | null {
  const v = row[column];
  if (v === null || v === undefined || v === '') return null;
  const n = integer(row, column);
  return Number.isNaN(n) ? null : n;
}

/**
 * A boolean system variable: 1/0 as a number, "1"/"0", or ON/OFF (and
 * enum values such as MariaDB 11's read_only=NO_LOCK, which are on).
 */
export function flag(row: Row, column: string): boolean {
  const v = text(row, column).trim().toUpperCase();
  return v !== '' && v !== '0' && v !== 'OFF' && v !== 'NO' && v !== 'FALSE';
}

/** The first column's value of a row (SHOW GRANTS names its column after the account). */
export function firstColumn(row: Row): string {
  const key = Object.keys(row)[0];
  return key === undefined ? '' : text(row, key);
}

/** A wait function's result: `reached` → true, `timedOut` → false, anything else (NULL) → undefined. */
export function waitOutcome(
  value: unknown,
  reached: number,
  timedOut: number,
): boolean | undefined {
  const n = typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
  if (n === reached) return true;
  if (n === timedOut) return false;
  return undefined;
}
