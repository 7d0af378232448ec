import { FabricError } from '../util/fabric-error.js';
import type { ConnectionState } from './connection-state.js';
import { compareGtids } from './gtid.js';
import { defaultConnectionRow } from './replica-status-row.js';
import { text } from './row-fields.js';
import type { Session } from './session.js';
import type { ReplicaStatus, ServerAccount, SourceAddress } from './types.js';

/** Executed GTIDs without the line breaks MySQL puts into long sets. */
export async function readGtidExecuted(session: Session, state: ConnectionState): Promise<string> {
  const [row = {}] = await session.rows(state.dialect.gtidExecutedQuery);
  return text(row, 'gtids').replace(/\s+/g, '');
}

export async function readReplicaStatus(
  session: Session,
  state: ConnectionState,
): Promise<ReplicaStatus | undefined> {
  const d = state.dialect;
  const row = defaultConnectionRow(await session.rows(d.replicaStatusQuery));
  if (row === undefined) return undefined;
  if (d.heartbeatQuery === undefined) return d.replicaStatus(row);
  const [beats = {}] = await session.rows(d.heartbeatQuery);
  return d.replicaStatus({ ...row, ...beats });
}

/** STOP, (rejoin prelude), CHANGE MASTER / REPLICATION SOURCE, START. */
export async function replicateFrom(
  session: Session,
  state: ConnectionState,
  source: SourceAddress,
  account: ServerAccount,
  fromOwnBinlog: boolean,
  heartbeatPeriodMs: number | undefined,
): Promise<void> {
  const d = state.dialect;
  await session.run(d.stopReplica);
  if (fromOwnBinlog) for (const stmt of d.rejoinPrelude) await session.run(stmt);
  await session.run(d.changeSource(source, account, heartbeatPeriodMs));
  await session.run(d.startReplica);
}

export async function resetReplica(session: Session, state: ConnectionState): Promise<void> {
  await session.run(state.dialect.stopReplica);
  await session.run(state.dialect.resetReplica);
}

/**
 * Whether the server has applied `gtids` within timeoutMs. Checked against
 * its executed GTIDs first and last: the server-side wait (MASTER_GTID_WAIT)
 * only watches what replication applied, so alone it would never see a
 * primary's own writes, and it compares sequence numbers only, so alone it
 * would call a diverged history (same number, another server_id) reached.
 * `clientMarginMs` covers the round trip on top of the server-side wait.
 */
export async function waitForGtids(
  session: Session,
  state: ConnectionState,
  gtids: string,
  timeoutMs: number,
  clientMarginMs: number,
): Promise<boolean> {
  const engine = state.dialect.engine;
  if (compareGtids(engine, await readGtidExecuted(session, state), gtids).aIncludesB) return true;
  const stmt = state.dialect.waitForGtids(gtids, timeoutMs);
  const serverWaitMs = Math.ceil(Math.max(timeoutMs, 0) / 1000) * 1000;
  const [row = {}] = await session.rows(stmt, serverWaitMs + clientMarginMs);
  const reached = state.dialect.waitReached(row.reached ?? null);
  if (reached === undefined) {
    throw new FabricError(
      'SERVER_QUERY_FAILED',
      `${stmt.kind} returned ${text(row, 'reached') || 'NULL'} on the server at ${session.address} (the wait was interrupted or the GTIDs were refused)`,
      { address: session.address, statement: stmt.kind },
    );
  }
  if (!reached) return false;
  return compareGtids(engine, await readGtidExecuted(session, state), gtids).aIncludesB;
}
