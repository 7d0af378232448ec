import { randomUUID } from 'node:crypto';

import type { ConnectionState } from './connection-state.js';
import type { Dialect } from './dialect.js';
import { text } from './row-fields.js';
import { errnoOf } from './session.js';
import type { Session } from './session.js';

/**
 * fabric-ha's identity of the server: MySQL's @@server_uuid, or the UUID
 * stored in MariaDB's fabric_ha schema; undefined when MariaDB has none yet.
 */
export async function readIdentity(
  session: Session,
  dialect: Dialect,
): Promise<string | undefined> {
  try {
    const [row] = await session.rows(dialect.identityQuery);
    const uuid = row === undefined ? '' : text(row, 'uuid');
    return uuid === '' ? undefined : uuid;
  } catch (e) {
    const errno = errnoOf(e);
    if (errno !== undefined && dialect.identityMissingErrnos.includes(errno)) return undefined;
    throw e;
  }
}

/**
 * The identity, stored first when absent (MariaDB). The writes run with
 * sql_log_bin=0: a replica keeps its own identity, and fresh servers keep
 * an empty GTID history. Read back after writing: with INSERT IGNORE, a
 * concurrent creator's uuid wins and both return it.
 */
export async function ensureIdentity(
  session: Session,
  state: ConnectionState,
): Promise<string | undefined> {
  const existing = await readIdentity(session, state.dialect);
  if (existing !== undefined) return remember(state, existing);
  const statements = state.dialect.createIdentity(randomUUID());
  if (statements.length === 0) return undefined;
  await session.withoutBinlog(async () => {
    for (const stmt of statements) await session.run(stmt);
  });
  const stored = await readIdentity(session, state.dialect);
  return stored === undefined ? undefined : remember(state, stored);
}

/** Caches a present identity on the connection, sparing later checks a query. */
export function remember(state: ConnectionState, uuid: string): string {
  state.identity = uuid;
  return uuid;
}
