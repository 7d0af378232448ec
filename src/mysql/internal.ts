/**
 * @internal Wider surface for tests: the dialects, parsers and pure
 * helpers behind ServerPool, to check statements and rules without a server.
 */
export type { Dialect, RequiredPrivilege } from './dialect.js';
export { dialectFor } from './dialect-for.js';
export { createMariadbDialect } from './mariadb-dialect.js';
export { createMysql8Dialect } from './mysql8-dialect.js';
export { MARIADB_PRIVILEGES } from './mariadb-requirements.js';
export { MYSQL8_PRIVILEGES } from './mysql8-requirements.js';
export type { Row, Statement } from './statement.js';
export { engineOf, parseVersion, versionAtLeast, MINIMUM_VERSIONS } from './server-version.js';
export type { Version } from './server-version.js';
export {
  parseMariadbPosition,
  formatMariadbPosition,
  compareMariadbPositions,
} from './mariadb-gtid.js';
export type { MariadbGtid, MariadbPosition } from './mariadb-gtid.js';
export {
  parseGtidSet,
  formatGtidSet,
  subtractGtidSets,
  compareGtidSets,
} from './mysql-gtid-set.js';
export type { GtidSet, GtidInterval } from './mysql-gtid-set.js';
export { parseGrants, holdsPrivilege, likeMatches, normalisePrivilege } from './grants.js';
export type { ParsedGrants } from './grants.js';
export { privilegeProblems, quoteAccount } from './privilege-problems.js';
export { connectionsToKill } from './kill-connections.js';
export { connectError, statementError, redact } from './mysql-errors.js';
export { mariadbdArgs, installDbArgs, instancePaths } from './mariadbd-args.js';
export { provisionStatements } from './provision-accounts.js';
export { splitAddress } from './address.js';
export { ReplicationEndpoints } from './replication-endpoints.js';
