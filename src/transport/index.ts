export { PeerTransport } from './peer-transport.js';
export type { PeerTransportOptions } from './transport-options.js';
export type { TransportHandler } from './handler-dispatch.js';
export { FaultInjector } from './fault-injector.js';
export { serverCredentials, channelCredentials } from './credentials.js';
export type { TlsConfig, TransportSecurity } from './credentials.js';
export { peerServerOptions, DEFAULT_MAX_MESSAGE_BYTES } from './grpc-options.js';
export { DROP_REASONS } from './transport-stats.js';
export type { DropReason, TransportStats } from './transport-stats.js';
