import type { Version } from './server-version.js';
import type { Row, Statement } from './statement.js';
import type {
  ConfigProblem,
  Engine,
  ReplicaStatus,
  ServerAccount,
  SourceAddress,
} from './types.js';

/**
 * A privilege fabric-ha's admin account needs, on `*.*` unless `schema`
 * names one. `alternatives` also satisfy it (e.g. SUPER, which the server
 * itself accepts instead: "you need (at least one of) the SUPER,
 * REPLICATION SLAVE ADMIN privilege(s)").
 */
export interface RequiredPrivilege {
  readonly name: string;
  readonly schema?: string;
  readonly alternatives?: readonly string[];
  /** What fabric-ha does with it, for the operator. */
  readonly why: string;
}

/**
 * Everything that differs between MariaDB and MySQL 8, as statements and
 * row readers. The dialect never talks to a server; the session runs what
 * it produces, so every statement here is unit-tested as text.
 *
 * Column aliases are part of the contract: queries name their columns
 * (version, server_id, read_only, gtids, uuid, reached) so readers do not
 * depend on how an engine spells an expression.
 */
export interface Dialect {
  readonly engine: Engine;
  readonly version: Version;
  /** One round trip for a probe: version, server_id, read_only, gtids. */
  readonly probeQuery: Statement;
  /** Column gtids: the executed GTIDs (see ServerProbe.gtidExecuted). */
  readonly gtidExecutedQuery: Statement;
  /** Column read_only. */
  readonly readOnlyQuery: Statement;
  setReadOnly(on: boolean): Statement;
  /** Points replication at `source` with GTID auto-positioning; the password is a secret. */
  changeSource(
    source: SourceAddress,
    account: ServerAccount,
    heartbeatPeriodMs?: number,
  ): Statement;
  readonly startReplica: Statement;
  readonly stopReplica: Statement;
  /** The IO thread alone (see ServerHandle.stopReceiving). */
  readonly stopReceiving: Statement;
  readonly startReceiving: Statement;
  /** Forgets the source entirely (the caller stops the replica first). */
  readonly resetReplica: Statement;
  /** Statements run after STOP and before CHANGE when a former primary rejoins from its own binlog. */
  readonly rejoinPrelude: readonly Statement[];
  /**
   * A named replication connection beside the default one (MariaDB
   * multi-source connection, MySQL channel), pointed at `source` with GTID
   * positioning. `channel` is one of fabric-ha's fixed names (channelName).
   * It never touches gtid_slave_pos: on MariaDB that position is shared by
   * every connection, one entry per domain. With `onlyDomains` (MariaDB
   * DO_DOMAIN_IDS) the connection applies only those domains' transactions;
   * MySQL has no domains and refuses it.
   */
  changeChannelSource(
    channel: string,
    source: SourceAddress,
    account: ServerAccount,
    heartbeatPeriodMs?: number,
    onlyDomains?: readonly number[],
  ): Statement;
  startChannel(channel: string): Statement;
  stopChannel(channel: string): Statement;
  /** Forgets the named connection entirely (the caller stops it first). */
  resetChannel(channel: string): Statement;
  /**
   * Column domain_id: @@global.gtid_domain_id. Undefined where GTIDs have
   * no domain (MySQL: each names its origin's server_uuid, so two sources'
   * transactions never collide in a GTID set to begin with).
   */
  readonly gtidDomainQuery?: Statement;
  /** SET GLOBAL gtid_domain_id; undefined with gtidDomainQuery. */
  readonly setGtidDomainId?: (id: number) => Statement;
  /** Every replication connection; the default one (name '') is fabric-ha's. */
  readonly replicaStatusQuery: Statement;
  /** Normalises one row of replicaStatusQuery (merged with heartbeatQuery's row where there is one). */
  replicaStatus(row: Row): ReplicaStatus;
  /** Columns heartbeats and heartbeat_period where the status row lacks them (MySQL); undefined otherwise. */
  readonly heartbeatQuery?: Statement;
  /** Sets the semi-sync source's acknowledgement timeout (ServerHandle.setSemiSyncTimeout). */
  setSemiSyncTimeout(timeoutMs: number): Statement;
  /** Column reached; the server-side wait gives up after timeoutMs. */
  waitForGtids(gtids: string, timeoutMs: number): Statement;
  /** True when the wait's result means reached, false for timed out, undefined for anything else. */
  waitReached(value: unknown): boolean | undefined;
  /** Column uuid; on MariaDB it fails with identityMissingErrnos while none was ever stored. */
  readonly identityQuery: Statement;
  readonly identityMissingErrnos: readonly number[];
  /** Stores `uuid` unless one exists; run with sql_log_bin=0. Empty when the server has its own (MySQL). */
  createIdentity(uuid: string): readonly Statement[];
  /** Columns named after the variables requirementProblems reads. */
  readonly requirementsQuery: Statement;
  requirementProblems(row: Row): ConfigProblem[];
  readonly requiredPrivileges: readonly RequiredPrivilege[];
}
