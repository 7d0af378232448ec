import type { ChunkSum, KeyTuple, ServerHandle, TableShape } from '../../mysql/index.js';
import type { MovePlan } from './move-plan.js';

/**
 * Chunked comparison of a shard's rows on two servers: chunks of
 * chunkRows keys cut on the source, each compared by COUNT and BIT_XOR of
 * row CRC32s on both sides (shard-rows-sql.ts rowChecksum). Meaningful
 * when both are at one GTID position (the move's freeze), or when one
 * side no longer changes (a moved shard's old group, read-only).
 */

function columnOf(plan: Pick<MovePlan, 'tables' | 'shardColumns'>, table: string): string {
  return plan.shardColumns[plan.tables.indexOf(table)] ?? '';
}

function same(a: ChunkSum, b: ChunkSum): boolean {
  return a.count === b.count && a.crc === b.crc;
}

/** What verification found: chunks compared, chunks repaired, the first that still differs. */
export interface Verdict {
  chunks: number;
  repaired: string[];
  mismatch?: string;
}

function chunkName(table: string, lo: KeyTuple | null, hi: KeyTuple | null): string {
  return `${table} keys (${lo === null ? '-inf' : lo.join(',')}, ${hi === null ? '+inf' : hi.join(',')}]`;
}

/** Chunked checksums source vs destination, both at one GTID position; repairs what idempotent replay could not converge. */
export async function verifyAndRepair(
  plan: Pick<MovePlan, 'range' | 'tables' | 'shardColumns'> & {
    readonly args: { readonly chunkRows: number };
  },
  shapes: readonly TableShape[],
  source: ServerHandle,
  dest: ServerHandle,
  repair = true,
): Promise<Verdict> {
  const v: Verdict = { chunks: 0, repaired: [] };
  for (const shape of shapes) {
    const range = plan.range(columnOf(plan, shape.table));
    let lo: KeyTuple | null = null;
    for (;;) {
      const hi = await source.shardRows().chunkEnd(shape, range, lo, plan.args.chunkRows);
      const a = await source.shardRows().checksum(shape, range, lo, hi);
      v.chunks += 1;
      const d = await dest.shardRows().checksum(shape, range, lo, hi);
      if (!same(a, d)) {
        const name = `${chunkName(shape.table, lo, hi)} (source ${a.count} rows, destination ${d.count})`;
        if (!repair) {
          v.mismatch = name;
          return v;
        }
        await dest
          .shardRows()
          .replaceChunk(
            shape,
            range,
            lo,
            hi,
            await source.shardRows().readRange(shape, range, lo, hi),
          );
        const b = await dest.shardRows().checksum(shape, range, lo, hi);
        if (!same(a, b)) {
          v.mismatch = `${name}: source ${a.count} rows crc ${a.crc}, destination ${b.count} rows crc ${b.crc}`;
          return v;
        }
        v.repaired.push(name);
      }
      if (hi === null) break;
      lo = hi;
    }
  }
  return v;
}
