import { parseMariadbBinlogState, parseMariadbPosition } from '../../mysql/index.js';
import type { Engine, MariadbGtid } from '../../mysql/index.js';

/**
 * The dead primary's executed GTIDs as a Fabric node last saw them (the
 * failure detector's last answered probe of it), recorded in the failover's
 * arguments so every leader that runs the failover judges from the same facts.
 */
export interface LastSeenPrimary {
  readonly engine: Engine;
  /** @@gtid_current_pos (MariaDB) or @@gtid_executed (MySQL). */
  readonly gtidExecuted: string;
  /** @@server_id: the origin of every GTID the primary wrote itself. */
  readonly serverId: number;
  /** When the probe answered (ms since the epoch). */
  readonly at: number;
}

/** A failover candidate's history, for the errant-transaction rules. */
export interface ErrantInput {
  readonly engine: Engine;
  /** @@gtid_binlog_state (ServerHandle.gtidHistory). */
  readonly gtidHistory: string;
  readonly serverId: number;
}

const text = (g: MariadbGtid): string => `${g.domain}-${g.serverId}-${g.seq}`;

/**
 * GTIDs the candidate holds that the dead primary neither had when last
 * seen nor could have written since: MariaDB stamps every GTID with the
 * server_id of the server that first binlogged it (MariaDB manual, "Global
 * Transaction ID": domain-server_id-sequence), so after the last-seen
 * position only the primary's own server_id may appear. Anything else was
 * written on a replica: promoting it would hand the other replicas a
 * history the primary never had. '' when none (or the engine is not
 * MariaDB: a MySQL GTID's origin is a server_uuid Fabric does not record).
 */
export function errantVersusPrimary(c: ErrantInput, seen: LastSeenPrimary): string {
  if (c.engine !== 'mariadb' || seen.engine !== 'mariadb') return '';
  const position = parseMariadbPosition(seen.gtidExecuted);
  return [...parseMariadbBinlogState(c.gtidHistory).values()]
    .filter((g) => {
      if (g.serverId === seen.serverId) return false;
      const last = position.get(g.domain);
      return last === undefined || g.seq > last.seq;
    })
    .map(text)
    .join(',');
}

/**
 * GTIDs the candidate wrote itself (its own server_id, so never received
 * from a primary) that another candidate lacks: a write made on this
 * replica. Works without the dead primary's last-seen state (a failover an
 * operator started, a leader that never probed the primary).
 */
export function errantVersusPeers(c: ErrantInput, peers: readonly ErrantInput[]): string {
  if (c.engine !== 'mariadb') return '';
  const others = peers
    .filter((p) => p.engine === 'mariadb')
    .map((p) => parseMariadbBinlogState(p.gtidHistory));
  return [...parseMariadbBinlogState(c.gtidHistory).values()]
    .filter(
      (g) =>
        g.serverId === c.serverId &&
        others.some((o) => (o.get(`${g.domain}-${g.serverId}`)?.seq ?? -1n) < g.seq),
    )
    .map(text)
    .join(',');
}
