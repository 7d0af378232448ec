/**
 * Which connections fencing kills, without a server (the integration test
 * in replication.test.ts kills real ones).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { connectionsToKill } from '../../src/mysql/internal.js';

test('kill: fencing spares this node’s peers, replicas and server threads', () => {
  const rows = [
    { id: 10, user: 'app', command: 'Query' },
    { id: 11, user: 'app', command: 'Sleep' },
    { id: 12, user: 'root', command: 'Sleep' },
    { id: 13, user: 'fabric_admin', command: 'Sleep' },
    { id: 14, user: 'fabric_repl', command: 'Binlog Dump' },
    { id: 15, user: 'other_repl', command: 'Binlog Dump GTID' },
    { id: 16, user: 'system user', command: 'Slave_IO' },
    { id: 17, user: 'system user', command: 'Connect' },
    { id: 18, user: 'event_scheduler', command: 'Daemon' },
    { id: 19, user: 'unauthenticated user', command: 'Connect' },
    { id: 20, user: 'x', command: 'Slave_worker' },
  ];
  assert.deepEqual(
    connectionsToKill(rows, { adminUser: 'fabric_admin', replicationUser: 'fabric_repl' }),
    [10, 11, 12],
  );
});
