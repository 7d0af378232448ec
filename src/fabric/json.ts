/** A value that survives JSON.stringify → JSON.parse unchanged. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Deeper values are refused: validation and canonical encoding recurse, and a
 * hostile command must not be able to overflow the stack inside apply.
 */
export const MAX_JSON_DEPTH = 64;

/** True for null, booleans, finite numbers, strings, arrays and plain objects of those. */
export function isJsonValue(v: unknown, depth = 0): v is JsonValue {
  if (depth > MAX_JSON_DEPTH) return false;
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJsonValue(x, depth + 1));
  if (!isPlainObject(v)) return false;
  return Object.values(v).every((x) => isJsonValue(x, depth + 1));
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A private copy, so a caller mutating its object after apply cannot change
 * the model. JSON.parse defines keys as own properties ('__proto__' included).
 */
export function cloneJson<T extends JsonValue>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Code-unit order: unlike localeCompare it is the same on every node. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * JSON with object keys in code-unit order and undefined members dropped,
 * so equal states give equal bytes on every node and after restore.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x ?? null)).join(',')}]`;
  const rec = v as Record<string, unknown>;
  const members = Object.keys(rec)
    .filter((k) => rec[k] !== undefined)
    .sort(compareStrings)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(rec[k])}`);
  return `{${members.join(',')}}`;
}
