/** The connector's routing decision, from one topology, with injected draws. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { RoutingView, selectServer } from '../../src/connector/internal.js';
import type { ResolvedGroupRoute, Selection } from '../../src/connector/internal.js';
import { draws, seeded, topology } from './topology-fixture.js';
import type { ServerSpec } from './topology-fixture.js';

const RW: ResolvedGroupRoute = { group: 'g1', mode: 'READ_WRITE' };
const RO: ResolvedGroupRoute = { group: 'g1', mode: 'READ_ONLY' };

function pick(
  servers: readonly ServerSpec[],
  route: ResolvedGroupRoute,
  random: () => number = draws(0),
  failed: readonly string[] = [],
): Selection {
  return selectServer(new RoutingView(topology(1, servers)), route, {
    random,
    recentlyFailed: (a) => failed.includes(a),
  });
}

function address(s: Selection): string {
  if (s.kind === 'refused') assert.fail(s.error.message);
  return s.server.address;
}

function refusal(s: Selection): [string, boolean] {
  if (s.kind === 'selected') assert.fail(`selected ${s.server.address}`);
  return [s.error.code, s.retryable];
}

const FARM: readonly ServerSpec[] = [
  { address: 'p:1', status: 'PRIMARY' },
  { address: 's:2', status: 'SECONDARY' },
  { address: 's:3', status: 'SECONDARY', weight: 3 },
  { address: 'x:4', status: 'SPARE' },
  { address: 'f:5', status: 'FAULTY' },
];

test('connector routing: READ_WRITE goes to the PRIMARY', () => {
  assert.equal(address(pick(FARM, RW)), 'p:1');
});

test('connector routing: READ_ONLY draws a SECONDARY by weight, never SPARE or FAULTY', () => {
  // Weights 1 and 3 over [0, 4): draws below 1 pick s:2, the rest s:3.
  assert.equal(address(pick(FARM, RO, draws(0.2))), 's:2');
  assert.equal(address(pick(FARM, RO, draws(0.3))), 's:3');
  assert.equal(address(pick(FARM, RO, draws(0.99))), 's:3');
});

test('connector routing: weights are honoured over many draws', () => {
  const random = seeded(42);
  const counts = new Map<string, number>();
  const n = 20_000;
  for (let i = 0; i < n; i += 1) {
    const a = address(pick(FARM, RO, random));
    counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  const share = (counts.get('s:3') ?? 0) / n;
  assert.ok(Math.abs(share - 0.75) < 0.02, `s:3 got ${share}`);
  assert.deepEqual([...counts.keys()].sort(), ['s:2', 's:3']);
});

test('connector routing: LAGGING, STOPPED and unknown replication are skipped', () => {
  const servers: ServerSpec[] = [
    { address: 'p:1', status: 'PRIMARY' },
    { address: 's:2', status: 'SECONDARY', replication: 'LAGGING' },
    { address: 's:3', status: 'SECONDARY', replication: 'STOPPED' },
    { address: 's:4', status: 'SECONDARY', replication: 'UNSPECIFIED' },
    { address: 's:5', status: 'SECONDARY', replication: 'OK' },
  ];
  for (const r of [0, 0.5, 0.99]) assert.equal(address(pick(servers, RO, draws(r))), 's:5');
});

test('connector routing: modes are respected (OFFLINE and WRITE_ONLY secondaries take no reads)', () => {
  const servers: ServerSpec[] = [
    { address: 'p:1', status: 'PRIMARY', mode: 'READ_WRITE' },
    { address: 's:2', status: 'SECONDARY', mode: 'OFFLINE' },
    { address: 's:3', status: 'SECONDARY', mode: 'WRITE_ONLY' },
    { address: 's:4', status: 'SECONDARY', mode: 'READ_WRITE' },
  ];
  for (const r of [0, 0.5, 0.99]) assert.equal(address(pick(servers, RO, draws(r))), 's:4');
});

test('connector routing: READ_ONLY falls back to a READ_WRITE primary, saying why', () => {
  const none = pick([{ address: 'p:1', status: 'PRIMARY' }], RO);
  assert.equal(address(none), 'p:1');
  assert.equal(none.kind === 'selected' ? none.fallback : '', 'NO_READABLE_SECONDARY');
  const failing = pick(FARM, RO, draws(0), ['s:2', 's:3']);
  assert.equal(address(failing), 'p:1');
  assert.equal(failing.kind === 'selected' ? failing.fallback : '', 'SECONDARIES_FAILING');
  assert.equal(address(pick(FARM, RO, draws(0), ['s:2'])), 's:3', 'the other secondary first');
});

test('connector routing: a WRITE_ONLY primary takes no reads; recently failed secondaries are retried then', () => {
  const servers: ServerSpec[] = [
    { address: 'p:1', status: 'PRIMARY', mode: 'WRITE_ONLY' },
    { address: 's:2', status: 'SECONDARY' },
  ];
  assert.equal(address(pick(servers, RO, draws(0), ['s:2'])), 's:2');
  assert.deepEqual(refusal(pick([servers[0]!], RO)), ['MODE_NOT_ALLOWED', false]);
});

test('connector routing: typed refusals (unknown group, no primary, mode not allowed)', () => {
  assert.deepEqual(refusal(pick(FARM, { group: 'nope', mode: 'READ_WRITE' })), [
    'UNKNOWN_GROUP',
    false,
  ]);
  const headless: ServerSpec[] = [{ address: 's:2', status: 'SECONDARY' }];
  assert.deepEqual(refusal(pick(headless, RW)), ['NO_PRIMARY', true]);
  assert.deepEqual(refusal(pick([{ address: 's:2', status: 'SPARE' }], RO)), [
    'NO_READABLE_SERVER',
    true,
  ]);
  const offline: ServerSpec[] = [{ address: 'p:1', status: 'PRIMARY', mode: 'OFFLINE' }];
  assert.deepEqual(refusal(pick(offline, RW)), ['MODE_NOT_ALLOWED', false]);
  const readOnly: ServerSpec[] = [{ address: 'p:1', status: 'PRIMARY', mode: 'READ_ONLY' }];
  assert.deepEqual(refusal(pick(readOnly, RW)), ['MODE_NOT_ALLOWED', false]);
  const writeOnly: ServerSpec[] = [{ address: 'p:1', status: 'PRIMARY', mode: 'WRITE_ONLY' }];
  assert.equal(address(pick(writeOnly, RW)), 'p:1');
});

test('connector routing: a group with no servers yet has no primary', () => {
  const view = new RoutingView(topology(3, [], ['empty']));
  const s = selectServer(
    view,
    { group: 'empty', mode: 'READ_WRITE' },
    {
      random: draws(0),
      recentlyFailed: () => false,
    },
  );
  assert.deepEqual(refusal(s), ['NO_PRIMARY', true]);
});
