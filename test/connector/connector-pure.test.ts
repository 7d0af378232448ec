/** The connector's small pure parts: routes, weighted choice, failure kinds, addresses, backoff, epochs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConnectorError } from '../../src/connector/index.js';
import {
  TopologyState,
  connectFailure,
  isReadStatement,
  parseHostPort,
  redialDelayMs,
  checkRoute,
  statementFailure,
  weightedChoice,
} from '../../src/connector/internal.js';
import type { Route } from '../../src/connector/index.js';
import { draws, topology } from './topology-fixture.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConnectorError, String(e));
    return e.code;
  }
  return 'no error';
}

test('connector routes: group routes default to READ_WRITE; bad input is typed', () => {
  assert.deepEqual(checkRoute({ group: 'g' }), { kind: 'group', group: 'g', mode: 'READ_WRITE' });
  assert.deepEqual(checkRoute({ group: 'g', mode: 'READ_ONLY' }), {
    kind: 'group',
    group: 'g',
    mode: 'READ_ONLY',
  });
  assert.equal(
    code(() => checkRoute({ group: '' })),
    'INVALID_ROUTE',
  );
  assert.equal(
    code(() => checkRoute({ group: 'g', mode: 'WRITE' } as unknown as Route)),
    'INVALID_ROUTE',
  );
  assert.equal(
    code(() => checkRoute(null as unknown as Route)),
    'INVALID_ROUTE',
  );
});

test('connector routes: shard and GLOBAL routes are checked for shape, placed later', () => {
  assert.deepEqual(checkRoute({ table: 'db.t', key: 7 }), {
    kind: 'shard',
    table: 'db.t',
    key: 7,
    mode: 'READ_WRITE',
  });
  assert.deepEqual(checkRoute({ scope: 'GLOBAL' }), {
    kind: 'global',
    table: undefined,
    mode: 'READ_WRITE',
  });
  for (const bad of [
    { table: 't', key: 1 },
    { table: 'db.t' },
    { table: 'db.t', key: null },
    { table: 'db.t', key: 1, group: 'g' },
    { scope: 'LOCAL' },
    { scope: 'GLOBAL', table: 'nodot' },
  ])
    assert.equal(code(() => checkRoute(bad as unknown as Route)), 'INVALID_ROUTE', JSON.stringify(bad));
});

test('connector weighted choice: draws by weight, skips unusable weights', () => {
  const items = [
    { id: 'a', w: 1 },
    { id: 'zero', w: 0 },
    { id: 'nan', w: Number.NaN },
    { id: 'b', w: 2 },
  ];
  const pick = (r: number): string | undefined => weightedChoice(items, (x) => x.w, draws(r))?.id;
  assert.equal(pick(0), 'a');
  assert.equal(pick(0.33), 'a');
  assert.equal(pick(0.34), 'b');
  assert.equal(pick(0.999999), 'b');
  assert.equal(
    weightedChoice<number>([], (x) => x, draws(0)),
    undefined,
  );
  assert.equal(
    weightedChoice([{ w: 0 }], (x) => x.w, draws(0)),
    undefined,
  );
});

test('connector failures: connection, read-only and application errors are told apart', () => {
  const err = (o: object): Error => Object.assign(new Error('x'), o);
  assert.equal(
    statementFailure(err({ errno: 1290, code: 'ER_OPTION_PREVENTS_STATEMENT' })),
    'read-only',
  );
  assert.equal(statementFailure(err({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })), 'lost');
  assert.equal(statementFailure(err({ code: 'ECONNRESET', fatal: true })), 'lost');
  assert.equal(statementFailure(err({ errno: 2013 })), 'lost');
  assert.equal(statementFailure(err({ errno: 1062, code: 'ER_DUP_ENTRY' })), 'application');
  assert.equal(statementFailure(err({ errno: 1064, code: 'ER_PARSE_ERROR' })), 'application');
  assert.equal(connectFailure(err({ code: 'ECONNREFUSED', fatal: true })), 'unreachable');
  assert.equal(connectFailure(err({ code: 'ETIMEDOUT', fatal: true })), 'unreachable');
  assert.equal(
    connectFailure(err({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })),
    'unreachable',
  );
  assert.equal(connectFailure(err({ errno: 1040 })), 'unreachable');
  assert.equal(
    connectFailure(err({ errno: 1045, code: 'ER_ACCESS_DENIED_ERROR', fatal: true })),
    'application',
  );
  assert.equal(statementFailure('not an error'), 'application');
  const closed = err({ fatal: true });
  closed.message = "Can't add new command when connection is in closed state";
  assert.equal(statementFailure(closed), 'unreachable', 'never sent');
});

test('connector failures: only plain reads are re-run after a lost connection', () => {
  assert.equal(isReadStatement('SELECT 1'), true);
  assert.equal(isReadStatement('  /* hint */ select * from t'), true);
  assert.equal(isReadStatement('(SELECT 1) UNION (SELECT 2)'), true);
  assert.equal(isReadStatement('SHOW TABLES'), true);
  assert.equal(isReadStatement('SELECT * FROM t FOR UPDATE'), false);
  assert.equal(isReadStatement('INSERT INTO t VALUES (1)'), false);
  assert.equal(isReadStatement('UPDATE t SET v = 1'), false);
});

test('connector addresses: host:port and bracketed IPv6', () => {
  assert.deepEqual(parseHostPort('127.0.0.1:3307'), { host: '127.0.0.1', port: 3307 });
  assert.deepEqual(parseHostPort('[::1]:3308'), { host: '::1', port: 3308 });
  assert.deepEqual(parseHostPort('db.example'), { host: 'db.example', port: 3306 });
});

test('connector redial: doubles per failure, capped, jittered in the upper half', () => {
  const b = { initialBackoffMs: 100, maxBackoffMs: 1_000 };
  assert.equal(redialDelayMs(1, b, draws(0)), 50);
  assert.equal(redialDelayMs(1, b, draws(0.999999)) < 100, true);
  assert.equal(redialDelayMs(2, b, draws(0)), 100);
  assert.equal(redialDelayMs(3, b, draws(0)), 200);
  assert.equal(redialDelayMs(30, b, draws(0)), 500);
});

test('connector topology state: epochs only move forward; waiters wake on a newer epoch', async () => {
  const s = new TopologyState();
  assert.equal(await s.waitAbove(-1, 0), false);
  const first = s.waitAbove(-1, 1_000);
  assert.deepEqual(s.accept(topology(5, [])), { previous: undefined });
  assert.equal(await first, true);
  const next = s.waitAbove(5, 1_000);
  assert.equal(s.accept(topology(4, [])), 'stale');
  assert.equal(s.accept(topology(5, [])), 'same');
  const r = s.accept(topology(6, []));
  assert.equal(typeof r === 'object' ? r.previous?.epoch : undefined, 5);
  assert.equal(await next, true);
  assert.equal(s.view?.epoch, 6);
  assert.equal(await s.waitAbove(6, 20), false, 'times out without a newer epoch');
});
