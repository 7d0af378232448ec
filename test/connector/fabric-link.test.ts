/**
 * The connector's line to Fabric without a cluster: closed ports and a
 * fake TopologyService. It redials with growing delays (never floods), moves
 * between nodes, learns nodes from the topology, and statements fail with
 * NO_TOPOLOGY at the deadline when no node ever answered.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import * as grpc from '@grpc/grpc-js';

import { createFabricPool, isConnectorError } from '../../src/connector/index.js';
import type { TopologyServiceWatchRequest__Output } from '../../src/gen/fabric/v1/TopologyServiceWatchRequest.js';
import type { TopologyServiceWatchResponse } from '../../src/gen/fabric/v1/TopologyServiceWatchResponse.js';
import { freePorts } from '../../src/util/free-ports.js';
import { fabricProtos } from '../../src/wire/index.js';
import { topology } from './topology-fixture.js';

/** A TopologyService whose Watch sends one topology and then holds the stream open. */
async function fakeNode(
  epoch: number,
  fabricNodes: readonly string[],
): Promise<{ address: string; watches: () => number; stop: () => void }> {
  const server = new grpc.Server();
  let watches = 0;
  const def = fabricProtos().services['fabric.v1.TopologyService'];
  assert.ok(def !== undefined);
  server.addService(def, {
    Watch: (
      call: grpc.ServerWritableStream<
        TopologyServiceWatchRequest__Output,
        TopologyServiceWatchResponse
      >,
    ) => {
      watches += 1;
      const t = topology(epoch, [{ address: 'p:1', status: 'PRIMARY' }]);
      call.write({
        topology: {
          ...t,
          fabric_nodes: fabricNodes.map((address, i) => ({
            id: `n${i + 1}`,
            address,
            role: 'FABRIC_NODE_ROLE_FOLLOWER',
            voter: true,
          })),
        },
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => {
      if (e === null) resolve(p);
      else reject(e);
    });
  });
  return {
    address: `127.0.0.1:${port}`,
    watches: () => watches,
    stop: () => {
      server.forceShutdown();
    },
  };
}

test('connector link: with every Fabric node down it redials with growing delays, and statements fail NO_TOPOLOGY', async (t) => {
  const ports = await freePorts(2);
  const pool = createFabricPool({
    fabric: ports.map((p) => `127.0.0.1:${p}`),
    user: 'u',
    password: 'p',
    deadlineMs: 300,
  });
  t.after(() => pool.close());
  const t0 = Date.now();
  await assert.rejects(pool.query({ group: 'g1' }, 'SELECT 1'), (e) =>
    isConnectorError(e, 'NO_TOPOLOGY'),
  );
  assert.ok(Date.now() - t0 < 1_000);
  await sleep(1_500);
  // Delays 50-100, 100-200, 200-400, 400-800 ms…: at most 5 dials in 1.8 s.
  const dials = pool.stats().fabricDials;
  t.diagnostic(`${dials} dials in 1.8 s`);
  assert.ok(dials >= 2 && dials <= 6, `${dials} dials`);
  assert.equal(pool.stats().fabricNode, undefined);
});

test('connector link: it moves past a dead seed, learns the other nodes, and routes', async (t) => {
  const [dead] = await freePorts(1);
  const other = '127.0.0.1:9';
  const node = await fakeNode(7, [other]);
  t.after(() => {
    node.stop();
  });
  const pool = createFabricPool({
    fabric: [`127.0.0.1:${dead}`, node.address],
    user: 'u',
    password: 'p',
  });
  t.after(() => pool.close());
  const topo = await pool.ready();
  assert.equal(topo.epoch, 7);
  assert.equal(pool.stats().fabricNode, node.address);
  assert.ok(pool.stats().fabricNodes.includes(other), 'learnt from fabric_nodes');
  assert.equal(node.watches(), 1);
  // Routing happens on the topology (the server itself does not exist, so the connect fails).
  await assert.rejects(pool.getConnection({ group: 'nope' }), (e) =>
    isConnectorError(e, 'UNKNOWN_GROUP'),
  );
});
