import type { JsonValue } from '../../fabric/index.js';
import {
  ADDRESS_PATTERN,
  ADDRESS_RULE,
  GROUP_ID_PATTERN,
  GROUP_ID_RULE,
} from '../../util/naming.js';
import { PermanentStepError } from '../procedure-definition.js';

/**
 * Argument readers for the farm procedures. Every refusal names the
 * procedure's field, the value and what is allowed (INVALID_ARGUMENT).
 */

export type Args = Readonly<Record<string, JsonValue>>;

function bad(field: string, value: unknown, allowed: string): PermanentStepError {
  return new PermanentStepError(
    'INVALID_ARGUMENT',
    `${field} ${value === undefined ? '(missing)' : JSON.stringify(value)} is invalid: ${allowed}`,
  );
}

export function asArgs(args: JsonValue): Args {
  if (typeof args !== 'object' || args === null || Array.isArray(args))
    throw new PermanentStepError('INVALID_ARGUMENT', 'arguments must be a JSON object');
  return args as Args;
}

export function groupId(a: Args, field = 'group'): string {
  const v = a[field];
  if (typeof v !== 'string' || !GROUP_ID_PATTERN.test(v)) throw bad(field, v, GROUP_ID_RULE);
  return v;
}

export function text(a: Args, field: string, max: number, fallback?: string): string {
  const v = a[field] ?? fallback;
  if (typeof v !== 'string' || Buffer.byteLength(v) > max)
    throw bad(field, v, `must be a string of at most ${max} bytes`);
  return v;
}

/** A server named by fabric-ha uuid or by host:port. */
export function serverRef(a: Args, field = 'server'): string {
  const v = a[field];
  if (typeof v !== 'string' || v === '' || v.length > 300)
    throw bad(field, v, 'must be a server uuid or host:port');
  return v;
}

export function optionalServerRef(a: Args, field = 'server'): string | undefined {
  return a[field] === undefined || a[field] === null || a[field] === ''
    ? undefined
    : serverRef(a, field);
}

export function address(a: Args, field = 'address'): string {
  const v = a[field];
  if (typeof v !== 'string' || !ADDRESS_PATTERN.test(v))
    throw bad(field, v, `must be ${ADDRESS_RULE}`);
  const port = Number(v.slice(v.lastIndexOf(':') + 1));
  if (port < 1 || port > 65535) throw bad(field, v, 'the port must be 1-65535');
  return v;
}

export function flag(a: Args, field: string): boolean {
  const v = a[field] ?? false;
  if (typeof v !== 'boolean') throw bad(field, v, 'must be true or false');
  return v;
}

export function weight(a: Args, field = 'weight'): number {
  const v = a[field];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
    throw bad(field, v, 'must be a finite number > 0');
  return v;
}

export function oneOf<T extends string>(a: Args, field: string, allowed: readonly T[]): T {
  const v = a[field];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw bad(field, v, `must be one of ${allowed.join(', ')}`);
  return v as T;
}
