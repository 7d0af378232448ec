/**
 * Bad input end to end: a real 3-process Fabric cluster managing real
 * MariaDB servers refuses each wrong command with its stable code and a
 * message that names the object and the rule, and leaves the farm as it
 * was: same topology epoch, groups and servers, the same read_only and
 * replication on every MariaDB server, and no procedure left running.
 * One farm serves every case; the destructive ones (a replaced server, a
 * killed primary) come last.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FabricCallError } from '../../src/client/index.js';
import type { FabricClient } from '../../src/client/index.js';
import type { LocalMariadb } from '../../src/mysql/index.js';
import type { FabricErrorCode } from '../../src/util/fabric-error.js';
import { freePorts } from '../../src/util/free-ports.js';
import { APP_DATABASE } from '../mysql/fleet.js';
import {
  primaryAddress,
  readOnlyFlags,
  setUpGroup,
  startFarm,
  startLoneServer,
  withConnection,
} from './farm.js';
import type { Farm } from './farm.js';

/** A literal for a RegExp (addresses hold dots). */
function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a refused command must leave exactly as it was. */
interface FarmState {
  readonly epoch: number;
  readonly groups: unknown;
  readonly servers: unknown;
  /** Per fleet server: read_only and replication, as the server itself reports them. */
  readonly mysql: readonly string[];
}

interface Snapshot {
  readonly state: FarmState;
  readonly procedureIds: ReadonlySet<string>;
}

async function mysqlState(farm: Farm, server: LocalMariadb): Promise<string> {
  return withConnection(server, farm.fleet.accounts.admin, undefined, async (c) => {
    const [ro] = await c.query('SELECT @@read_only AS ro');
    const [replica] = await c.query('SHOW SLAVE STATUS');
    const r = (replica as Record<string, unknown>[])[0];
    const source =
      r === undefined
        ? 'no replication'
        : `replicates from ${String(r.Master_Host)}:${String(r.Master_Port)} (IO ${String(r.Slave_IO_Running)}, SQL ${String(r.Slave_SQL_Running)})`;
    return `${server.address}: read_only ${String((ro as { ro: number }[])[0]?.ro)}, ${source}`;
  }).catch((e: unknown) => `${server.address}: unreachable (${(e as Error).message})`);
}

async function snapshot(farm: Farm, c: FabricClient): Promise<Snapshot> {
  const [dump, groups, servers, mysql, procedures] = await Promise.all([
    c.topology.dump(),
    c.groups.lookupGroups(),
    c.topology.lookupServers(),
    Promise.all(farm.fleet.servers.map((s) => mysqlState(farm, s))),
    c.procedures({ limit: 100_000 }),
  ]);
  return {
    state: { epoch: dump.epoch, groups, servers, mysql },
    procedureIds: new Set(procedures.procedures.map((p) => p.id)),
  };
}

/**
 * Runs `call`, expects it refused with `code` and a message matching every
 * pattern, then checks that the farm is as it was before the call. A refusal at
 * admission leaves no procedure at all; one found by a step (the server is
 * asked first) leaves exactly one FAILED procedure.
 */
async function assertRefused(
  farm: Farm,
  c: FabricClient,
  call: () => Promise<unknown>,
  code: FabricErrorCode,
  message: readonly RegExp[],
  leaves: 'no procedure' | 'a failed procedure' = 'no procedure',
  what = '',
): Promise<FabricCallError> {
  const label = (s: string): string => (what === '' ? s : `${what}: ${s}`);
  const before = await snapshot(farm, c);
  let caught: unknown;
  await assert.rejects(call(), (e: unknown) => {
    caught = e;
    return true;
  });
  assert.ok(caught instanceof FabricCallError, label(`a FabricCallError, got ${String(caught)}`));
  assert.equal(caught.code, code, label(caught.message));
  for (const re of message) assert.match(caught.message, re, label(caught.message));
  const after = await snapshot(farm, c);
  assert.deepEqual(after.state, before.state, label('the farm is unchanged'));
  const list = await c.procedures({ limit: 100_000 });
  const added = list.procedures.filter((p) => !before.procedureIds.has(p.id));
  assert.deepEqual(
    list.procedures
      .filter((p) => p.state === 'PROCEDURE_STATE_RUNNING' || p.state === 'PROCEDURE_STATE_QUEUED')
      .map((p) => `${p.name} ${p.state}`),
    [],
    label('no procedure left running'),
  );
  if (leaves === 'no procedure')
    assert.deepEqual(
      added.map((p) => p.name),
      [],
      label('refused before anything was committed'),
    );
  else
    assert.deepEqual(
      added.map((p) => `${p.name} ${p.state} ${p.error?.code ?? ''}`),
      [`${added[0]?.name ?? '?'} PROCEDURE_STATE_FAILED ${code}`],
      label('one procedure, FAILED with the same code'),
    );
  return caught;
}

test('farm bad input: each wrong command is refused with its code and a precise message, and nothing changes', async (t) => {
  const farm = await startFarm(t);
  const [s1, s2, s3] = farm.fleet.servers as [LocalMariadb, LocalMariadb, LocalMariadb];
  const [, [noBinlog, noSlaveUpdates]] = await Promise.all([
    setUpGroup(farm),
    Promise.all([
      startLoneServer(t, farm, { serverId: 11, omitArgs: ['--log-bin'] }),
      startLoneServer(t, farm, { serverId: 12, omitArgs: ['--log-slave-updates'] }),
    ]),
  ]);
  const c = farm.client('n2');
  // Detection off: the destructive cases below stop servers on purpose, and
  // what they test is the commands' refusals, not the failure detector's
  // answer (test/farm/detector-failover.test.ts and failover-chaos test that).
  await c.groups.deactivate('g1');
  await c.groups.create('g2', { description: 'an empty group' });
  const refused = (
    call: () => Promise<unknown>,
    code: FabricErrorCode,
    message: readonly RegExp[],
    leaves?: 'no procedure' | 'a failed procedure',
    what?: string,
  ): Promise<FabricCallError> => assertRefused(farm, c, call, code, message, leaves, what);

  await t.test('group create: an existing group is GROUP_EXISTS', async () => {
    await refused(() => c.groups.create('g1'), 'GROUP_EXISTS', [/group g1 already exists/]);
  });

  await t.test(
    'group ids: bad syntax is INVALID_ARGUMENT naming the field and the rule',
    async () => {
      await refused(() => c.groups.create('bad group!'), 'INVALID_ARGUMENT', [
        /group "bad group!" is invalid/,
        /letters, digits/,
      ]);
      await refused(() => c.groups.create('-g'), 'INVALID_ARGUMENT', [
        /group "-g" is invalid/,
        /starting with a letter or digit/,
      ]);
      await refused(() => c.groups.add('bad group!', s2.address), 'INVALID_ARGUMENT', [
        /group "bad group!" is invalid/,
        /letters, digits/,
      ]);
      await refused(() => c.groups.promote('g1/x'), 'INVALID_ARGUMENT', [
        /group "g1\/x" is invalid/,
        /letters, digits/,
      ]);
      await refused(() => c.groups.create(''), 'INVALID_ARGUMENT', [
        /group_id "" is invalid/,
        /1-64 characters/,
      ]);
      await refused(() => c.groups.create('g'.repeat(65)), 'INVALID_ARGUMENT', [
        /group_id "g{65}" is invalid/,
        /1-64 characters/,
      ]);
    },
  );

  await t.test(
    'unknown group: every command that needs one is GROUP_NOT_FOUND naming it',
    async () => {
      const calls: [string, () => Promise<unknown>][] = [
        ['add', () => c.groups.add('nope', s1.address)],
        ['remove', () => c.groups.remove('nope', s2.address)],
        ['promote', () => c.groups.promote('nope')],
        ['promote --server', () => c.groups.promote('nope', { server: s2.address })],
        ['demote', () => c.groups.demote('nope')],
        ['activate', () => c.groups.activate('nope')],
        ['deactivate', () => c.groups.deactivate('nope')],
        ['description', () => c.groups.setDescription('nope', 'x')],
        ['destroy', () => c.groups.destroy('nope')],
        ['lookup-groups', () => c.groups.lookupGroups('nope')],
        ['lookup-servers', () => c.groups.lookupServers('nope')],
        ['health', () => c.groups.health('nope')],
      ];
      for (const [what, call] of calls)
        await refused(call, 'GROUP_NOT_FOUND', [/group nope does not exist/], 'no procedure', what);
    },
  );

  await t.test(
    'set-weight: 0, negative, NaN and infinite weights are INVALID_ARGUMENT',
    async () => {
      for (const w of [0, -1, NaN, Infinity, -Infinity]) {
        await refused(() => c.servers.setWeight(s2.address, w), 'INVALID_ARGUMENT', [
          /weight/,
          /finite number > 0/,
          new RegExp(`got ${esc(String(w))}$`),
        ]);
      }
    },
  );

  await t.test('set-status: PRIMARY and FAULTY are INVALID_TRANSITION naming the way', async () => {
    await refused(() => c.servers.setStatus(s2.address, 'PRIMARY'), 'INVALID_TRANSITION', [
      /status PRIMARY cannot be set/,
      /fabric group promote/,
    ]);
    await refused(() => c.servers.setStatus(s2.address, 'FAULTY'), 'INVALID_TRANSITION', [
      /status FAULTY cannot be set/,
      /failure detector|report-failure/,
    ]);
    await refused(() => c.servers.setStatus(s2.address, 'SECONDARY'), 'INVALID_TRANSITION', [
      new RegExp(`server ${esc(s2.address)} is already SECONDARY`),
    ]);
  });

  await t.test(
    'set-mode: READ_WRITE on a SECONDARY is INVALID_TRANSITION naming the allowed modes',
    async () => {
      await refused(() => c.servers.setMode(s2.address, 'READ_WRITE'), 'INVALID_TRANSITION', [
        new RegExp(`server ${esc(s2.address)} is SECONDARY`),
        /may have mode OFFLINE or READ_ONLY, not READ_WRITE/,
      ]);
    },
  );

  await t.test('remove: the primary is SERVER_IS_PRIMARY ("demote it first")', async () => {
    await refused(() => c.groups.remove('g1', s1.address), 'SERVER_IS_PRIMARY', [
      new RegExp(`server ${esc(s1.address)} is the primary of group g1`),
      /demote it first/,
    ]);
  });

  await t.test('demote: a group without a primary is INVALID_TRANSITION', async () => {
    await refused(() => c.groups.demote('g2'), 'INVALID_TRANSITION', [
      /group g2 has no primary to demote/,
    ]);
  });

  await t.test(
    'add: a server already in another group is SERVER_EXISTS naming the group',
    async () => {
      await refused(() => c.groups.add('g2', s2.address), 'SERVER_EXISTS', [
        new RegExp(`${esc(s2.address)} is already in group g1`),
        /remove it there first/,
      ]);
    },
  );

  await t.test(
    'promote: a SPARE without --force is INVALID_TRANSITION naming --force',
    async () => {
      await c.servers.setStatus(s3.address, 'SPARE');
      await refused(() => c.groups.promote('g1', { server: s3.address }), 'INVALID_TRANSITION', [
        new RegExp(`server ${esc(s3.address)} is SPARE`),
        /--force/,
      ]);
      assert.equal(await primaryAddress(farm, 'g1', 'n2'), s1.address);
      await c.servers.setStatus(s3.address, 'SECONDARY');
    },
  );

  await t.test('add: an address where nothing listens is SERVER_UNREACHABLE', async () => {
    const [port] = await freePorts(1);
    const address = `127.0.0.1:${String(port)}`;
    await refused(
      () => c.groups.add('g1', address),
      'SERVER_UNREACHABLE',
      [new RegExp(`cannot connect to the server at ${esc(address)}`), /connection refused/],
      'a failed procedure',
    );
  });

  await t.test(
    'add: a server without the binlog or log_slave_updates is SERVER_MISCONFIGURED naming the fix',
    async () => {
      await refused(
        () => c.groups.add('g1', noBinlog.address),
        'SERVER_MISCONFIGURED',
        [
          new RegExp(`server ${esc(noBinlog.address)} cannot join a group`),
          /log_bin is OFF, needs ON/,
          /fix: start mariadbd with --log-bin/,
        ],
        'a failed procedure',
      );
      await refused(
        () => c.groups.add('g1', noSlaveUpdates.address),
        'SERVER_MISCONFIGURED',
        [
          new RegExp(`server ${esc(noSlaveUpdates.address)} cannot join a group`),
          /log_slave_updates is OFF, needs ON/,
          /fix: start mariadbd with --log-slave-updates/,
        ],
        'a failed procedure',
      );
      // The refused servers themselves were left alone: no identity stored, writable, no replication.
      for (const s of [noBinlog, noSlaveUpdates]) {
        assert.equal(await mysqlState(farm, s), `${s.address}: read_only 0, no replication`);
        await withConnection(s, farm.fleet.accounts.admin, undefined, async (conn) => {
          const [rows] = await conn.query("SHOW DATABASES LIKE 'fabric\\_ha'");
          assert.deepEqual(rows, [], `${s.address} got no fabric-ha identity`);
        });
      }
    },
  );

  await t.test(
    'promote: a secondary replaced by another server at its address is refused as SERVER_IDENTITY_CHANGED',
    async () => {
      await s2.stop();
      await startLoneServer(t, farm, { serverId: 22, port: s2.port });
      const health = await c.groups.health('g1');
      for (const row of health) {
        if (row.address !== s2.address) {
          assert.deepEqual(row.issues, [], `${row.address}: ${row.issues.join('; ')}`);
          continue;
        }
        assert.equal(row.issues.length, 1, row.issues.join('; '));
        assert.match(
          row.issues[0] ?? '',
          new RegExp(
            `^identity changed: the server at ${esc(s2.address)} is not the one that was added: expected identity ${row.uuid}, but it has no fabric-ha identity`,
          ),
        );
      }
      await refused(
        () => c.groups.promote('g1', { server: s2.address }),
        'SERVER_IDENTITY_CHANGED',
        [
          new RegExp(`cannot promote ${esc(s2.address)} in group g1`),
          new RegExp(`the server at ${esc(s2.address)} is not the one that was added`),
        ],
        'a failed procedure',
      );
      assert.equal(await primaryAddress(farm, 'g1', 'n2'), s1.address);
      await withConnection(s1, farm.fleet.accounts.app, APP_DATABASE, (conn) =>
        conn.query('INSERT INTO t VALUES (1, "the primary still takes writes")'),
      );
    },
  );

  await t.test(
    'promote: after a forced failover from a dead primary, the FAULTY one is refused without --force',
    async () => {
      await s1.kill9();
      await refused(
        () => c.groups.promote('g1'),
        'SERVER_UNREACHABLE',
        [new RegExp(`the primary ${esc(s1.address)} is unreachable`), /--force/],
        'a failed procedure',
      );
      const p = await c.groups.promote('g1', { force: true });
      assert.equal(p.state, 'PROCEDURE_STATE_DONE');
      assert.equal(await primaryAddress(farm, 'g1', 'n2'), s3.address);
      const [old] = await c.groups.lookupServers('g1', { server: s1.address });
      assert.equal(old?.status, 'SERVER_STATUS_FAULTY');
      await withConnection(s3, farm.fleet.accounts.app, APP_DATABASE, (conn) =>
        conn.query('INSERT INTO t VALUES (2, "the new primary takes writes")'),
      );
      assert.equal((await readOnlyFlags(farm))[2], false);
      await refused(() => c.groups.promote('g1', { server: s1.address }), 'INVALID_TRANSITION', [
        new RegExp(`server ${esc(s1.address)} is FAULTY`),
        /--force/,
      ]);
      assert.equal(await primaryAddress(farm, 'g1', 'n2'), s3.address);
    },
  );
});
