/**
 * fabric-ha/connector: a Fabric-aware MySQL/MariaDB pool for Node.js on
 * mysql2 (issue 14, stage 9). Routes by { group, mode } on the topology
 * Fabric pushes, follows failovers, reports failing servers to Fabric.
 * Shard routes: { table, key } goes to the group of the key's ENABLED shard
 * (src/routing's rule, as Fabric's lookup-servers), { scope: 'GLOBAL' } to
 * the map's global group; queryAll reads every shard.
 */
export { createFabricPool, FabricPool } from './fabric-pool.js';
export type { FabricPoolStats, RouteLocation } from './fabric-pool.js';
export type { FabricPoolOptions } from './pool-options.js';
export { ROUTE_MODES } from './route.js';
export type { GlobalRoute, GroupRoute, Route, RouteMode, ShardKey, ShardRoute } from './route.js';
export type { QueryAllResult, ScatterRoute, ShardQueryError, ShardRow } from './scatter-query.js';
export { CONNECTOR_ERROR_CODES, ConnectorError, isConnectorError } from './connector-error.js';
export type { ConnectorErrorCode, ConnectorErrorDetails } from './connector-error.js';
export type { TransactionConnection } from './transaction-connection.js';
export { FALLBACK_REASONS } from './select-server.js';
export type { FallbackReason } from './select-server.js';
export type { FailureKind } from './mysql-failure.js';
export type {
  FabricNodeEvent,
  FabricPoolEventName,
  FabricPoolEvents,
  FabricPoolListener,
  FailoverEvent,
  FallbackEvent,
  ReportEvent,
  ServerErrorEvent,
  TopologyEvent,
} from './pool-events.js';
export type { Random } from './weighted-choice.js';
