import type * as grpc from '@grpc/grpc-js';

/**
 * Channel settings of every client of a Fabric node (the admin client, the
 * connector, and a node's own calls to its peers). Reconnect backoff is short
 * (grpc-js's default grows to 120 s) so a watch or a retry reaches a restarted
 * node soon; keepalive pings notice a node whose host vanished during a long
 * watch.
 */
export const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  'grpc.max_receive_message_length': 64 * 1024 * 1024,
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 5_000,
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
};
