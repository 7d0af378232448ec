/**
 * group.failover on real MariaDB (submitted by hand here; the failure
 * detector submits the same procedure): the dead primary becomes FAULTY, a
 * secondary takes over with every row, and the old primary, back again,
 * rejoins only when it has not diverged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomUUID } from 'node:crypto';
import type { FabricCallError } from '../../src/client/index.js';
import { APP_DATABASE, ROOT } from '../mysql/fleet.js';
import { primaryAddress, setUpGroup, startFarm, waitForRows, withConnection } from './farm.js';
import type { Farm } from './farm.js';

async function insert(farm: Farm, address: string, from: number, count: number): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, i) => from + i);
  await withConnection(farm.server(address), farm.fleet.accounts.app, APP_DATABASE, async (c) => {
    for (const id of ids) await c.query('INSERT INTO t VALUES (?, ?)', [id, 'x']);
  });
  return ids;
}

async function failover(farm: Farm, dead: string): Promise<string> {
  const c = farm.client();
  const [row] = await c.groups.lookupServers('g1', { server: dead });
  const r = await c.submitProcedure(
    'group.failover',
    { group: 'g1', server: row?.uuid ?? '', evidence: { by: 'test' } },
    randomUUID(),
    true,
    60_000,
  );
  assert.equal(r.procedure?.state, 'PROCEDURE_STATE_DONE', JSON.stringify(r.procedure?.error));
  return primaryAddress(farm);
}

async function issuesOf(farm: Farm, address: string): Promise<string[]> {
  const h = await farm.client().groups.health('g1');
  return h.find((x) => x.address === address)?.issues ?? [];
}

test('failover: a dead primary is replaced; it rejoins only while it has not diverged', async (t) => {
  const farm = await startFarm(t);
  await setUpGroup(farm);
  const c = farm.client();
  let rows = await insert(farm, await primaryAddress(farm), 1, 20);
  await waitForRows(farm, rows);

  await t.test('kill -9 the primary: the best secondary takes over with every row', async () => {
    const dead = await primaryAddress(farm);
    await farm.server(dead).kill9();
    const next = await failover(farm, dead);
    assert.notEqual(next, dead);
    const [old] = await c.groups.lookupServers('g1', { server: dead });
    assert.equal(old?.status, 'SERVER_STATUS_FAULTY');
    rows = [...rows, ...(await insert(farm, next, 21, 10))];
    const alive = farm.fleet.servers.filter((s) => s.address !== dead);
    for (const s of alive)
      await withConnection(s, farm.fleet.accounts.admin, APP_DATABASE, async (conn) => {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const [r] = await conn.query('SELECT COUNT(*) AS n FROM t');
          if ((r as { n: number }[])[0]?.n === rows.length) return;
          assert.ok(Date.now() < deadline, `${s.address} lacks rows after the failover`);
          await new Promise((res) => setTimeout(res, 50));
        }
      });
  });

  await t.test('the old primary returns undiverged: set-status SPARE rejoins it', async () => {
    const old = (await c.groups.lookupServers('g1', { status: 'FAULTY' }))[0]?.address ?? '';
    await farm.server(old).restart();
    await c.servers.setStatus(old, 'SPARE');
    await c.servers.setStatus(old, 'SECONDARY');
    await waitForRows(farm, rows);
    assert.deepEqual(await issuesOf(farm, old), []);
  });

  await t.test(
    'a primary that dies with unreplicated writes has diverged: rejoin is refused',
    async () => {
      const primary = await primaryAddress(farm);
      // Async replication loses what never left the primary: stop the
      // replicas' IO threads, write, then kill the primary.
      for (const s of farm.fleet.servers.filter((x) => x.address !== primary))
        await withConnection(s, ROOT, undefined, (conn) => conn.query('STOP SLAVE IO_THREAD'));
      const lost = await insert(farm, primary, 1_000, 5);
      await farm.server(primary).kill9();
      const next = await failover(farm, primary);
      rows = [...rows, ...(await insert(farm, next, 31, 5))];
      await farm.server(primary).restart();
      const issues = await issuesOf(farm, primary);
      assert.ok(
        issues.some((i) => /has diverged: holds transactions the primary .* lacks/.test(i)),
        issues.join('; '),
      );
      await assert.rejects(c.servers.setStatus(primary, 'SPARE'), (e: FabricCallError) => {
        assert.equal(e.code, 'ERRANT_TRANSACTIONS');
        assert.match(e.message, /has diverged.*Rebuild it from the primary/);
        return true;
      });
      const [still] = await c.groups.lookupServers('g1', { server: primary });
      assert.equal(still?.status, 'SERVER_STATUS_FAULTY');
      t.diagnostic(
        `${lost.length} writes acknowledged by the dead primary were lost (async replication)`,
      );
      const alive = farm.fleet.servers.filter((s) => s.address !== primary);
      for (const s of alive)
        await withConnection(s, farm.fleet.accounts.admin, APP_DATABASE, async (conn) => {
          const [r] = await conn.query('SELECT COUNT(*) AS n FROM t WHERE id >= 1000');
          assert.equal((r as { n: number }[])[0]?.n, 0);
        });
    },
  );
});
