import type { ServerHandle } from '../../mysql/index.js';
import { sourceOf } from './lookup.js';

/**
 * Makes `h` a replica of the server at `primaryAddress`, unless it already
 * is one with both threads up (so a step re-run by a new leader does not
 * restart healthy replication).
 *
 * It always positions from the server's own binlog (MariaDB: gtid_slave_pos
 * = gtid_binlog_pos first). With log_slave_updates on (a requirement of
 * group.add) that equals what it applied as a replica, and it is the only
 * right position for a former primary or a demoted server, whose
 * gtid_slave_pos is stale or empty (mariadb.md, "Old primary rejoining").
 */
export async function ensureReplicating(h: ServerHandle, primaryAddress: string): Promise<boolean> {
  const src = sourceOf(primaryAddress);
  const st = await h.replicaStatus();
  if (
    st?.sourceHost === src.host &&
    st.sourcePort === src.port &&
    st.ioRunning !== 'No' &&
    st.sqlRunning
  )
    return false;
  await h.replicateFrom(src, { fromOwnBinlog: true });
  return true;
}
