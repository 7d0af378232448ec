import type { Procedure } from '../fabric/index.js';

/**
 * The ids the sharding procedures return, read into the RPC answers.
 * The outputs are the procedures' contract (sharding.create-definition
 * → { mapId }, sharding.add-shard → { shardId, bound }); a procedure still
 * running (no_wait) has none yet, and its answer carries the zero values.
 */

function field(p: Procedure, name: string): unknown {
  const r = p.state === 'DONE' ? p.result : undefined;
  if (r === null || r === undefined || typeof r !== 'object' || Array.isArray(r)) return undefined;
  return (r as Readonly<Record<string, unknown>>)[name];
}

const int = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function mapAnswer(p: Procedure): { map_id: number } {
  return { map_id: int(field(p, 'mapId')) };
}

export function shardAnswer(p: Procedure): { shard_id: number; bound: string } {
  return { shard_id: int(field(p, 'shardId')), bound: str(field(p, 'bound')) };
}
