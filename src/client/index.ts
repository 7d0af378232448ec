export { FabricClient, FORWARDED_METADATA } from './fabric-client.js';
export type { ClientOptions } from './fabric-client.js';
export { FabricCallError, fromServiceError, ERROR_METADATA } from './errors.js';
export { fabricProtos, PROTO_DIR, LOADER_OPTIONS } from './proto.js';
export type { FabricProtos } from './proto.js';
