/**
 * [servers.replication_endpoints] (src/mysql/replication-endpoints.ts):
 * replicas connect to the replication address; every status read back
 * names the source by its farm address.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReplicaStatus } from '../../src/mysql/index.js';
import { ReplicationEndpoints } from '../../src/mysql/internal.js';
import { replicaStatus } from './replica-status-fixture.js';

const status = (host: string, port: number): ReplicaStatus =>
  replicaStatus({ sourceHost: host, sourcePort: port });

test('replication endpoints: farm address → replication address and back', () => {
  const e = new ReplicationEndpoints(
    new Map([
      ['127.0.0.1:4001', '127.0.0.1:5001'],
      ['[::1]:4002', '[::1]:5002'],
    ]),
  );
  assert.equal(e.forReplicas('127.0.0.1:4001'), '127.0.0.1:5001');
  assert.equal(e.forReplicas('127.0.0.1:4009'), '127.0.0.1:4009', 'unlisted: the same address');
  const back = e.asFarm(status('127.0.0.1', 5001));
  assert.deepEqual([back?.sourceHost, back?.sourcePort], ['127.0.0.1', 4001]);
  const v6 = e.asFarm(status('::1', 5002));
  assert.deepEqual([v6?.sourceHost, v6?.sourcePort], ['::1', 4002]);
  assert.equal(e.asFarm(status('10.0.0.1', 3306))?.sourcePort, 3306, 'unlisted source untouched');
  assert.equal(e.asFarm(undefined), undefined);
  assert.equal(new ReplicationEndpoints().forReplicas('a:1'), 'a:1');
});
