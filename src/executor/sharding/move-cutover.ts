import type { Effect, JsonValue } from '../../fabric/index.js';
import { splitAddress } from '../../mysql/index.js';
import type { ServerHandle, TableShape } from '../../mysql/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import { PermanentStepError, StepRetryableError } from '../procedure-definition.js';
import type { StepContext, StepResult } from '../procedure-definition.js';
import { shardTableShapes } from './move-copy.js';
import { CATCH_UP_CHANNEL, primaryHandle, replanMove } from './move-plan.js';
import type { MovePlan } from './move-plan.js';
import { verifyAndRepair } from './shard-verify.js';

/** How long catch-up may take to come within reach before the cutover is tried later. */
const CATCH_UP_WAIT_MS = 30_000;

/** The entry of `domain` in a MariaDB GTID position ('' when the domain never wrote). */
export function domainEntry(position: string, domain: number): string {
  return (
    position
      .split(',')
      .map((e) => e.trim())
      .find((e) => e.startsWith(`${domain}-`)) ?? ''
  );
}

/**
 * Catch-up, the design (issue 13 property 3). The source's GTID position P
 * was recorded before the first chunk was read; the copy is fuzzy (each
 * chunk as of its own read). The destination then replicates from P over
 * the named connection 'fabric_move', limited to the source group's own
 * gtid domain (DO_DOMAIN_IDS: the global group's transactions, which the
 * source relays, arrive through the destination's own global link) and
 * to the shard's tables (per-connection replicate_do_table), with
 * slave_exec_mode = IDEMPOTENT: a replayed insert of a row the copy
 * already holds overwrites it, an update or delete of a row it lacks is
 * skipped. Row images carry the full row (binlog_row_image = FULL, the
 * default), so every row the source changed after P converges on its last
 * image. We chose MariaDB's own applier over reading the binlog ourselves:
 * it is crash-safe with the position in gtid_slave_pos, transactional,
 * and it keeps running when the Fabric leader dies.
 *
 * Its edge: a primary-key update racing the copy. Row 5 copied by chunk 1,
 * then updated to 1005, then chunk 11 copies 1005: the replayed update
 * finds 5, meets a duplicate 1005 and IDEMPOTENT skips it, leaving 5 as a
 * phantom. A delete racing its chunk is harmless (skipped, row absent),
 * and so is an insert (overwrites). So verification is also repair:
 * under the freeze, with the source read-only and the destination at the
 * source's exact GTID position, each chunk's checksum is compared and a
 * differing chunk is rewritten on the destination from the frozen source
 * (delete the chunk's key range, insert the source's rows) and compared
 * again; only a chunk that still differs stops the move, named, before
 * anything is switched.
 *
 * Rows outside the shard's range: a group holds one shard (the model's
 * rule), so the source's shard tables hold only this shard's keys, except
 * rows a split left unpruned. The copy and the verification filter by the
 * key range; the catch-up could only carry a write to another range if a
 * client wrote one to a group its key does not route to.
 */
export async function catchUpStep(deps: FarmDeps, ctx: StepContext): Promise<StepResult> {
  const plan = replanMove(deps, ctx);
  const source = primaryHandle(deps, plan.sourceGroup);
  const dest = primaryHandle(deps, plan.args.group);
  const recorded = ctx.outputs['record-position'] as { gtid?: string } | undefined;
  const { host, port } = splitAddress(source.address);
  const started = await dest.shardRows().startCatchUp({
    channel: CATCH_UP_CHANNEL,
    source: { host, port },
    domainId: plan.sourceDomain,
    fromGtid: recorded?.gtid ?? '',
    tables: plan.tables,
  });
  const target = domainEntry(await source.gtidExecuted(), plan.sourceDomain);
  const t0 = ctx.now();
  const reached = target === '' || (await dest.waitForGtids(target, CATCH_UP_WAIT_MS));
  const st = await dest.channelStatus(CATCH_UP_CHANNEL);
  if (!reached)
    throw new StepRetryableError(
      'REPLICATION_TIMEOUT',
      `the destination ${dest.address} did not reach ${target} within ${CATCH_UP_WAIT_MS} ms (fabric_move: io ${st?.ioRunning ?? '?'}, sql ${String(st?.sqlRunning)}, ${st?.sqlError ?? ''})`,
    );
  await ctx.checkpoint({
    phase: 'catch-up',
    reached: target,
    lagSeconds: st?.secondsBehind ?? null,
  });
  return { output: { connection: started, reached: target, ms: ctx.now() - t0 }, effects: [] };
}

/**
 * The bounded cutover. The move is of a whole group (a group holds one
 * shard), so the freeze is the source primary's read_only, then a drain
 * of in-flight commits (FLUSH TABLES WITH READ LOCK, as switchover does).
 * The destination must reach the frozen source's GTID position within
 * cutoverTimeoutMs (default 2 s): if not, the source is unfrozen and the
 * step retried later, nothing switched. Then verify (and repair), then
 * the step commits shard-set-group, which bumps the routing epoch pushed
 * on Watch. The source stays read-only: a client routing by the old epoch
 * gets error 1290 (ER_OPTION_PREVENTS_STATEMENT) on its next write — the
 * error Connector/Python already treats as "refresh the routing" — so no
 * write is accepted by the old group after the switch. (Admin accounts
 * with READ ONLY ADMIN bypass read_only: applications must not use them.)
 */
export async function cutoverStep(deps: FarmDeps, ctx: StepContext): Promise<StepResult> {
  const plan = replanMove(deps, ctx);
  const source = primaryHandle(deps, plan.sourceGroup);
  const dest = primaryHandle(deps, plan.args.group);
  const shapes = await shardTableShapes(source, plan);
  const before = domainEntry(await source.gtidExecuted(), plan.sourceDomain);
  if (before !== '' && !(await dest.waitForGtids(before, CATCH_UP_WAIT_MS)))
    throw new StepRetryableError(
      'REPLICATION_TIMEOUT',
      `catch-up is more than ${CATCH_UP_WAIT_MS} ms behind; the freeze waits`,
    );
  // A first pass while writes go on: it removes most phantoms so the
  // pass under the freeze has little to rewrite. What it writes from a
  // moving source may be stale; the pass under the freeze corrects that.
  await ctx.checkpoint({ phase: 'verify', frozen: false });
  const early = await verifyAndRepair(plan, shapes, source, dest);
  await ctx.checkpoint({ phase: 'cutover', earlyRepairs: early.repaired.length });
  const t0 = ctx.now();
  const frozen = await underFreeze(ctx, plan, shapes, source, dest);
  const effect: Effect = {
    type: 'shard-set-group',
    shardId: plan.shard.id,
    groupId: plan.args.group,
  };
  const output: JsonValue = {
    ...frozen,
    freezeMs: ctx.now() - t0,
    repairedBeforeFreeze: early.repaired.length,
  };
  return { output, effects: [effect] };
}

/**
 * Freeze, wait for the destination (bounded), verify and repair. Any
 * failure unfreezes the source before it leaves — unless this node lost
 * the lead: the next leader may already hold its own freeze, which an
 * unfreeze from here would break (it re-freezes or unfreezes itself).
 */
async function underFreeze(
  ctx: StepContext,
  plan: MovePlan,
  shapes: readonly TableShape[],
  source: ServerHandle,
  dest: ServerHandle,
): Promise<Record<string, JsonValue>> {
  const t0 = ctx.now();
  await source.setReadOnly(true);
  try {
    await source.drainCommits();
    const frozenAt = domainEntry(await source.gtidExecuted(), plan.sourceDomain);
    const reached =
      frozenAt === '' || (await dest.waitForGtids(frozenAt, plan.args.cutoverTimeoutMs));
    const waitMs = ctx.now() - t0;
    if (!reached)
      throw new StepRetryableError(
        'REPLICATION_TIMEOUT',
        `cutover: the destination did not reach ${frozenAt} within ${plan.args.cutoverTimeoutMs} ms; the source is writable again and the cutover is retried`,
      );
    const v = await verifyAndRepair(plan, shapes, source, dest);
    if (v.mismatch !== undefined) {
      await dest.shardRows().stopCatchUp(CATCH_UP_CHANNEL);
      throw new PermanentStepError(
        'PROCEDURE_FAILED',
        `verification failed before cutover (nothing switched, the source is writable): first differing chunk ${v.mismatch}`,
      );
    }
    return { frozenAt, waitMs, verifiedChunks: v.chunks, repairedChunks: v.repaired.slice(0, 20) };
  } catch (e) {
    if (!ctx.signal.aborted) await source.setReadOnly(false);
    throw e;
  }
}
