/**
 * Switchover under a steady write load, on real MariaDB: at no sampled
 * moment are two servers writable, and every acknowledged row survives on
 * every server.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sleep } from '../cluster/cluster.js';
import { startLoad } from './farm-load.js';
import { primaryAddress, setUpGroup, startFarm, waitForRows } from './farm.js';
import { switchoverTimings } from './switchover-timings.js';

const SWITCHOVERS = 4;

test('switchover: under steady writes, never two writable servers and no acknowledged row lost', async (t) => {
  const farm = await startFarm(t);
  await setUpGroup(farm);
  const client = farm.client('n1');
  const { writer, monitor } = startLoad(t, farm);
  const waitForWrites = async (n: number): Promise<void> => {
    const target = writer.acked.length + n;
    const deadline = Date.now() + 20_000;
    while (writer.acked.length < target) {
      if (Date.now() > deadline)
        throw new Error(`writer stuck at ${writer.acked.length} acked rows`);
      await sleep(10);
    }
  };
  await waitForWrites(100);
  const primaries = [await primaryAddress(farm)];
  for (let i = 0; i < SWITCHOVERS; i++) {
    const p = await client.groups.promote('g1');
    assert.equal(p.state, 'PROCEDURE_STATE_DONE');
    const tm = switchoverTimings(p);
    t.diagnostic(
      `switchover ${i + 1}: write-blocked ${tm.blockedMs} ms, procedure ${tm.totalMs} ms`,
    );
    primaries.push(await primaryAddress(farm));
    await waitForWrites(100);
  }
  await writer.stop();
  await monitor.stop();

  assert.equal(new Set(primaries.slice(0, 2)).size, 2, 'the primary moved');
  for (let i = 1; i < primaries.length; i++) assert.notEqual(primaries[i], primaries[i - 1]);
  assert.ok(monitor.samples > 100, `monitor sampled only ${monitor.samples} times`);
  assert.deepEqual(monitor.violations, [], 'two writable servers at once');
  assert.deepEqual(
    monitor.lastWritable,
    [primaries.at(-1)],
    'exactly one writable server, the primary',
  );
  t.diagnostic(
    `${writer.acked.length} writes acknowledged, ${writer.failures} refused during switchovers`,
  );
  await waitForRows(farm, writer.acked, 30_000);
  const h = await client.groups.health('g1');
  for (const row of h) assert.deepEqual(row.issues, [], `${row.address}: ${row.issues.join('; ')}`);
});
