/**
 * gRPC channel and server settings shared by both ends of the peer transport.
 * The message size limit must match on both ends: the sender cuts batches at
 * it, and a receiver with a smaller limit would fail the whole stream with
 * RESOURCE_EXHAUSTED.
 */
import type * as grpc from '@grpc/grpc-js';

/** Default gRPC receive/send limit, and the largest batch a sender builds. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Reconnect backoff (ours and grpc-js's own subchannel backoff): 50 ms doubling to 2 s. */
export const RECONNECT_BACKOFF = { initialMs: 50, maxMs: 2_000 } as const;

/**
 * Options for the gRPC server the node builds and hands to
 * PeerTransport.register(). A server's limits are fixed when it is
 * constructed, so the transport cannot apply them itself; grpc-js's default
 * 4 MiB receive limit would refuse full-size batches.
 */
export function peerServerOptions(maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES): grpc.ServerOptions {
  return {
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
  };
}

/** Options for the channels a node dials its peers on. */
export function peerChannelOptions(maxMessageBytes: number): grpc.ChannelOptions {
  return {
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
    // grpc-js's defaults (1 s up to 120 s) would hold a restarted peer's
    // channel in TRANSIENT_FAILURE long after our own backoff retries.
    'grpc.initial_reconnect_backoff_ms': RECONNECT_BACKOFF.initialMs,
    'grpc.max_reconnect_backoff_ms': RECONNECT_BACKOFF.maxMs,
    // A long-lived stream to a peer whose host vanished (no FIN, no RST) is
    // only noticed through keepalive pings.
    'grpc.keepalive_time_ms': 10_000,
    'grpc.keepalive_timeout_ms': 5_000,
    // The transport retries itself, and Raft prefers a lost message to a
    // late replay of a half-sent stream.
    'grpc.enable_retries': 0,
  };
}
