import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { registerGroupCommands } from '../../src/cli/group-commands.js';
import { registerServerCommands } from '../../src/cli/server-commands.js';
import { parseInteger, parseWeight } from '../../src/cli/strict-numbers.js';
import { registerTopologyCommands } from '../../src/cli/topology-commands.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { FakeNode, FakeProcedures, populatedFarm, serve } from '../api/farm-harness.js';
import { captureOutput } from './capture-output.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

function program(): Command {
  const p = new Command('fabric').exitOverride();
  registerGroupCommands(p);
  registerServerCommands(p);
  registerTopologyCommands(p);
  return p;
}

/** Runs `fabric <args…>` in-process and returns what it printed. */
function run(...args: string[]): Promise<string> {
  return captureOutput(program(), args);
}

const invalid =
  (message: RegExp) =>
  (e: unknown): boolean => {
    assert.ok(e instanceof FabricError, String(e));
    assert.equal(e.code, 'INVALID_ARGUMENT');
    assert.match(e.message, message);
    return true;
  };

test('cli numbers: weights and integers are parsed strictly', GUARD, () => {
  assert.equal(parseWeight('weight', '0.5'), 0.5);
  assert.equal(parseWeight('weight', '2'), 2);
  assert.equal(parseWeight('weight', '.25'), 0.25);
  for (const bad of ['abc', '', ' ', '0', '-1', '2abc', '1e3', 'NaN', 'Infinity', '0x10'])
    assert.throws(
      () => parseWeight('weight', bad),
      invalid(/^weight ".*" is invalid: use a number > 0/),
    );
  assert.equal(parseInteger('--timeout', '1500', 1, 3_600_000), 1500);
  for (const bad of ['10s', '1.5', '-1', '0', '3600001', ''])
    assert.throws(
      () => parseInteger('--timeout', bad, 1, 3_600_000),
      invalid(/^--timeout ".*" is invalid: use a whole number from 1 to 3600000$/),
    );
});

test('cli farm: bad numbers and names fail before any call', GUARD, async () => {
  // Nothing listens on port 1: a command that called out would fail with PEER_UNREACHABLE instead.
  const at = ['--address', '127.0.0.1:1'];
  await assert.rejects(
    run('server', 'set-weight', 'uuid-b', 'abc', ...at),
    invalid(/^weight "abc"/),
  );
  await assert.rejects(
    run('server', 'set-status', 'uuid-b', 'bogus', ...at),
    invalid(/^status "bogus" is invalid: use one of .*SPARE/),
  );
  await assert.rejects(run('server', 'set-mode', 'uuid-b', 'rw', ...at), invalid(/^mode "rw"/));
  await assert.rejects(
    run('group', 'activate', 'g1', '--timeout', '10s', ...at),
    invalid(/^--timeout "10s"/),
  );
  await assert.rejects(
    run('group', 'lookup-servers', 'g1', '--mode', 'x', ...at),
    invalid(/^--mode "x"/),
  );
  await assert.rejects(
    run('topology', 'watch', '--from-epoch', '-3', ...at),
    invalid(/^--from-epoch "-3"/),
  );
});

test(
  'cli farm: lookups print mysqlfabric columns; mutations print one line with the procedure',
  GUARD,
  async () => {
    const procedures = new FakeProcedures();
    const s = await serve(new FakeNode(), procedures, populatedFarm());
    const at = ['--address', s.address];
    try {
      const servers = await run('group', 'lookup-servers', 'g1', ...at);
      assert.match(servers, /^SERVER_UUID\s+ADDRESS\s+STATUS\s+MODE\s+WEIGHT\s+REPLICATION\n/);
      assert.match(servers, /\nuuid-b\s+db-b:3306\s+SECONDARY\s+READ_ONLY\s+2\.0\s+OK\n/);
      assert.match(
        await run('group', 'lookup-groups', ...at),
        /^GROUP_ID\s+DESCRIPTION\s+FAILURE_DETECTOR\s+MASTER_UUID/,
      );
      assert.equal(
        await run('server', 'set-weight', 'uuid-b', '0.5', '--request-id', 'req-cli', ...at),
        'set the weight of uuid-b to 0.5 (procedure p1, 250 ms)\n',
      );
      assert.deepEqual(procedures.submitted.at(-1), {
        name: 'server.set-weight',
        args: { server: 'uuid-b', weight: 0.5 },
        requestId: 'req-cli',
      });
      assert.match(
        await run('group', 'activate', 'g1', '--no-wait', ...at),
        /^group activate g1: submitted as procedure p1; wait for it with: fabric procedure wait p1\n$/,
      );
      const json = JSON.parse(await run('group', 'create', 'g9', '--json', ...at)) as {
        name: string;
      };
      assert.equal(json.name, 'group.create');
    } finally {
      await s.stop();
    }
  },
);
