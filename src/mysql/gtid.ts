import { compareMariadbBinlogStates, compareMariadbPositions } from './mariadb-gtid.js';
import { compareGtidSets } from './mysql-gtid-set.js';
import type { Engine, GtidComparison } from './types.js';

/**
 * Compares two servers' executed GTIDs (ServerProbe.gtidExecuted) in the
 * engine's notation: MariaDB positions ("0-1-215,1-2-5", compared per
 * domain) or MySQL GTID sets ("uuid:1-5:7-9,..."). Throws INVALID_ARGUMENT
 * for text that is not one.
 */
export function compareGtids(engine: Engine, a: string, b: string): GtidComparison {
  return engine === 'mariadb' ? compareMariadbPositions(a, b) : compareGtidSets(a, b);
}

/**
 * Compares two servers' whole GTID histories (ServerHandle.gtidHistory):
 * MariaDB binlog states, per (domain, server_id), which reveal a branch
 * that positions hide; MySQL GTID sets, which are whole histories already.
 * This is the test for errant transactions and divergence; positions
 * (compareGtids) say which server is further ahead.
 */
export function compareGtidHistories(engine: Engine, a: string, b: string): GtidComparison {
  return engine === 'mariadb' ? compareMariadbBinlogStates(a, b) : compareGtidSets(a, b);
}

/**
 * `gtids` (a MariaDB position or binlog state) without the listed
 * domains: a shard server relays the global group's domain and never
 * writes it, so errant-transaction and divergence checks compare the rest.
 * MySQL sets pass unchanged: their GTIDs carry the origin's server_uuid,
 * not a domain.
 */
export function withoutDomains(engine: Engine, gtids: string, domains: readonly number[]): string {
  if (engine !== 'mariadb' || domains.length === 0) return gtids;
  return gtids
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '' && !domains.includes(Number(g.split('-')[0])))
    .join(',');
}
