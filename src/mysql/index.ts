/**
 * The MySQL layer: the only code in fabric-ha that speaks SQL to managed
 * MySQL/MariaDB servers (contract in types.ts), plus a launcher for local
 * MariaDB instances used by the sandbox and the tests.
 */
export { ENGINES } from './types.js';
export type {
  ConfigProblem,
  Engine,
  GtidComparison,
  MysqlSettings,
  ReplicaStatus,
  SemiSyncSettings,
  ServerAccount,
  ServerHandle,
  ServerInfo,
  ServerProbe,
  SourceAddress,
} from './types.js';
export type {
  CatchUpSpec,
  Cell,
  Chunk,
  ChunkSum,
  CopyCheckpoint,
  KeyOrder,
  KeyRange,
  KeyTuple,
  ShardRows,
  TableShape,
} from './shard-rows-types.js';
export { ServerPool } from './server-pool.js';
export { joinAddress, replicaSource, splitAddress } from './address.js';
export { MysqlFaults } from './mysql-faults.js';
export { compareGtidHistories, compareGtids, withoutDomains } from './gtid.js';
export { parseMariadbBinlogState, parseMariadbPosition } from './mariadb-gtid.js';
export type { MariadbGtid } from './mariadb-gtid.js';
export { IDENTITY_SCHEMA } from './mariadb-dialect.js';
export { LocalMariadb } from './local-mariadb.js';
export type { LocalMariadbOptions } from './local-mariadb.js';
export { findMariadbd, MARIADB_INSTALL_HINT } from './find-mariadbd.js';
export type { MariadbBinaries } from './find-mariadbd.js';
export { provisionAccounts } from './provision-accounts.js';
export type { ProvisionedAccounts } from './provision-accounts.js';
export { createDatabase } from './create-database.js';
export { createShardedSandboxSchema } from './sandbox-schema.js';
