/**
 * Readers for untrusted decoded protobuf objects, and the matching checks for
 * numbers on the way out. Every failure is a FabricError MALFORMED_MESSAGE
 * whose message names the field, so the receiver can log one precise reason.
 */
import { FabricError } from '../util/fabric-error.js';

/**
 * Field names are built only on failure: on the hot path every reader gets a
 * constant label, where `#` stands for the list position `at`.
 */
export function malformed(field: string, why: string, at?: number): never {
  const name = at === undefined ? field : field.replace('#', String(at));
  throw new FabricError('MALFORMED_MESSAGE', `${name}: ${why}`, { field: name });
}

export function record(v: unknown, field: string, at?: number): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) malformed(field, 'missing', at);
  return v as Record<string, unknown>;
}

/**
 * A uint64 as a core number. proto-loader hands uint64 over as a decimal
 * string; anything above Number.MAX_SAFE_INTEGER would lose precision in the
 * core, so it is refused rather than rounded.
 */
export function u64(v: unknown, field: string, at?: number): number {
  const n = typeof v === 'string' && /^\d{1,20}$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) malformed(field, `${String(v)} is not a safe unsigned integer`, at);
  return n;
}

export function str(v: unknown, field: string, at?: number): string {
  if (typeof v !== 'string') malformed(field, 'not a string', at);
  return v;
}

export function bool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') malformed(field, 'not a boolean');
  return v;
}

/**
 * Bytes as a plain Uint8Array copy: decoded Buffers are views into the whole
 * received frame, and a log entry kept in the cache must not pin a 16 MiB frame.
 */
export function bytes(v: unknown, field: string, at?: number): Uint8Array {
  if (!(v instanceof Uint8Array)) malformed(field, 'not bytes', at);
  return new Uint8Array(v);
}

export function list(v: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(v)) malformed(field, 'not a list');
  return v;
}

/** `field` must end in `[#]`'s owner, e.g. 'conf.voters' labels items 'conf.voters[#]'. */
export function strList(v: unknown, field: string): string[] {
  return list(v, field).map((x, i) => str(x, `${field}[#]`, i));
}

/** Outbound check: the core only ever holds non-negative safe integers here. */
export function safeU64(n: number, field: string): number {
  if (!Number.isSafeInteger(n) || n < 0) malformed(field, `${n} is not a safe unsigned integer`);
  return n;
}

/** Runs a protobuf deserializer; bytes that do not parse are malformed, not a crash. */
export function decodeBytes(
  type: { readonly deserialize: (b: Buffer) => unknown },
  b: Buffer,
  field: string,
): unknown {
  try {
    return type.deserialize(b);
  } catch (err) {
    return malformed(field, `undecodable bytes (${(err as Error).message})`);
  }
}
