/**
 * @internal Wider surface for tests and benchmarks: the codec, the frame
 * formats and the raw service definition (to speak the wire protocol
 * without a PeerTransport).
 */
export { encodeMessage, decodeMessage, decodeMessageBytes, toWireMessage } from './codec.js';
export { encodeBatch, decodeBatch, encodeAck, decodeAck } from './stream-frame.js';
export type { Ack, StreamEnds } from './stream-frame.js';
export {
  encodeSnapshotHeader,
  encodeSnapshotChunk,
  decodeSnapshotResult,
} from './snapshot-frame.js';
export { RAFT_SERVICE, STREAM_PATH, INSTALL_SNAPSHOT_PATH, WIRE, rawBytes } from './proto.js';
export { Backoff } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { ERROR_CODE_KEY } from './peer-rejection.js';
export { peerChannelOptions } from './grpc-options.js';
