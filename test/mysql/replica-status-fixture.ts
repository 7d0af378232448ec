import type { ReplicaStatus } from '../../src/mysql/index.js';

/** A healthy replica's status (both threads up, heartbeats arriving); tests override what they need. */
export function replicaStatus(over: Partial<ReplicaStatus> = {}): ReplicaStatus {
  return {
    sourceHost: '127.0.0.1',
    sourcePort: 3310,
    ioRunning: 'Yes',
    sqlRunning: true,
    ioErrno: 0,
    ioError: '',
    sqlErrno: 0,
    sqlError: '',
    secondsBehind: 0,
    receivedGtids: '0-1-5',
    receivedHeartbeats: 10,
    heartbeatPeriodMs: 250,
    readPosition: 'mysql-bin.000001:400',
    relayLogApplied: true,
    sqlState: 'Slave has read all relay log; waiting for more updates',
    ...over,
  };
}
