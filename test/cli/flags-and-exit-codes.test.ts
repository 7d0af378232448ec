import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeNode, FakeProcedures, populatedFarm, serve } from '../api/farm-harness.js';
import { runFabric } from './run-fabric.js';

const GUARD = { timeout: 120_000 };

/** Nothing listens on port 1: a command that called out would exit 4 instead of 2. */
const NOWHERE = ['--endpoints', '127.0.0.1:1'];

test(
  'cli flags: every procedure flag is validated before any call, without a stack trace',
  GUARD,
  async () => {
    const cases: [string[], RegExp][] = [
      [
        ['procedure', 'list', '--state', 'bogus'],
        /--state "bogus" is invalid: use one of queued, running, done, failed/,
      ],
      [['procedure', 'list', '--limit', 'abc'], /--limit "abc" is invalid: use a whole number/],
      [
        ['procedure', 'wait', 'p1', '--timeout', 'abc'],
        /--timeout "abc" is invalid: use a whole number/,
      ],
      [['procedure', 'run', 'x', '{bad json'], /args-json is not valid JSON .*: use an object/],
      [['procedure', 'run', 'x', '[1]'], /args-json must be a JSON object/],
      [['cluster', 'add', 'n4', 'h:1', '--timeout', '10s'], /--timeout "10s" is invalid/],
    ];
    await Promise.all(
      cases.map(async ([args, message]) => {
        const r = await runFabric([...args, ...NOWHERE]);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, /^fabric: INVALID_ARGUMENT: /);
        assert.match(r.stderr, message);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      }),
    );
  },
);

test(
  'cli exit codes: 2 usage, 3 refused by the cluster, 4 unavailable, documented in --help',
  GUARD,
  async () => {
    const s = await serve(new FakeNode(), new FakeProcedures(), populatedFarm());
    try {
      const [help, unknown, refused, unavailable, ok] = await Promise.all([
        runFabric(['--help']),
        runFabric(['group', 'lookup-servers', 'g1', '--bogus']),
        runFabric(['group', 'lookup-servers', 'no-such-group', '-a', s.address]),
        runFabric(['group', 'lookup-servers', 'g1', ...NOWHERE]),
        runFabric(['group', 'lookup-servers', 'g1', '-a', s.address]),
      ]);
      assert.equal(help.code, 0);
      assert.match(
        help.stdout,
        /Exit codes:\n\s+0 +success\n\s+1 .*\n\s+2 +usage.*\n\s+3 +refused by the cluster.*\n\s+4 +unavailable/,
      );
      assert.equal(unknown.code, 2, unknown.stderr);
      assert.equal(refused.code, 3, refused.stderr);
      assert.match(refused.stderr, /GROUP_NOT_FOUND/);
      assert.equal(unavailable.code, 4, unavailable.stderr);
      assert.equal(ok.code, 0, ok.stderr);
    } finally {
      await s.stop();
    }
  },
);
