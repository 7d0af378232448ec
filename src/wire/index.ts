/** What server and clients must agree on beyond the protos: metadata keys and error codes. */
export { ERROR_METADATA, FORWARDED_METADATA } from './metadata.js';
export { FABRIC_ERROR_CODES, FabricError, isFabricError } from '../util/fabric-error.js';
export type { FabricErrorCode } from '../util/fabric-error.js';
export { FabricCallError, fromServiceError } from './errors.js';
export { DESCRIPTOR_JSON, fabricProtos, LOADER_OPTIONS, PROTO_DIR, PROTO_FILES } from './proto.js';
export type { FabricProtos, ServiceDefinitions } from './proto.js';
export { CHANNEL_OPTIONS } from './channel.js';
