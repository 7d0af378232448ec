import type { ConnectionState } from './connection-state.js';
import { readIdentity, remember } from './identity.js';
import { readReplicaStatus } from './replication.js';
import { flag, integer, text } from './row-fields.js';
import type { Session } from './session.js';
import type { ServerProbe } from './types.js';

/**
 * A server's state in two round trips (one SELECT of the variables, one
 * SHOW ... STATUS, which cannot be joined into a SELECT; MySQL adds one for
 * the heartbeat count), plus one for the identity the first time a
 * connection is asked for it.
 */
export async function probeServer(session: Session, state: ConnectionState): Promise<ServerProbe> {
  const d = state.dialect;
  const [vars = {}] = await session.rows(d.probeQuery);
  const replica = await readReplicaStatus(session, state);
  const uuid = state.identity ?? (await readIdentity(session, d));
  if (uuid !== undefined) remember(state, uuid);
  return {
    info: {
      address: session.address,
      engine: d.engine,
      version: text(vars, 'version'),
      serverId: integer(vars, 'server_id'),
    },
    uuid,
    readOnly: flag(vars, 'read_only'),
    gtidExecuted: text(vars, 'gtids').replace(/\s+/g, ''),
    replica,
  };
}
