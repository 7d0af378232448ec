import type { FabricErrorCode } from '../util/fabric-error.js';
import { reject } from './apply-result.js';
import type { Rejection } from './apply-result.js';

/** One effect applied to the draft: did it change what connectors route on? @internal */
export interface EffectChange {
  readonly ok: true;
  readonly routing: boolean;
}

/** @internal */
export type EffectOutcome = EffectChange | Rejection;

/** The change is visible to connectors (dump.*): the topology epoch moves. @internal */
export const ROUTING_CHANGED: EffectChange = { ok: true, routing: true };
/** Metadata only (descriptions, empty groups) or no change at all. @internal */
export const QUIET: EffectChange = { ok: true, routing: false };

/**
 * A broken rule, naming the object ("server:u1") and the rule
 * ("remove-primary") both in the message and in the details.
 *
 * @internal
 */
export function broken(
  code: FabricErrorCode,
  object: string,
  rule: string,
  why: string,
): Rejection {
  return reject(code, `${object}: ${why} [rule ${rule}]`, { object, rule });
}

/** Object names used in messages and details. @internal */
export const obj = {
  group: (id: string): string => `group:${id}`,
  server: (uuid: string): string => `server:${uuid}`,
  shardMap: (id: number): string => `shard-map:${id}`,
  shardTable: (table: string): string => `shard-table:${table}`,
  shard: (id: number): string => `shard:${id}`,
  procedure: (id: string): string => `procedure:${id}`,
  node: (id: string): string => `node:${id}`,
} as const;
