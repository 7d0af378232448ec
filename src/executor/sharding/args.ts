import { SHARD_MAP_TYPES, SHARD_STATES } from '../../fabric/index.js';
import type { ShardMapType, ShardState } from '../../fabric/index.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, groupId, oneOf, text } from '../farm/args.js';
import type { Args } from '../farm/args.js';

/**
 * Argument readers for the sharding procedures (the contract the API
 * codes against, issue 12). Shapes only; the rules (a table is "db.table",
 * a bound parses for the map's type, ...) are the model's, asked through
 * FabricModel.checkEffects so admission and the model give one answer.
 */

export { asArgs };
export type { Args };

function bad(field: string, value: unknown, allowed: string): PermanentStepError {
  return new PermanentStepError(
    'INVALID_ARGUMENT',
    `${field} ${value === undefined ? '(missing)' : JSON.stringify(value)} is invalid: ${allowed}`,
  );
}

/** A shard map or shard id: Fabric numbers both from 1. */
export function id(a: Args, field: 'mapId' | 'shardId'): number {
  const v = a[field];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1)
    throw bad(field, v, 'must be an integer >= 1');
  return v;
}

export function mapType(a: Args): ShardMapType {
  return oneOf<ShardMapType>(a, 'type', SHARD_MAP_TYPES);
}

export function group(a: Args, field: 'group' | 'globalGroup'): string {
  return groupId(a, field);
}

/** Names are checked by the model (shard-names.ts); here only that they are strings of sane size. */
export function name(a: Args, field: 'table' | 'column'): string {
  return text(a, field, 512);
}

/**
 * The lower bound as the user wrote it, or undefined when absent or null
 * (the default: an even split for HASH, refused for RANGE types). An empty
 * string is a bound (the lowest RANGE_STRING key), not an absent one.
 */
export function optionalBound(a: Args): string | undefined {
  const v = a.bound;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > 1024)
    throw bad('bound', v, 'must be a string of at most 1024 characters');
  return v;
}

/** ENABLED unless asked otherwise: a shard is added to be used (Fabric defaulted to DISABLED). */
export function state(a: Args): ShardState {
  return a.state === undefined || a.state === null
    ? 'ENABLED'
    : oneOf<ShardState>(a, 'state', SHARD_STATES);
}
