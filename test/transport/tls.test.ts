/**
 * TLS and mutual TLS with a throwaway PKI made by openssl: TLS works; mTLS
 * works with cluster certificates and refuses a client with no certificate
 * or one from another CA; a plaintext client cannot talk to a TLS server.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import * as grpc from '@grpc/grpc-js';

import { isFabricError } from '../../src/util/fabric-error.js';
import type { TransportSecurity } from '../../src/transport/index.js';
import { PeerTransport, channelCredentials } from '../../src/transport/index.js';
import { STREAM_PATH, encodeBatch, encodeMessage, rawBytes } from '../../src/transport/internal.js';
import type { Pki } from './certs.js';
import { makePki } from './certs.js';
import {
  CLUSTER,
  PLAINTEXT,
  captureLogger,
  heartbeat,
  sleep,
  startNode,
  waitFor,
} from './harness.js';

let pki: Pki;
let caFile: string;

before(() => {
  pki = makePki();
  caFile = pki.ca('cluster-ca');
  pki.ca('other-ca');
});
after(() => {
  pki.remove();
});

function tls(name: string, requireClientCert: boolean, ca = 'cluster-ca'): TransportSecurity {
  return { kind: 'tls', caFile, ...pki.node(name, ca), requireClientCert };
}

test('transport: peers talk over TLS', async (t) => {
  const [a, b] = await Promise.all([
    startNode('a', { security: tls('a', false) }),
    startNode('b', { security: tls('b', false) }),
  ]);
  t.after(() => Promise.all([a.close(), b.close()]));
  a.transport.setPeer('b', b.address);
  b.transport.setPeer('a', a.address);
  a.transport.send([heartbeat('a', 'b', 1)]);
  b.transport.send([heartbeat('b', 'a', 2)]);
  await waitFor('both directions', () => a.inbox.length === 1 && b.inbox.length === 1);
});

test('transport: peers talk over mutual TLS', async (t) => {
  const [a, b] = await Promise.all([
    startNode('a', { security: tls('a', true) }),
    startNode('b', { security: tls('b', true) }),
  ]);
  t.after(() => Promise.all([a.close(), b.close()]));
  a.transport.setPeer('b', b.address);
  a.transport.send([heartbeat('a', 'b', 1)]);
  await waitFor('the message', () => b.inbox.length === 1);
});

/** Opens a raw Stream with `creds`, writes one good batch, resolves with the final status. */
function rawAttempt(address: string, creds: grpc.ChannelCredentials): Promise<grpc.StatusObject> {
  const client = new grpc.Client(address, creds);
  const call = client.makeBidiStreamRequest(STREAM_PATH, rawBytes, rawBytes);
  call.on('error', () => undefined);
  call.on('data', () => undefined);
  call.write(
    encodeBatch({ clusterId: CLUSTER, sender: 'x', recipient: 'b' }, 1, [
      encodeMessage(heartbeat('x', 'b', 1)),
    ]),
  );
  return new Promise((resolve) => {
    call.on('status', (s: grpc.StatusObject) => {
      client.close();
      resolve(s);
    });
  });
}

test('transport: mutual TLS refuses a client without a certificate', async (t) => {
  const b = await startNode('b', { security: tls('b', true) });
  t.after(() => b.close());
  const noCert = grpc.credentials.createSsl(readFileSync(caFile));
  const s = await rawAttempt(b.address, noCert);
  assert.equal(s.code, grpc.status.UNAVAILABLE, s.details);
  assert.deepEqual(b.inbox, []);
});

test('transport: mutual TLS refuses a client whose certificate another CA signed', async (t) => {
  const b = await startNode('b', { security: tls('b', true) });
  // Trusts the cluster CA (so it accepts b), but its own certificate is from other-ca.
  const c = await startNode('c', { security: tls('c', true, 'other-ca') });
  t.after(() => Promise.all([b.close(), c.close()]));
  c.transport.setPeer('b', b.address);
  c.transport.send([heartbeat('c', 'b', 1)]);
  await waitFor('the failure', () => c.unreachable.includes('b'));
  await sleep(100);
  assert.deepEqual(b.inbox, []);
  // The same with a raw client, to see the status.
  const foreign: TransportSecurity = {
    kind: 'tls',
    caFile,
    ...pki.node('d', 'other-ca'),
    requireClientCert: true,
  };
  const s = await rawAttempt(b.address, channelCredentials(foreign));
  assert.equal(s.code, grpc.status.UNAVAILABLE, s.details);
  assert.deepEqual(b.inbox, []);
});

test('transport: a plaintext client cannot talk to a TLS server', async (t) => {
  const b = await startNode('b', { security: tls('b', false) });
  const a = await startNode('a', { security: PLAINTEXT });
  t.after(() => Promise.all([a.close(), b.close()]));
  a.transport.setPeer('b', b.address);
  a.transport.send([heartbeat('a', 'b', 1)]);
  await waitFor('the failure', () => a.unreachable.includes('b'));
  await sleep(100);
  assert.deepEqual(b.inbox, []);
});

test('transport: an unreadable TLS file fails construction with CONFIG_INVALID', () => {
  const { logger } = captureLogger();
  const handler = {
    onMessage: () => undefined,
    onUnreachable: () => undefined,
    onSnapshotStatus: () => undefined,
  };
  assert.throws(
    () =>
      new PeerTransport({
        nodeId: 'a',
        clusterId: CLUSTER,
        logger,
        handler,
        security: {
          kind: 'tls',
          caFile: '/nonexistent/ca.crt',
          certFile: 'x',
          keyFile: 'y',
          requireClientCert: true,
        },
      }),
    (err: unknown) =>
      isFabricError(err, 'CONFIG_INVALID') && err.message.includes('ca file /nonexistent'),
  );
});
