/**
 * The sharding mapping types, with MySQL Fabric's names (`sharding_datatype.py`).
 * `RANGE` is Fabric's RANGE_INTEGER: lower bounds compared as signed integers.
 */
export const MAPPING_TYPES = ['RANGE', 'RANGE_STRING', 'RANGE_DATETIME', 'HASH'] as const;

/** One of {@link MAPPING_TYPES}. */
export type MappingType = (typeof MAPPING_TYPES)[number];

/** A parse result: the canonical value, or why the input is refused. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** True when `text` names a mapping type (exact, upper-case, as Fabric spells it). */
export function isMappingType(text: string): text is MappingType {
  return (MAPPING_TYPES as readonly string[]).includes(text);
}

/** @internal */
export function accepted<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** @internal */
export function refused<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/** Quotes user text in a reason so empty strings and spaces stay visible. */
export function quote(text: string): string {
  return JSON.stringify(text);
}
