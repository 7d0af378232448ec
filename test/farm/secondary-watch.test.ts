/**
 * Secondaries under watch, on real MariaDB: stopped replication is
 * published in the topology (clients stop reading there) and cleared when
 * it resumes; a dead secondary becomes FAULTY with no failover.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Server__Output } from '../../src/gen/fabric/v1/Server.js';
import { sleep } from '../cluster/cluster.js';
import { ROOT } from '../mysql/fleet.js';
import { primaryAddress, setUpGroup, startFarm, withConnection } from './farm.js';
import type { Farm } from './farm.js';

async function waitForServer(
  farm: Farm,
  address: string,
  ok: (s: Server__Output) => boolean,
  what: string,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const tp = await farm.client().topology.dump();
    const s = tp.servers.find((x) => x.address === address);
    if (s !== undefined && ok(s)) return;
    assert.ok(Date.now() < deadline, `${address}: ${what} not seen; last ${JSON.stringify(s)}`);
    await sleep(50);
  }
}

test('detector: secondaries are watched: stopped replication is published, a dead one becomes FAULTY without failover', async (t) => {
  const farm = await startFarm(t);
  await setUpGroup(farm);
  const c = farm.client();
  const primary = await primaryAddress(farm);
  const [s2, s3] = farm.fleet.servers.filter((s) => s.address !== primary) as [
    (typeof farm.fleet.servers)[0],
    (typeof farm.fleet.servers)[0],
  ];

  await withConnection(s2, ROOT, undefined, (conn) => conn.query('STOP SLAVE SQL_THREAD'));
  await waitForServer(
    farm,
    s2.address,
    (s) => s.replication === 'REPLICATION_STATE_STOPPED',
    'STOPPED',
  );
  const issues = (await c.groups.health('g1')).find((h) => h.address === s2.address)?.issues ?? [];
  assert.ok(
    issues.some((i) => i.includes('SQL thread is stopped')),
    issues.join('; '),
  );
  const [still] = await c.groups.lookupServers('g1', { server: s2.address });
  assert.equal(
    still?.status,
    'SERVER_STATUS_SECONDARY',
    'stopped replication is reported, not punished',
  );

  await withConnection(s2, ROOT, undefined, (conn) => conn.query('START SLAVE SQL_THREAD'));
  await waitForServer(
    farm,
    s2.address,
    (s) => s.replication === 'REPLICATION_STATE_OK',
    'OK again',
  );

  await s3.kill9();
  await waitForServer(farm, s3.address, (s) => s.status === 'SERVER_STATUS_FAULTY', 'FAULTY');
  assert.equal(await primaryAddress(farm), primary, 'the primary stays');
  const { procedures } = await c.procedures({ limit: 100 });
  assert.equal(procedures.filter((p) => p.name === 'group.failover').length, 0, 'no failover');
  const marked = procedures.find((p) => p.name === 'server.mark-faulty');
  assert.ok(marked?.state === 'PROCEDURE_STATE_DONE');
});
