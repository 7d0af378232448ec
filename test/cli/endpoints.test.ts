import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { resolveEndpoints } from '../../src/cli/endpoints.js';
import { registerGroupCommands } from '../../src/cli/group-commands.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { FakeNode, FakeProcedures, populatedFarm, serve } from '../api/farm-harness.js';
import { captureOutput } from './capture-output.js';
import { runFabric } from './run-fabric.js';

const GUARD = { timeout: 60_000 };

test('cli endpoints: flags beat the environment, and a list is tried in order', GUARD, () => {
  const env = { FABRIC_ENDPOINTS: 'e1:1,e2:2', FABRIC_ADDRESS: 'a:3' };
  assert.deepEqual(resolveEndpoints({ endpoints: 'x:1, y:2', env }), ['x:1', 'y:2']);
  assert.deepEqual(resolveEndpoints({ address: 'z:9', env }), ['z:9']);
  assert.deepEqual(resolveEndpoints({ env }), ['e1:1', 'e2:2']);
  assert.deepEqual(resolveEndpoints({ env: { FABRIC_ADDRESS: 'a:3' } }), ['a:3']);
  assert.deepEqual(resolveEndpoints({ env: {} }), ['127.0.0.1:7001']);
  assert.deepEqual(resolveEndpoints({ env: { FABRIC_ENDPOINTS: '[::1]:7001' } }), ['[::1]:7001']);
  for (const bad of ['garbage', 'h:0', 'h:70000', 'h:', ',', 'a b:1'])
    assert.throws(
      () => resolveEndpoints({ endpoints: bad, env }),
      (e: unknown) => e instanceof FabricError && e.code === 'INVALID_ARGUMENT',
      bad,
    );
  assert.throws(
    () => resolveEndpoints({ endpoints: 'x:1', address: 'y:1', env }),
    /--endpoints and --address both name the cluster/,
  );
});

test('cli endpoints: the first endpoint that answers is used', GUARD, async () => {
  const s = await serve(new FakeNode(), new FakeProcedures(), populatedFarm());
  try {
    const p = new Command('fabric').exitOverride();
    registerGroupCommands(p);
    const out = await captureOutput(p, [
      'group',
      'lookup-groups',
      '--endpoints',
      `127.0.0.1:1,${s.address}`,
    ]);
    assert.match(out, /^GROUP_ID\s+DESCRIPTION/);
  } finally {
    await s.stop();
  }
});

test(
  'cli endpoints: an unreachable cluster says what was tried and how to set it',
  GUARD,
  async () => {
    const r = await runFabric(['group', 'lookup-groups'], {
      FABRIC_ENDPOINTS: '127.0.0.1:1,no-such-host.invalid:7001',
    });
    assert.equal(r.code, 4, r.stderr);
    assert.match(
      r.stderr,
      /cannot reach the cluster: tried 127\.0\.0\.1:1 \(connection refused: nothing listens on that port\), no-such-host\.invalid:7001 \(the host name does not resolve\)/,
    );
    assert.match(r.stderr, /--endpoints host:port/);
    assert.match(r.stderr, /FABRIC_ENDPOINTS=host:port,host:port/);
    assert.doesNotMatch(r.stderr, /No connection established|Name resolution failed|\n\s+at /);
    const bad = await runFabric(['group', 'lookup-groups', '-a', 'garbage']);
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /--address "garbage" is invalid: use host:port/);
  },
);
