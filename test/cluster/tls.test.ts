import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FabricClient } from '../../src/client/index.js';
import { channelCredentials } from '../../src/transport/index.js';
import { makePki } from '../transport/certs.js';
import { InProcessCluster } from './in-process.js';

test('cluster: nodes configured for mutual TLS elect a leader and serve TLS clients only', async () => {
  const pki = makePki();
  const caFile = pki.ca('ca');
  const certs = new Map(['n1', 'n2', 'n3', 'client'].map((id) => [id, pki.node(id, 'ca')]));
  const tls = (id: string): { caFile: string; certFile: string; keyFile: string } => ({
    caFile,
    ...(certs.get(id) as { certFile: string; keyFile: string }),
  });
  const c = await InProcessCluster.start(3, { security: 'mtls', tls });
  try {
    const leader = await c.waitForLeader();
    const address = c.nodes.get(leader)?.node.addressOf(leader) as string;
    const secure = new FabricClient(address, {
      credentials: channelCredentials({ kind: 'tls', requireClientCert: true, ...tls('client') }),
    });
    const put = await secure.put('k', 'v', 'r1');
    assert.equal(put.version, 1);
    secure.close();
    const plain = new FabricClient(address, { timeoutMs: 2_000 });
    await assert.rejects(plain.status(), 'a plaintext client is refused by an mTLS node');
    plain.close();
  } finally {
    await c.stop();
    pki.remove();
  }
});
