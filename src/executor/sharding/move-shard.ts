import type { JsonValue } from '../../fabric/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import { PermanentStepError, StepRetryableError } from '../procedure-definition.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { linkShardGroup, unlinkShardGroup } from './global-link.js';
import { copyStep, shardTableShapes } from './move-copy.js';
import {
  CATCH_UP_CHANNEL,
  moveLockKeys,
  planMove,
  primaryHandle,
  replanMove,
} from './move-plan.js';
import { catchUpStep, cutoverStep, domainEntry } from './move-cutover.js';

/** How long link-destination waits for the schema to arrive over the global link. */
const SCHEMA_WAIT_MS = 30_000;
const SCHEMA_POLL_MS = 100;

function done(output: JsonValue): StepResult {
  return { output, effects: [] };
}

/**
 * Refuses, before anything changes: a table without a primary key, and a
 * destination whose servers already hold rows of the shard's tables (a
 * destination must be empty).
 */
async function checkStep(deps: FarmDeps, ctx: StepContext): Promise<StepResult> {
  const plan = replanMove(deps, ctx);
  const source = primaryHandle(deps, plan.sourceGroup);
  const dest = primaryHandle(deps, plan.args.group);
  const shapes = await shardTableShapes(source, plan);
  for (const shape of shapes) {
    const there = await dest.shardRows().tableShape(shape.table);
    if (there === undefined) continue;
    const range = plan.range(plan.shardColumns[plan.tables.indexOf(shape.table)] ?? '');
    const n = await dest.shardRows().countRows(there, range);
    if (n > 0)
      throw new PermanentStepError(
        'GROUP_IN_USE',
        `group ${plan.args.group} is not empty: ${shape.table} on ${dest.address} already holds ${n} rows of shard ${plan.shard.id}`,
      );
  }
  return done({
    sourceGroup: plan.sourceGroup,
    sourceDomain: plan.sourceDomain,
    tables: [...plan.tables],
  });
}

/** The destination follows the global group: the schema and global tables arrive before any row is copied. */
async function linkStep(deps: FarmDeps, ctx: StepContext): Promise<StepResult> {
  const plan = replanMove(deps, ctx);
  await linkShardGroup(deps, ctx, plan.args.group, plan.map.globalGroupId);
  const dest = primaryHandle(deps, plan.args.group);
  const t0 = ctx.now();
  for (const table of plan.tables)
    while ((await dest.shardRows().tableShape(table)) === undefined) {
      if (ctx.now() - t0 > SCHEMA_WAIT_MS)
        throw new StepRetryableError(
          'REPLICATION_TIMEOUT',
          `table ${table} has not reached ${dest.address} over the global link`,
        );
      await ctx.sleep(SCHEMA_POLL_MS);
    }
  return done({ linked: plan.map.globalGroupId });
}

/** The source's position in its own domain, taken before the first chunk is read: catch-up replays from here. */
async function recordPositionStep(deps: FarmDeps, ctx: StepContext): Promise<StepResult> {
  const plan = replanMove(deps, ctx);
  const source = primaryHandle(deps, plan.sourceGroup);
  return done({
    gtid: domainEntry(await source.gtidExecuted(), plan.sourceDomain),
    domain: plan.sourceDomain,
  });
}

/**
 * After the switch: the catch-up connection goes (and slave_exec_mode is
 * STRICT again), the checkpoint rows go, and the source group, which holds
 * no shard any more, is unlinked from the global group. It stays
 * read-only (see cutoverStep).
 */
async function finishStep(deps: FarmDeps, ctx: StepContext): Promise<StepResult> {
  const plan = replanMove(deps, ctx, true);
  const dest = primaryHandle(deps, plan.args.group);
  await dest.shardRows().stopCatchUp(CATCH_UP_CHANNEL);
  await dest.shardRows().clearCheckpoints(ctx.procedureId);
  await unlinkShardGroup(deps, ctx, plan.sourceGroup);
  return done({ shardId: plan.shard.id, from: plan.sourceGroup, to: plan.args.group });
}

/**
 * sharding.move-shard { shardId, group, chunkRows?, cutoverTimeoutMs?,
 * throttleMs? } (issue 13): moves a shard's rows to an empty group and
 * switches the shard to it, online. Steps: check, link-destination,
 * record-position, copy, catch-up, cutover, finish; each resumable by a
 * new leader. Answers { shardId, from, to }.
 */
export function moveShardProcedure(deps: FarmDeps): ProcedureDefinition {
  const { model } = deps;
  return {
    name: 'sharding.move-shard',
    lockKeys: (args) => moveLockKeys(model, args),
    admit: (args) => {
      planMove(model, args);
    },
    // The cutover retries (nothing switched) when the destination misses its deadline.
    maxAttempts: 20,
    steps: [
      { name: 'check', run: (ctx) => checkStep(deps, ctx) },
      { name: 'link-destination', run: (ctx) => linkStep(deps, ctx) },
      { name: 'record-position', run: (ctx) => recordPositionStep(deps, ctx) },
      { name: 'copy', run: (ctx) => copyStep(deps, ctx) },
      { name: 'catch-up', run: (ctx) => catchUpStep(deps, ctx) },
      { name: 'cutover', run: (ctx) => cutoverStep(deps, ctx) },
      { name: 'finish', run: (ctx) => finishStep(deps, ctx) },
    ],
  };
}
