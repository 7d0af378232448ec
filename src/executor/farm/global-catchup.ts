import type { Server } from '../../fabric/index.js';
import { parseMariadbPosition, splitAddress } from '../../mysql/index.js';
import type { MariadbGtid, ServerHandle } from '../../mysql/index.js';
import type { StepContext, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { StepRetryableError } from '../step-errors.js';
import { within } from '../step-timeout.js';
import { GLOBAL_LINK_CHANNEL } from '../sharding/global-link.js';
import type { FarmDeps } from './farm-deps.js';
import { primaryOf } from './lookup.js';
import { linkedShardGroups } from './shard-roles.js';

/**
 * A global group's new primary catches up from the shard primaries
 * (step catch-up-from-shards, before promote-candidate).
 *
 * Why: every linked shard primary is an asynchronous replica of the
 * global primary over 'fabric_global'. A dying global primary's binlog
 * dump threads send to each replica on its own, so a shard primary may
 * have received and applied global-domain transactions that no global
 * secondary has (with semi-sync AFTER_SYNC too: an unacknowledged
 * transaction may still have reached a shard). A candidate without them
 * would, once promoted, write its own transactions at the same sequence
 * numbers, and the shard's relinked connection would fail with error 1236
 * (slave ahead, or diverged) forever (mariadb.md, "Errant transaction").
 *
 * What, in order, for the global domain D:
 * 1. freeze: STOP SLAVE 'fabric_global' on every linked shard primary, so
 *    none takes another global transaction from the old primary (alive
 *    and unfenced perhaps). Its D position is then final. (STOP SLAVE
 *    stops the SQL thread between transactions; what its relay log still
 *    held was applied on no shard server, and relinking, which starts
 *    from gtid_slave_pos, fetches it again if the new primary has it.)
 * 2. read each one's @@gtid_current_pos for D (a shard primary writes
 *    only in its own domain: D holds just what its link applied) and the
 *    candidate's.
 * 3. when one is ahead, the candidate replicates from the most advanced
 *    over a temporary connection 'fabric_catchup', DO_DOMAIN_IDS=(D) and
 *    MASTER_USE_GTID=slave_pos, until MASTER_GTID_WAIT reaches that
 *    shard's D position; then the connection is removed.
 *
 * Safety, the argument:
 * - Nothing applied on a shard server is lost: every shard server holds in
 *   D a prefix of the most advanced shard primary's D history (secondaries
 *   get D from their primary only, log_slave_updates), and after step 3 the
 *   candidate holds that history too, so each relinked shard primary
 *   resumes (slave_pos) from a GTID the new primary's binlog contains.
 * - Nothing is duplicated, GTIDs stay identical: the candidate requests
 *   from its own gtid_slave_pos, and the shard sends D events with their
 *   original GTIDs (MariaDB replicates a GTID unchanged and log_slave_updates
 *   binlogs it unchanged); DO_DOMAIN_IDS keeps the shard's own domain
 *   out of the global group. gtid_strict_mode refuses any out-of-order one.
 * - Nothing is written by the candidate before: it is still a read-only
 *   replica here, and promote-candidate, the step that makes it writable,
 *   runs only once this step is committed DONE. On a timeout or an error
 *   the step fails (retryable) and nothing is promoted.
 * - Divergence is not hidden: a shard whose D history forks from the
 *   candidate's (same sequence number, another origin) or a catch-up that
 *   the shard refuses (1236) fails the step, naming the shard.
 * - Re-running is harmless: stopping a stopped link, re-reading positions,
 *   and re-pointing 'fabric_catchup' (the candidate resumes from what it
 *   applied) all converge; a candidate already caught up fetches nothing.
 *   The links stay stopped until relink-global repoints them, or an
 *   operator's re-run of the failover does.
 * - A shard primary that cannot be reached is skipped and reported: it
 *   cannot get further in D than it was, and if it is ahead, its link
 *   fails after relinking and `health` says so.
 *
 * A switchover needs no fetch: its catch-up step waits for the fenced old
 * primary's position, and a shard primary has only what the old primary
 * sent. This step confirms it there (nothing is ahead) at the price of a
 * few statements, and it freezes the links so none moves while the
 * primary changes.
 */

/** The temporary connection on the candidate. */
export const CATCHUP_CHANNEL = 'fabric_catchup';

/** How often the catch-up looks at the connection's errors while it waits. */
const POLL_MS = 250;

interface ShardPosition {
  readonly group: string;
  readonly address: string;
  /** Its last GTID in the global domain; undefined when it has none or was skipped. */
  readonly gtid: MariadbGtid | undefined;
  /** Why it was skipped ('' when it was not). */
  readonly skipped: string;
}

const show = (g: MariadbGtid | undefined): string =>
  g === undefined ? '' : `${g.domain}-${g.serverId}-${g.seq}`;

export async function catchUpFromShards(
  deps: FarmDeps,
  ctx: StepContext,
  group: string,
  candidate: { readonly uuid: string; readonly address: string },
): Promise<StepResult> {
  const { model, servers } = deps;
  const skip = (why: string): StepResult => ({ output: { skipped: why }, effects: [] });
  const shards = linkedShardGroups(model, group);
  const domain = model.group(group)?.gtidDomainId;
  if (shards.length === 0) return skip('no shard group replicates from this group');
  if (domain === undefined) return skip('the group has no gtid domain');
  const cand = servers.server(candidate.address, candidate.uuid);
  if ((await cand.info()).engine !== 'mariadb')
    return skip('MySQL: no gtid domains, no catch-up from shards');

  const positions = await Promise.all(shards.map((g) => freezeAndRead(deps, ctx, g, domain)));
  const mine = await position(cand, domain);
  for (const p of positions) checkSameHistory(p, mine, candidate.address);
  const best = mostAdvanced(positions);
  const base = { domain, candidate: show(mine), shards: positions.map(outputOf) };
  if (best?.gtid === undefined || (mine !== undefined && best.gtid.seq <= mine.seq)) {
    // A re-run after a leader died mid-fetch leaves no connection behind.
    await cand.removeChannel(CATCHUP_CHANNEL);
    return { output: { ...base, fetched: 'nothing: no shard primary is ahead' }, effects: [] };
  }
  const target = show(best.gtid);
  const started = ctx.now();
  await fetch(deps, ctx, cand, best, domain, target);
  const after = await position(cand, domain);
  if (show(after) !== target)
    throw new StepRetryableError(
      'REPLICATION_TIMEOUT',
      `candidate ${candidate.address} ends at ${show(after) || 'nothing'} in gtid domain ${domain} after catching up from shard primary ${best.address}, not at ${target}; nothing was promoted, the failover retries`,
    );
  return {
    output: { ...base, fetched: { from: best.address, to: target, ms: ctx.now() - started } },
    effects: [],
  };
}

/** Stops one shard primary's global link and reads its position in the global domain. */
async function freezeAndRead(
  deps: FarmDeps,
  ctx: StepContext,
  shardGroup: string,
  domain: number,
): Promise<ShardPosition> {
  const g = deps.model.group(shardGroup);
  const p: Server | undefined = g === undefined ? undefined : primaryOf(deps.model, g);
  if (p === undefined)
    return { group: shardGroup, address: '', gtid: undefined, skipped: 'no primary' };
  const h = deps.servers.server(p.address, p.uuid);
  // Twice the switchover timeout, as freeze-replicas: a semi-sync
  // replica's STOP SLAVE can wait for rpl_semi_sync_slave_kill_conn_timeout.
  const ms = 2 * deps.switchoverTimeoutMs;
  const op = (async () => {
    await h.setChannelRunning(GLOBAL_LINK_CHANNEL, false);
    return { gtid: await position(h, domain), skipped: '' };
  })().catch((e: unknown) => ({ gtid: undefined, skipped: (e as Error).message }));
  const r = await within(ctx, op, ms, () => ({
    gtid: undefined,
    skipped: `no answer within ${ms} ms`,
  }));
  return { group: shardGroup, address: p.address, ...r };
}

async function position(h: ServerHandle, domain: number): Promise<MariadbGtid | undefined> {
  return parseMariadbPosition(await h.gtidExecuted()).get(domain);
}

/**
 * A single global history per domain (gtid_strict_mode): a shard at the
 * candidate's sequence number with another origin has forked, and
 * fetching would not reconcile it. (A forked shard that is ahead is
 * caught by the 1236 its catch-up gets; one that is behind, by its
 * relinked connection's 1236, which `health` shows.)
 */
function checkSameHistory(
  p: ShardPosition,
  mine: MariadbGtid | undefined,
  candidate: string,
): void {
  if (p.gtid === undefined || mine === undefined) return;
  if (p.gtid.seq === mine.seq && p.gtid.serverId !== mine.serverId)
    throw new PermanentStepError(
      'ERRANT_TRANSACTIONS',
      `shard primary ${p.address} (group ${p.group}) has ${show(p.gtid)} where candidate ${candidate} has ${show(mine)}: the global histories diverged; rebuild that shard or disable it (fabric sharding disable-shard), then run the failover again`,
    );
}

function mostAdvanced(ps: readonly ShardPosition[]): ShardPosition | undefined {
  let best: ShardPosition | undefined;
  for (const p of ps)
    if (p.gtid !== undefined && (best?.gtid === undefined || p.gtid.seq > best.gtid.seq)) best = p;
  return best;
}

function outputOf(p: ShardPosition): Record<string, string> {
  return {
    group: p.group,
    address: p.address,
    gtid: show(p.gtid),
    ...(p.skipped === '' ? {} : { skipped: p.skipped }),
  };
}

/**
 * The temporary connection from `from` to the candidate, until the
 * candidate has applied `target` or the deadline ([ha]
 * switchover_timeout_ms) passes; removed either way, so a failed attempt
 * leaves the candidate as it was (plus the complete transactions it got).
 */
async function fetch(
  deps: FarmDeps,
  ctx: StepContext,
  cand: ServerHandle,
  from: ShardPosition,
  domain: number,
  target: string,
): Promise<void> {
  await cand.replicateChannelFrom(CATCHUP_CHANNEL, splitAddress(from.address), {
    onlyDomains: [domain],
  });
  const deadline = ctx.now() + deps.switchoverTimeoutMs;
  let why = '';
  try {
    for (;;) {
      const left = deadline - ctx.now();
      if (await cand.waitForGtids(target, Math.max(0, Math.min(POLL_MS, left)))) return;
      if (ctx.signal.aborted) throw new Error('aborted: no longer the leader');
      // 1236 is final (the shard will not send from that position);
      // other errors may pass (a connect retry), so they only explain a timeout.
      const st = await cand.channelStatus(CATCHUP_CHANNEL);
      if (st?.ioErrno === 1236)
        throw new PermanentStepError(
          'ERRANT_TRANSACTIONS',
          `shard primary ${from.address} refused to send the global transactions the candidate ${cand.address} lacks (error 1236: ${st.ioError}): their histories diverged in gtid domain ${domain}, or in another domain of the candidate's gtid_slave_pos (MariaDB 10.11 checks every domain there, even those DO_DOMAIN_IDS leaves out, MDEV-28213); rebuild that shard or disable it, then run the failover again`,
        );
      if (st !== undefined && st.sqlErrno !== 0) why = `SQL error ${st.sqlErrno}: ${st.sqlError}`;
      else if (st !== undefined && st.ioErrno !== 0) why = `IO error ${st.ioErrno}: ${st.ioError}`;
      if (left <= 0) break;
    }
  } finally {
    await cand.removeChannel(CATCHUP_CHANNEL).catch(() => undefined);
  }
  throw new StepRetryableError(
    'REPLICATION_TIMEOUT',
    `candidate ${cand.address} did not fetch the global transactions up to ${target} from shard primary ${from.address} (group ${from.group}) within ${deps.switchoverTimeoutMs} ms ([ha] switchover_timeout_ms)${why === '' ? '' : `: ${why}`}; nothing was promoted, the failover retries`,
  );
}
