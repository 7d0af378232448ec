export { FabricClient, FORWARDED_METADATA } from './fabric-client.js';
export type { ClientOptions } from './fabric-client.js';
export { GroupClient } from './group-client.js';
export { ServerClient } from './server-client.js';
export { ShardingClient } from './sharding-client.js';
export type { AddedShard, CreatedDefinition, KeyLookup, TableLookup } from './sharding-client.js';
export { TopologyClient } from './topology-client.js';
export { ThreatClient, THREAT_VERDICT, defaultReporter } from './threat-client.js';
export type { ThreatReportOptions, ThreatVerdictName } from './threat-client.js';
export { TopologyWatch } from './topology-watch.js';
export type {
  OpenWatch,
  TopologyListener,
  WatchErrorListener,
  WatchOptions,
} from './topology-watch.js';
export { DEFAULT_WAIT_MS } from './mutation.js';
export type { MutationOptions, ReadOptions } from './mutation.js';
export type { ServerQuery } from './server-query.js';
export {
  EnumNames,
  GROUP_STATUS,
  LOOKUP_HINT,
  SERVER_MODE,
  SERVER_ROLE,
  SERVER_STATUS,
  SHARD_MAPPING_TYPE,
  SHARD_STATE,
} from './farm-names.js';
export type {
  GroupStatusName,
  LookupHintName,
  ServerModeName,
  ServerRoleName,
  ServerStatusName,
  ShardMappingTypeName,
  ShardStateName,
} from './farm-names.js';
export { ERROR_METADATA, FabricCallError, fromServiceError } from '../wire/index.js';
export { fabricProtos, PROTO_DIR, LOADER_OPTIONS } from '../wire/index.js';
export type { FabricProtos } from '../wire/index.js';
