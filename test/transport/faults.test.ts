/**
 * FaultInjector: a blocked directed pair loses its traffic, dropped by the
 * sender before sending and by the receiver on arrival, so tests can
 * partition a real cluster; healing restores it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FaultInjector } from '../../src/transport/index.js';
import { connectAll, heartbeat, sleep, startNode, tags, waitFor } from './harness.js';

test('transport: FaultInjector blocks directed pairs, isolates nodes and heals', () => {
  const f = new FaultInjector();
  f.block('a', 'b');
  assert.ok(f.isBlocked('a', 'b'));
  assert.ok(!f.isBlocked('b', 'a'), 'one direction only');
  f.unblock('a', 'b');
  assert.ok(!f.isBlocked('a', 'b'));
  f.isolate('c', ['a', 'b']);
  for (const p of ['a', 'b']) assert.ok(f.isBlocked('c', p) && f.isBlocked(p, 'c'));
  assert.ok(!f.isBlocked('a', 'b'));
  f.heal();
  assert.ok(!f.isBlocked('c', 'a') && !f.isBlocked('a', 'c'));
});

test('transport: a shared FaultInjector partitions a real three-node cluster', async (t) => {
  const faults = new FaultInjector();
  const nodes = await Promise.all(['a', 'b', 'c'].map((id) => startNode(id, { faults })));
  const [a, b, c] = nodes as [(typeof nodes)[0], (typeof nodes)[0], (typeof nodes)[0]];
  t.after(() => Promise.all(nodes.map((n) => n.close())));
  connectAll(nodes);

  faults.block('a', 'b');
  a.transport.send([heartbeat('a', 'b', 'lost'), heartbeat('a', 'c', 'a->c')]);
  b.transport.send([heartbeat('b', 'a', 'b->a')]);
  await waitFor('unblocked traffic', () => c.inbox.length === 1 && a.inbox.length === 1);
  assert.deepEqual(tags(c.inbox), ['a->c']);
  assert.deepEqual(tags(a.inbox), ['b->a']);

  faults.isolate('c', ['a', 'b']);
  a.transport.send([heartbeat('a', 'c', 'lost')]);
  c.transport.send([heartbeat('c', 'a', 'lost'), heartbeat('c', 'b', 'lost')]);
  b.transport.send([heartbeat('b', 'a', 'b->a 2')]);
  await waitFor('b->a 2', () => a.inbox.length === 2);

  faults.heal();
  a.transport.send([heartbeat('a', 'b', 'healed'), heartbeat('a', 'c', 'healed')]);
  c.transport.send([heartbeat('c', 'b', 'healed')]);
  await waitFor('healed traffic', () => b.inbox.length === 2 && c.inbox.length === 2);
  await sleep(50);
  assert.deepEqual(tags(b.inbox), ['healed', 'healed']);
  assert.deepEqual(tags(c.inbox), ['a->c', 'healed']);
  assert.deepEqual(tags(a.inbox), ['b->a', 'b->a 2']);
  // A partition loses packets silently: nobody was told a peer is unreachable.
  for (const n of nodes) assert.deepEqual(n.unreachable, [], n.id);
  assert.equal(a.transport.stats().dropped['blocked-outbound'], 2);
  assert.equal(c.transport.stats().dropped['blocked-outbound'], 2);
});

test('transport: the receiver drops blocked traffic on arrival', async (t) => {
  const faults = new FaultInjector();
  const [a, b] = await Promise.all([startNode('a'), startNode('b', { faults })]);
  t.after(() => Promise.all([a.close(), b.close()]));
  connectAll([a, b]);
  faults.block('a', 'b');
  a.transport.send([heartbeat('a', 'b', 1), heartbeat('a', 'b', 2)]);
  await waitFor('the drop', () => b.transport.stats().dropped['blocked-inbound'] === 2);
  faults.unblock('a', 'b');
  a.transport.send([heartbeat('a', 'b', 3)]);
  await waitFor('the next message', () => b.inbox.length === 1);
  assert.deepEqual(tags(b.inbox), ['3']);
});

test('transport: a blocked snapshot fails on either side', async (t) => {
  const faults = new FaultInjector();
  const [a, b] = await Promise.all([startNode('a', { faults }), startNode('b', { faults })]);
  const [c] = await Promise.all([startNode('c')]); // no injector: only b drops on receipt
  t.after(() => Promise.all([a.close(), b.close(), c.close()]));
  connectAll([a, b, c]);
  const snap = (from: string) =>
    ({
      type: 'snap',
      from,
      to: 'b',
      term: 1,
      snapshot: {
        metadata: { index: 1, term: 1, conf: { voters: ['a'], learners: [] } },
        data: new Uint8Array(10),
      },
    }) as const;
  faults.block('a', 'b');
  faults.block('c', 'b');
  a.transport.send([snap('a')]);
  c.transport.send([snap('c')]);
  await waitFor(
    'both statuses',
    () => a.snapshotStatus.length === 1 && c.snapshotStatus.length === 1,
  );
  assert.deepEqual(a.snapshotStatus, [{ peer: 'b', ok: false }]);
  assert.deepEqual(c.snapshotStatus, [{ peer: 'b', ok: false }]);
  assert.deepEqual(b.inbox, []);
});
