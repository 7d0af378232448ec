/** What server and clients must agree on beyond the protos: metadata keys and error codes. */
export { ERROR_METADATA, FORWARDED_METADATA } from './metadata.js';
export { FABRIC_ERROR_CODES, FabricError, isFabricError } from '../util/fabric-error.js';
export type { FabricErrorCode } from '../util/fabric-error.js';
