import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { registerShardingCommands } from '../../src/cli/sharding-commands.js';
import { registerTopologyCommands } from '../../src/cli/topology-commands.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { FakeNode, FakeProcedures, procedureRecord, serve } from '../api/farm-harness.js';
import type { Served } from '../api/farm-harness.js';
import { shardedFarm } from '../api/sharded-farm.js';
import { captureOutput } from './capture-output.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

function program(): Command {
  const p = new Command('fabric').exitOverride();
  registerShardingCommands(p);
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

async function withServer(body: (s: Served, p: FakeProcedures) => Promise<void>): Promise<void> {
  const procedures = new FakeProcedures();
  const s = await serve(new FakeNode(), procedures, shardedFarm());
  try {
    await body(s, procedures);
  } finally {
    await s.stop();
  }
}

test('cli sharding: bad ids, types, states and hints fail before any call', GUARD, async () => {
  // Nothing listens on port 1: a command that called out would fail with PEER_UNREACHABLE instead.
  const at = ['--address', '127.0.0.1:1'];
  await assert.rejects(
    run('sharding', 'create-definition', 'RANGE_INTEGER', 'gg', ...at),
    invalid(
      /^type "RANGE_INTEGER" is invalid: use one of RANGE, RANGE_STRING, RANGE_DATETIME, HASH$/,
    ),
  );
  for (const bad of ['0', '-1', 'one', '1.5', '4294967296'])
    await assert.rejects(
      run('sharding', 'remove-definition', bad, ...at),
      invalid(/^map-id ".*" is invalid: use a whole number from 1 to 4294967295$/),
    );
  await assert.rejects(
    run('sharding', 'add-table', 'x', 'db.t', 'c', ...at),
    invalid(/^map-id "x"/),
  );
  await assert.rejects(run('sharding', 'list-tables', '0', ...at), invalid(/^map-id "0"/));
  await assert.rejects(
    run('sharding', 'add-shard', '1', 'g4', '--state', 'on', ...at),
    invalid(/^--state "on" is invalid: use one of ENABLED, DISABLED$/),
  );
  for (const verb of ['remove-shard', 'enable-shard', 'disable-shard'])
    await assert.rejects(run('sharding', verb, 'abc', ...at), invalid(/^shard-id "abc"/));
  await assert.rejects(
    run('sharding', 'lookup-servers', 'db.t', '1', '--hint', 'remote', ...at),
    invalid(/^--hint "remote" is invalid: use one of LOCAL, GLOBAL$/),
  );
  await assert.rejects(
    run('sharding', 'enable-shard', '1', '--timeout', '10s', ...at),
    invalid(/^--timeout "10s"/),
  );
});

test('cli sharding: mutations print one line with the procedure; names are any case', GUARD, () =>
  withServer(async (s, procedures) => {
    const at = ['--address', s.address];
    procedures.ending = (name) => ({
      ...procedureRecord({ name }),
      result: name === 'sharding.create-definition' ? { mapId: 3 } : { shardId: 4, bound: '9000' },
    });
    assert.equal(
      await run(
        'sharding',
        'create-definition',
        'range-string',
        'gg',
        '--request-id',
        'r-cd',
        ...at,
      ),
      'created shard map 3 (RANGE_STRING, global group gg) (procedure p1, 250 ms)\n',
    );
    assert.deepEqual(procedures.submitted.at(-1), {
      name: 'sharding.create-definition',
      args: { type: 'RANGE_STRING', globalGroup: 'gg' },
      requestId: 'r-cd',
    });
    assert.equal(
      await run('sharding', 'add-shard', '1', 'g4', '--bound', '9000', '--state', 'enabled', ...at),
      'added shard 4 to map 1 on group g4 (lower bound 9000) (procedure p1, 250 ms)\n',
    );
    assert.deepEqual(procedures.submitted.at(-1)?.args, {
      mapId: 1,
      group: 'g4',
      bound: '9000',
      state: 'ENABLED',
    });
    assert.equal(
      await run('sharding', 'add-table', '1', 'db.accounts', 'sub_no', ...at),
      'added table db.accounts to shard map 1, sharded by sub_no (procedure p1, 250 ms)\n',
    );
    assert.equal(
      await run('sharding', 'disable-shard', '2', ...at),
      'disabled shard 2 (procedure p1, 250 ms)\n',
    );
    assert.match(
      await run('sharding', 'remove-shard', '3', '--no-wait', ...at),
      /^sharding remove-shard 3: submitted as procedure p1; wait for it with: fabric procedure wait p1\n$/,
    );
    const json = JSON.parse(await run('sharding', 'remove-table', 'db.calls', '--json', ...at)) as {
      name: string;
    };
    assert.equal(json.name, 'sharding.remove-table');
  }),
);

test(
  'cli sharding: lists and lookups print mysqlfabric columns (and JSON with --json)',
  GUARD,
  () =>
    withServer(async (s) => {
      const at = ['--address', s.address];
      assert.equal(
        await run('sharding', 'list-definitions', ...at),
        [
          'MAPPING_ID  TYPE_NAME  GLOBAL_GROUP_ID',
          '----------  ---------  ---------------',
          '1           RANGE      gg',
          '2           HASH       gg',
          '',
        ].join('\n'),
      );
      const tables = await run('sharding', 'list-tables', '1', ...at);
      assert.match(
        tables,
        /^MAPPING_ID\s+TABLE_NAME\s+COLUMN_NAME\s+TYPE_NAME\s+GLOBAL_GROUP_ID\n/,
      );
      assert.match(
        tables,
        /\n1\s+db\.calls\s+sub_no\s+RANGE\s+gg\n1\s+db\.subscribers\s+sub_no\s+RANGE\s+gg\n$/,
      );
      assert.match(
        await run('sharding', 'lookup-table', 'db.events', ...at),
        /\n2\s+db\.events\s+event_id\s+HASH\s+gg\n$/,
      );
      const found = JSON.parse(
        await run('sharding', 'lookup-table', 'db.events', '--json', ...at),
      ) as {
        map: { global_group_id: string };
      };
      assert.equal(found.map.global_group_id, 'gg');
      const servers = await run('sharding', 'lookup-servers', 'db.subscribers', '1500', ...at);
      assert.match(servers, /^SERVER_UUID\s+ADDRESS\s+STATUS\s+MODE\s+WEIGHT\s+REPLICATION\n/);
      assert.match(servers, /\nuuid-c\s+db-c:3306\s+SPARE\s+/);
      assert.match(servers, /\n\nshard 2 in group g2 \(routing point 1500\)\n$/);
      // A negative key is an operand, not an option; below the lowest bound it is refused, typed.
      await assert.rejects(
        run('sharding', 'lookup-servers', 'db.subscribers', '-5', ...at),
        (e: unknown) => {
          assert.ok(e instanceof FabricError, String(e));
          assert.equal(e.code, 'KEY_BELOW_LOWEST_BOUND');
          return true;
        },
      );
      assert.match(
        await run('sharding', 'lookup-servers', 'db.subscribers', '1', '--hint', 'global', ...at),
        /\nuuid-g\s+db-g:3306\s+PRIMARY\s+READ_WRITE\s+1\.0\s+OK\n\nglobal group gg\n$/,
      );
    }),
);

test('cli topology: dump shows shard maps, tables and shards after the servers', GUARD, () =>
  withServer(async (s) => {
    const text = await run('topology', 'dump', '--address', s.address);
    assert.match(text, /\nMAPPING_ID\s+TYPE_NAME\s+GLOBAL_GROUP_ID\n/);
    assert.match(text, /\nSHARD_ID\s+MAPPING_ID\s+LOWER_BOUND\s+GROUP_ID\s+STATE\n/);
    assert.match(text, /\n3\s+1\s+5000\s+g3\s+DISABLED\n$/);
    const json = JSON.parse(await run('topology', 'dump', '--json', '--address', s.address)) as {
      shards: unknown[];
      shard_tables: unknown[];
    };
    assert.equal(json.shards.length, 3);
    assert.equal(json.shard_tables.length, 3);
  }),
);
