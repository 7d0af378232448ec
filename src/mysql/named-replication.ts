import type { ConnectionState } from './connection-state.js';
import { channelRow } from './replica-status-row.js';
import { integer } from './row-fields.js';
import type { Session } from './session.js';
import type { ReplicaStatus, ServerAccount, SourceAddress } from './types.js';

/**
 * Named replication connections (MariaDB multi-source, MySQL channels)
 * beside the default one that fabric-ha's HA replication uses; the global
 * group's link to a shard primary is one. Each function reads the status
 * first: both engines refuse STOP/RESET of a connection that does not
 * exist (MariaDB error 1617 "There is no master connection"), so every
 * operation here is safe to repeat.
 */

/** The named connection's status; undefined when it does not exist. */
export async function readChannelStatus(
  session: Session,
  state: ConnectionState,
  channel: string,
): Promise<ReplicaStatus | undefined> {
  const d = state.dialect;
  const row = channelRow(await session.rows(d.replicaStatusQuery), channel);
  return row === undefined ? undefined : d.replicaStatus(row);
}

/**
 * STOP (when it exists), CHANGE, START: the connection ends up replicating
 * from `source`, positioned by GTID (only `onlyDomains`' transactions
 * when given, Dialect.changeChannelSource). Never touches gtid_slave_pos, which
 * MariaDB shares between connections (one entry per domain): what this
 * server applied from the source's domain is where it resumes.
 */
export async function replicateChannelFrom(
  session: Session,
  state: ConnectionState,
  channel: string,
  source: SourceAddress,
  account: ServerAccount,
  heartbeatPeriodMs: number | undefined,
  onlyDomains?: readonly number[],
): Promise<void> {
  const d = state.dialect;
  if ((await readChannelStatus(session, state, channel)) !== undefined)
    await session.run(d.stopChannel(channel));
  await session.run(
    d.changeChannelSource(channel, source, account, heartbeatPeriodMs, onlyDomains),
  );
  await session.run(d.startChannel(channel));
}

/** STOP and RESET ... ALL; false when there was no such connection. */
export async function removeChannel(
  session: Session,
  state: ConnectionState,
  channel: string,
): Promise<boolean> {
  const d = state.dialect;
  if ((await readChannelStatus(session, state, channel)) === undefined) return false;
  await session.run(d.stopChannel(channel));
  await session.run(d.resetChannel(channel));
  return true;
}

/** START or STOP both threads of the connection; false when there is no such connection. */
export async function setChannelRunning(
  session: Session,
  state: ConnectionState,
  channel: string,
  on: boolean,
): Promise<boolean> {
  const d = state.dialect;
  if ((await readChannelStatus(session, state, channel)) === undefined) return false;
  await session.run(on ? d.startChannel(channel) : d.stopChannel(channel));
  return true;
}

/** @@global.gtid_domain_id; undefined where the engine has no domains (MySQL). */
export async function readGtidDomainId(
  session: Session,
  state: ConnectionState,
): Promise<number | undefined> {
  const q = state.dialect.gtidDomainQuery;
  if (q === undefined) return undefined;
  const [row = {}] = await session.rows(q);
  return integer(row, 'domain_id');
}

/** Sets @@global.gtid_domain_id unless it is `id` already; true when it changed. */
export async function ensureGtidDomainId(
  session: Session,
  state: ConnectionState,
  id: number,
): Promise<boolean> {
  const set = state.dialect.setGtidDomainId;
  if (set === undefined || (await readGtidDomainId(session, state)) === id) return false;
  await session.run(set(id));
  return true;
}
