import type { JsonValue } from '../../fabric/index.js';
import type { CopyCheckpoint, ServerHandle, TableShape } from '../../mysql/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import { PermanentStepError, StepRetryableError } from '../procedure-definition.js';
import type { StepContext, StepResult } from '../procedure-definition.js';
import { primaryHandle, replanMove } from './move-plan.js';
import type { MovePlan } from './move-plan.js';

/**
 * Reads every shard table's shape on the source primary; refuses, before
 * anything is copied, a table that is missing or has no primary key (the
 * copy pages by it, and the catch-up's row events find rows by it).
 */
export async function shardTableShapes(
  source: ServerHandle,
  plan: Pick<MovePlan, 'tables' | 'map' | 'shard'>,
): Promise<TableShape[]> {
  const shapes: TableShape[] = [];
  for (const table of plan.tables) {
    const shape = await source.shardRows().tableShape(table);
    if (shape === undefined)
      throw new PermanentStepError(
        'SHARD_TABLE_NOT_FOUND',
        `table ${table} of shard map ${plan.map.id} does not exist on the source primary ${source.address}`,
      );
    if (shape.primaryKey.length === 0)
      throw new PermanentStepError(
        'INVALID_ARGUMENT',
        `table ${table} has no primary key: a shard move copies in primary-key chunks and replays row changes by key; add a primary key, then move shard ${plan.shard.id}`,
      );
    shapes.push(shape);
  }
  return shapes;
}

function column(plan: MovePlan, table: string): string {
  const t = plan.tables.indexOf(table);
  if (t < 0)
    throw new PermanentStepError(
      'SHARD_TABLE_NOT_FOUND',
      `table ${table} left shard map ${plan.map.id} during the move`,
    );
  return plan.shardColumns[t] ?? '';
}

interface CopyState {
  readonly started: number;
  copiedThisAttempt: number;
}

/** The progress record `procedure show` displays (well under 4 KiB). */
function progress(
  plan: MovePlan,
  cp: CopyCheckpoint,
  total: number,
  all: number,
  st: CopyState,
  now: number,
): JsonValue {
  const secs = Math.max(0.001, (now - st.started) / 1000);
  const rate = st.copiedThisAttempt / secs;
  return {
    phase: 'copy',
    table: cp.table,
    tableRowsCopied: cp.rows,
    tableRowsTotal: total,
    rowsCopied: all,
    tables: plan.tables.length,
    chunks: cp.chunks,
    rowsPerSec: Math.round(rate),
    // This table's remaining rows at this attempt's rate (the count is from the table's start).
    etaSeconds: rate > 0 ? Math.round(Math.max(0, total - cp.rows) / rate) : null,
  };
}

/**
 * One table, chunk after chunk from the destination's checkpoint. Each
 * chunk's rows and the checkpoint row that says so commit in one
 * transaction on the destination, so the destination is the truth: a
 * chunk that committed before the leader died (its ctx.checkpoint may not
 * have) is never copied again, and one that did not commit left nothing.
 * The ctx.checkpoint after it is the mirror `procedure show` reads.
 */
async function copyTable(
  ctx: StepContext,
  plan: MovePlan,
  shape: TableShape,
  handles: { source: ServerHandle; dest: ServerHandle },
  start: CopyCheckpoint,
  before: number,
  st: CopyState,
): Promise<CopyCheckpoint> {
  const range = plan.range(column(plan, shape.table));
  const total = await handles.source.shardRows().countRows(shape, range);
  let cp = start;
  while (!cp.done) {
    if (ctx.signal.aborted)
      throw new StepRetryableError(
        'SHUTTING_DOWN',
        'no longer leading: the next leader continues the copy',
      );
    const chunk = await handles.source
      .shardRows()
      .readChunk(shape, range, cp.lastPk, plan.args.chunkRows);
    const next: CopyCheckpoint = {
      table: shape.table,
      lastPk: chunk.last ?? cp.lastPk,
      rows: cp.rows + chunk.rows.length,
      chunks: cp.chunks + 1,
      done: chunk.rows.length < plan.args.chunkRows,
    };
    await handles.dest.shardRows().writeChunk(ctx.procedureId, shape, chunk, next);
    cp = next;
    st.copiedThisAttempt += chunk.rows.length;
    await ctx.checkpoint(progress(plan, cp, total, before + cp.rows, st, ctx.now()));
    if (plan.args.throttleMs > 0 && !cp.done) await ctx.sleep(plan.args.throttleMs);
  }
  return cp;
}

/** The copy step: every table in turn, resumed from the destination's checkpoint rows. */
export async function copyStep(deps: FarmDeps, ctx: StepContext): Promise<StepResult> {
  const plan = replanMove(deps, ctx);
  const source = primaryHandle(deps, plan.sourceGroup);
  const dest = primaryHandle(deps, plan.args.group);
  const shapes = await shardTableShapes(source, plan);
  const saved = await dest.shardRows().readCheckpoints(ctx.procedureId);
  const resumedAtRows = saved.reduce((n, c) => n + c.rows, 0);
  const mirrored = ctx.progress?.value as { rowsCopied?: number } | null | undefined;
  const st: CopyState = { started: ctx.now(), copiedThisAttempt: 0 };
  const tables: JsonValue[] = [];
  let before = 0;
  for (const shape of shapes) {
    const start = saved.find((c) => c.table === shape.table) ?? {
      table: shape.table,
      lastPk: null,
      rows: 0,
      chunks: 0,
      done: false,
    };
    const cp = await copyTable(ctx, plan, shape, { source, dest }, start, before, st);
    before += cp.rows;
    tables.push({ table: cp.table, rows: cp.rows, chunks: cp.chunks });
  }
  return {
    output: {
      tables,
      rowsCopied: before,
      attempt: ctx.attempt,
      // What the destination said was already copied when this attempt began,
      // and what the Raft mirror said: the first is never below the second.
      resumedAtRows,
      mirroredRowsAtResume: mirrored?.rowsCopied ?? 0,
    },
    effects: [],
  };
}
