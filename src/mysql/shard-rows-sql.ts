import type { SqlValue } from './statement.js';
import type { Cell, KeyRange, KeyTuple, TableShape } from './shard-rows-types.js';

/**
 * SQL fragments for a shard's rows. Identifiers come from the model
 * (checked "db.table" names) and information_schema, and are quoted with
 * backticks here; every value is a placeholder.
 */

export interface Fragment {
  readonly sql: string;
  readonly values: readonly SqlValue[];
}

export function ident(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function tableName(table: string): string {
  const dot = table.indexOf('.');
  return `${ident(table.slice(0, dot))}.${ident(table.slice(dot + 1))}`;
}

/**
 * The shard's keys as SQL. Integers are compared as SIGNED so a 64-bit
 * bound is not rounded through DOUBLE (MariaDB manual, "Type Conversion":
 * integer vs string compares as floating point); strings as bytes, as the
 * routing module orders them (its UTF-8 byte order, not a collation);
 * HASH keys by MD5(CAST(col AS CHAR)) — the decimal text of an integer,
 * the UTF-8 bytes of a utf8mb4 string — which is routing's hashDigest.
 */
export function rangePredicate(r: KeyRange): Fragment {
  const col = ident(r.column);
  const [expr, param] =
    r.order === 'hash'
      ? [`MD5(CAST(${col} AS CHAR))`, '?']
      : r.order === 'integer'
        ? [col, 'CAST(? AS SIGNED)']
        : r.order === 'string'
          ? [`CAST(${col} AS BINARY)`, 'CAST(? AS BINARY)']
          : [col, '?'];
  const parts = [`${expr} >= ${param}`];
  const values: SqlValue[] = [r.lower];
  if (r.upper !== undefined) {
    parts.push(`${expr} < ${param}`);
    values.push(r.upper);
  }
  const inRange = parts.join(' AND ');
  if (r.wrapBelow === undefined) return { sql: `(${inRange})`, values };
  return { sql: `((${inRange}) OR ${expr} < ${param})`, values: [...values, r.wrapBelow] };
}

function keyValues(shape: TableShape, key: KeyTuple): SqlValue[] {
  return shape.primaryKey.map((name, i) => {
    const v = key[i] ?? '';
    return isBinary(shape, name) ? Buffer.from(v, 'hex') : v;
  });
}

function isBinary(shape: TableShape, column: string): boolean {
  return shape.columns.find((c) => c.name === column)?.binary === true;
}

function pkList(shape: TableShape): string {
  return `(${shape.primaryKey.map(ident).join(', ')})`;
}

/** Keys after `lo` and up to `hi` (either may be open), as a row-value comparison. */
export function keyWindow(shape: TableShape, lo: KeyTuple | null, hi: KeyTuple | null): Fragment {
  const marks = `(${shape.primaryKey.map(() => '?').join(', ')})`;
  const parts: string[] = [];
  const values: SqlValue[] = [];
  if (lo !== null) {
    parts.push(`${pkList(shape)} > ${marks}`);
    values.push(...keyValues(shape, lo));
  }
  if (hi !== null) {
    parts.push(`${pkList(shape)} <= ${marks}`);
    values.push(...keyValues(shape, hi));
  }
  return { sql: parts.length === 0 ? 'TRUE' : parts.join(' AND '), values };
}

export function orderByKey(shape: TableShape): string {
  return shape.primaryKey.map(ident).join(', ');
}

export function columnList(shape: TableShape): string {
  return shape.columns.map((c) => ident(c.name)).join(', ');
}

/** A row's primary key as JSON-safe text (binary columns as hex). */
export function keyOf(shape: TableShape, row: readonly Cell[]): KeyTuple {
  return shape.primaryKey.map((name) => {
    const cell = row[shape.columns.findIndex((c) => c.name === name)];
    if (cell === null || cell === undefined) return '';
    return typeof cell === 'string' ? cell : cell.toString('hex');
  });
}

/**
 * Per-row CRC32 of every column's text with a NULL marker per column
 * (CONCAT_WS skips NULLs, so NULL and '' would otherwise collide),
 * combined with BIT_XOR (order-free), beside COUNT(*).
 */
export function rowChecksum(shape: TableShape): string {
  const cols = shape.columns.map((c) => ident(c.name));
  const nulls = cols.map((c) => `ISNULL(${c})`).join(', ');
  return `COUNT(*) AS n, COALESCE(BIT_XOR(CRC32(CONCAT_WS(0x1f, ${cols.join(', ')}, CONCAT(${nulls})))), 0) AS crc`;
}
