import type { ServerHandle } from '../../mysql/index.js';
import { replicaSource, splitAddress } from '../../mysql/index.js';
import { GLOBAL_LINK_CHANNEL } from '../sharding/global-link.js';

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
  // A former shard primary's global link goes first: a replica gets the
  // global transactions from its primary, and a second source would apply
  // each twice. MariaDB also refuses SET gtid_slave_pos (the rejoin
  // prelude) while any connection runs.
  const unlinked = await h.removeChannel(GLOBAL_LINK_CHANNEL);
  const st = await h.replicaStatus();
  if (replicaSource(st) === primaryAddress && st?.ioRunning !== 'No' && st?.sqlRunning === true)
    return unlinked;
  await h.replicateFrom(splitAddress(primaryAddress), { fromOwnBinlog: true });
  return true;
}
