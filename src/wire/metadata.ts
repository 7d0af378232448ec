/**
 * gRPC metadata keys shared by the server (src/api) and its clients
 * (src/client, the connector): defined once so the two sides cannot drift.
 */

/** Trailing-metadata keys the server sets on every error (src/api/error-status.ts). */
export const ERROR_METADATA = {
  code: 'fabric-code',
  leaderId: 'fabric-leader-id',
  leaderAddress: 'fabric-leader-address',
  retryAfterMs: 'fabric-retry-after-ms',
} as const;

/** Set on a call a follower forwards to the leader, so a confused receiver never forwards it again. */
export const FORWARDED_METADATA = 'fabric-forwarded';
