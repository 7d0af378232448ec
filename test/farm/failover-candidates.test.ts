/**
 * An automatic failover applies a switchover's candidate checks, on real
 * MariaDB with the failure detector deciding: a secondary with an errant
 * transaction (written on the replica itself) or with broken replication
 * (its SQL thread stopped on an error) is not promoted while a clean one
 * exists; with none clean the failover stops with NO_CANDIDATE naming each
 * candidate and why, and `group health` says it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FabricClient } from '../../src/client/index.js';
import type { Procedure__Output } from '../../src/gen/fabric/v1/Procedure.js';
import type { LocalMariadb } from '../../src/mysql/index.js';
import { sleep } from '../cluster/cluster.js';
import { APP_DATABASE, ROOT } from '../mysql/fleet.js';
import { primaryAddress, setUpGroup, startFarm, waitForRows, withConnection } from './farm.js';
import type { Farm } from './farm.js';
import { eventually } from './eventually.js';

async function insert(farm: Farm, s: LocalMariadb, ids: readonly number[]): Promise<void> {
  await withConnection(s, farm.fleet.accounts.app, APP_DATABASE, async (c) => {
    for (const id of ids) await c.query('INSERT INTO t VALUES (?, ?)', [id, 'x']);
  });
}

/**
 * An errant transaction: a row written on the replica itself, binlogged
 * with its own server_id (root holds READ_ONLY ADMIN, so read_only does
 * not stop it).
 */
async function writeErrant(s: LocalMariadb, id: number): Promise<void> {
  await withConnection(s, ROOT, APP_DATABASE, (c) =>
    c.query('INSERT INTO t VALUES (?, ?)', [id, 'errant']),
  );
}

/**
 * Breaks the replica's SQL thread: a row slipped in unlogged (no GTID),
 * then the same key from the primary fails with a duplicate-key error.
 */
async function breakReplication(farm: Farm, replica: LocalMariadb, id: number): Promise<void> {
  await withConnection(replica, ROOT, APP_DATABASE, async (c) => {
    await c.query('SET SESSION sql_log_bin = 0');
    await c.query('INSERT INTO t VALUES (?, ?)', [id, 'conflict']);
  });
  await insert(farm, farm.fleet.servers[0] as LocalMariadb, [id]);
  await eventually(`${replica.address}'s SQL thread stops`, () =>
    withConnection(replica, ROOT, undefined, async (c) => {
      const [rows] = await c.query('SHOW SLAVE STATUS');
      const r = (rows as { Slave_SQL_Running: string; Last_SQL_Errno: number }[])[0];
      return r?.Slave_SQL_Running === 'No' && r.Last_SQL_Errno !== 0 ? true : undefined;
    }),
  );
}

/**
 * Writes rows 1..10 through the primary, then breaks replication on
 * `broken` and gives `errant` an errant transaction; the primary writes
 * nothing after, so the detector's last look at it is its final state.
 */
async function spoil(farm: Farm, errant: LocalMariadb, broken: LocalMariadb): Promise<void> {
  const primary = farm.fleet.servers[0] as LocalMariadb;
  const rows = Array.from({ length: 10 }, (_, i) => i + 1);
  await insert(farm, primary, rows);
  await waitForRows(farm, rows);
  await breakReplication(farm, broken, 11);
  await waitForRows(farm, [...rows, 11]);
  await writeErrant(errant, 12);
  // A few probe rounds (200 ms apart) see the primary's final position.
  await sleep(1_000);
}

/** Kills the primary and waits for the failure detector's failover of it to end. */
async function killPrimary(farm: Farm): Promise<Procedure__Output> {
  const c: FabricClient = farm.client();
  const primary = farm.fleet.servers[0] as LocalMariadb;
  const [row] = await c.groups.lookupServers('g1', { server: primary.address });
  await primary.kill9();
  const p = await eventually('the detector submits group.failover', async () =>
    (await c.procedures({ limit: 1000 })).procedures.find(
      (x) =>
        x.name === 'group.failover' &&
        (JSON.parse(x.args_json) as { server?: string }).server === row?.uuid,
    ),
  );
  const args = JSON.parse(p.args_json) as {
    automatic: boolean;
    lastSeen?: { gtidExecuted: string; serverId: number };
  };
  assert.equal(args.automatic, true);
  // The detector hands the failover the dead primary's GTIDs as it last saw them.
  assert.equal(args.lastSeen?.serverId, 1);
  // In the group's own GTID domain (each group has one; the first created gets 1).
  assert.match(args.lastSeen.gtidExecuted, /^\d+-1-\d+$/);
  const done = await c.waitProcedure(p.id, 60_000);
  return done.procedure as Procedure__Output;
}

test('failover: an errant or broken secondary is passed over for a clean one', async (t) => {
  const farm = await startFarm(t, { count: 4 });
  await setUpGroup(farm);
  const [, errant, broken, clean] = farm.fleet.servers as [
    LocalMariadb,
    LocalMariadb,
    LocalMariadb,
    LocalMariadb,
  ];
  await spoil(farm, errant, broken);
  const p = await killPrimary(farm);
  assert.equal(p.state, 'PROCEDURE_STATE_DONE', JSON.stringify(p.error));
  // Without the checks the errant one would win: its position is the furthest.
  assert.equal(await primaryAddress(farm), clean.address);
  const choice = JSON.parse(
    p.steps.find((s) => s.name === 'choose-candidate')?.output_json ?? '{}',
  ) as {
    considered: { address: string; eligible: boolean; reason: string }[];
  };
  const reasonOf = (s: LocalMariadb): string =>
    choice.considered.find((x) => x.address === s.address)?.reason ?? '';
  assert.match(
    reasonOf(errant),
    /has errant transactions the dead primary .* lacked when last seen: \d+-2-\d+/,
  );
  assert.match(
    reasonOf(broken),
    /replication is broken: the SQL thread is stopped \(.*Duplicate entry/,
  );
  assert.match(reasonOf(clean), /^chosen/);
});

test('failover: with no clean secondary it stops with NO_CANDIDATE naming each, and health shows why', async (t) => {
  const farm = await startFarm(t, { count: 3 });
  await setUpGroup(farm);
  const [primary, errant, broken] = farm.fleet.servers as [
    LocalMariadb,
    LocalMariadb,
    LocalMariadb,
  ];
  await spoil(farm, errant, broken);
  const p = await killPrimary(farm);
  assert.equal(p.state, 'PROCEDURE_STATE_FAILED');
  assert.equal(p.error?.code, 'NO_CANDIDATE');
  const { message } = p.error;
  assert.match(message, new RegExp(`${errant.address}: has errant transactions`));
  assert.match(message, new RegExp(`${broken.address}: replication is broken`));
  // Nothing was promoted; the dead primary is FAULTY and the group has no primary.
  assert.equal(await primaryAddress(farm), '');
  const health = await farm.client().groups.health('g1');
  const issues = (s: LocalMariadb): string =>
    (health.find((h) => h.address === s.address)?.issues ?? []).join('; ');
  assert.match(
    issues(errant),
    new RegExp(`not promoted by failover ${p.id} \\(NO_CANDIDATE.*\\): has errant transactions`),
  );
  assert.match(issues(broken), /not promoted by failover .*: replication is broken/);
  assert.doesNotMatch(issues(primary), /not promoted/);
});
