/**
 * Issue 12 end to end: a global group (3 servers, semi-sync) and three shard
 * groups (2 servers each) of real MariaDB, managed by a real 3-process
 * Fabric cluster. Shard maps of every mapping type route keyed rows (found
 * through lookup-servers) to the right group; DDL and global rows made on
 * the global primary reach every server of every shard group; a failover of
 * the global primary (with the Fabric leader killed in the middle) moves
 * every shard's link, with no acknowledged global write lost; a failover of
 * a shard primary keeps the global link; and a Fabric leader killed during
 * add-shard or enable-shard leaves the shard enabled once, linked to the
 * global primary.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { LocalMariadb } from '../../src/mysql/index.js';
import { sleep } from '../cluster/cluster.js';
import { APP_DATABASE, ROOT } from '../mysql/fleet.js';
import { eventually } from './eventually.js';
import { primaryAddress, startFarm, withConnection } from './farm.js';
import type { Farm } from './farm.js';
import { failoverOf } from './procedure-watch.js';

const NO_COOLDOWN = '[failure_detector]\nfailover_cooldown_s = 0';
const SHARD_GROUPS = ['s1', 's2', 's3'] as const;

interface Layout {
  readonly global: readonly LocalMariadb[];
  readonly shards: Readonly<Record<(typeof SHARD_GROUPS)[number], readonly LocalMariadb[]>>;
}

function layout(farm: Farm): Layout {
  const s = farm.fleet.servers;
  return {
    global: s.slice(0, 3),
    shards: { s1: s.slice(3, 5), s2: s.slice(5, 7), s3: s.slice(7, 9) },
  };
}

function shardServers(l: Layout): LocalMariadb[] {
  return SHARD_GROUPS.flatMap((g) => [...l.shards[g]]);
}

/** A client of a running Fabric node (a test kills some). */
function live(farm: Farm): ReturnType<Farm['client']> {
  return farm.client(farm.cluster.running()[0]?.id);
}

/** The group's primary according to a running node. */
function primaryOf(farm: Farm, group: string): Promise<string> {
  return primaryAddress(farm, group, farm.cluster.running()[0]?.id);
}

/** Runs `fn`, then starts node `id` again if it is down and waits for a leader. */
async function restartingAfter<T>(farm: Farm, id: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    const node = farm.cluster.node(id);
    if (!node.running) node.start();
    await farm.cluster.waitForLeader();
  }
}

/** Runs a procedure through the cluster to its end; returns its result. */
async function run(farm: Farm, name: string, args: Record<string, unknown>): Promise<unknown> {
  const res = await live(farm).submitProcedure(name, args, randomUUID(), true, 60_000);
  const p = res.procedure;
  assert.equal(p?.state, 'PROCEDURE_STATE_DONE', `${name}: ${p?.error?.message ?? p?.state}`);
  return p.result_json === '' ? null : (JSON.parse(p.result_json) as unknown);
}

async function setUpGroup(farm: Farm, group: string, servers: readonly LocalMariadb[]) {
  const g = live(farm).groups;
  await g.create(group, { description: `sharding test ${group}` });
  for (const s of servers) await g.add(group, s.address);
  await g.promote(group, { server: servers[0]?.address ?? '' });
  await g.activate(group);
}

async function sql<T = Record<string, unknown>>(
  server: LocalMariadb,
  query: string,
  values: unknown[] = [],
): Promise<T[]> {
  return withConnection(server, ROOT, undefined, async (c) => {
    const [rows] = await c.query(query, values);
    return rows as T[];
  });
}

/** The 'fabric_global' connection of a server, or undefined when it has none. */
async function globalLink(
  server: LocalMariadb,
): Promise<{ port: number; io: string; sqlThread: string; error: string } | undefined> {
  const rows = await sql(server, 'SHOW ALL SLAVES STATUS').catch(() => []);
  const r = rows.find((x) => x.Connection_name === 'fabric_global');
  if (r === undefined) return undefined;
  return {
    port: Number(r.Master_Port),
    io: String(r.Slave_IO_Running),
    sqlThread: String(r.Slave_SQL_Running),
    error: `${String(r.Last_IO_Error)} ${String(r.Last_SQL_Error)}`.trim(),
  };
}

/**
 * Every shard group's primary (per the cluster) replicates from
 * `globalPort` over fabric_global; otherwise what each one does instead.
 */
async function shardsFollow(farm: Farm, globalPort: number, via?: string): Promise<string> {
  const wrong: string[] = [];
  for (const g of SHARD_GROUPS) {
    const p = await primaryAddress(farm, g, via).catch(() => '');
    if (p === '') {
      wrong.push(`${g}: no primary known`);
      continue;
    }
    const link = await globalLink(farm.server(p));
    if (link?.port !== globalPort || link.io !== 'Yes' || link.sqlThread !== 'Yes')
      wrong.push(
        `${g} primary ${p}: ${link === undefined ? 'no fabric_global' : JSON.stringify(link)}`,
      );
  }
  return wrong.join('; ');
}

/** Waits until every shard primary follows the global primary on `globalPort`. */
async function waitShardsFollow(farm: Farm, globalPort: number, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  let last = '';
  for (;;) {
    const via = farm.cluster.running()[0]?.id;
    last = await shardsFollow(farm, globalPort, via).catch((e: unknown) => String(e));
    if (last === '') return;
    if (Date.now() > deadline)
      throw new Error(`shard primaries do not follow port ${globalPort} after ${ms} ms: ${last}`);
    await sleep(50);
  }
}

async function tableExists(server: LocalMariadb, table: string): Promise<boolean> {
  const [db, name] = table.split('.');
  const rows = await sql(
    server,
    'SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
    [db, name],
  ).catch(() => []);
  return rows.length === 1;
}

/** The shards of map `mapId`, from the topology. */
async function shardsOf(farm: Farm, mapId: number): Promise<{ id: number; group_id: string }[]> {
  const topology = await live(farm).topology.dump();
  return topology.shards.filter((s) => s.map_id === mapId);
}

/** The group lookup-servers names for `key`, and its primary's address. */
async function lookup(
  farm: Farm,
  table: string,
  key: string,
): Promise<{ group: string; primary: string }> {
  const r = await live(farm).sharding.lookupServers(table, key);
  const primary = r.servers.find((s) => s.status === 'SERVER_STATUS_PRIMARY')?.address ?? '';
  return { group: r.groupId, primary };
}

/**
 * add-shard submitted to the leader, which is killed at once: the new leader
 * finishes it, once, and the shard ends ENABLED and linked.
 */
async function addShardKillingLeader(
  farm: Farm,
  args: Record<string, unknown>,
): Promise<{ shardId: number; bound: string }> {
  const requestId = randomUUID();
  const leader = await farm.cluster.waitForLeader();
  const submitted = await farm
    .client(leader)
    .submitProcedure('sharding.add-shard', args, requestId, false);
  await farm.cluster.node(leader).kill9();
  return restartingAfter(farm, leader, async () => {
    const via = farm.cluster.running()[0]?.id ?? 'n1';
    const p = await eventually(
      'add-shard done on the new leader',
      async () => {
        const r = await farm.client(via).procedure(submitted.procedure?.id ?? '', false);
        return r.procedure?.state === 'PROCEDURE_STATE_DONE' ? r.procedure : undefined;
      },
      30_000,
    );
    const all = await farm.client(via).procedures({ limit: 1000 });
    assert.equal(all.procedures.filter((x) => x.request_id === requestId).length, 1, 'once');
    return JSON.parse(p.result_json) as { shardId: number; bound: string };
  });
}

interface TypeCase {
  readonly type: 'RANGE' | 'RANGE_STRING' | 'RANGE_DATETIME' | 'HASH';
  readonly column: string;
  /** Bounds per shard group, or undefined for HASH's default even split. */
  readonly bounds?: readonly [string, string, string];
  readonly keys: readonly string[];
}

const CASES: readonly TypeCase[] = [
  {
    type: 'RANGE',
    column: 'BIGINT',
    bounds: ['-100', '0', '1000'],
    keys: ['-100', '-1', '0', '999', '1000', '9223372036854775807'],
  },
  {
    type: 'RANGE_STRING',
    column: 'VARBINARY(64)',
    bounds: ['', 'm', 'é'],
    keys: ['', 'apple', 'm', 'zebra', 'é', 'ü'],
  },
  {
    type: 'RANGE_DATETIME',
    column: 'DATETIME(6)',
    bounds: ['2000-01-01 00:00:00', '2020-01-01 00:00:00', '2030-06-15 12:00:00'],
    keys: [
      '2000-01-01 00:00:00',
      '2019-12-31 23:59:59.999999',
      '2020-01-01',
      '2031-01-01 08:00:00',
    ],
  },
  {
    type: 'HASH',
    column: 'VARCHAR(64)',
    keys: ['1', '2', '3', 'alice', 'bob', '', 'zürich', '42'],
  },
];

/** Which group must hold `key`: computed here from the bounds, independently of src/routing. */
function expectedGroup(c: TypeCase, bounds: readonly string[], key: string): string {
  const point = c.type === 'HASH' ? createHash('md5').update(key, 'utf8').digest('hex') : key;
  const cmp = (a: string, b: string): number => {
    if (c.type === 'RANGE')
      return Number(BigInt(a) - BigInt(b) > 0n) - Number(BigInt(a) < BigInt(b));
    if (c.type === 'RANGE_STRING') return Buffer.compare(Buffer.from(a), Buffer.from(b));
    if (c.type === 'RANGE_DATETIME') {
      const t = (s: string): number =>
        Date.parse(`${s.length === 10 ? `${s} 00:00:00` : s}Z`.replace(' ', 'T'));
      return Math.sign(t(a) - t(b));
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let best = -1;
  for (const [i, b] of bounds.entries())
    if (cmp(b, point) <= 0 && (best < 0 || cmp(b, bounds[best] ?? '') > 0)) best = i;
  if (best < 0 && c.type === 'HASH')
    // Below every bound: wraps around to the shard with the largest bound.
    best = bounds.reduce((m, b, i) => (cmp(b, bounds[m] ?? '') > 0 ? i : m), 0);
  return SHARD_GROUPS[best] ?? 'none';
}

test('sharding: a global group and three shard groups on real MariaDB', async (t) => {
  const started = performance.now();
  const farm = await startFarm(t, { count: 9, extraToml: NO_COOLDOWN });
  const l = layout(farm);
  await setUpGroup(farm, 'global', l.global);
  for (const g of SHARD_GROUPS) await setUpGroup(farm, g, l.shards[g]);
  const [g1] = l.global as [LocalMariadb];
  for (const s of l.global)
    await withConnection(s, ROOT, undefined, async (c) => {
      await c.query(
        "SET GLOBAL rpl_semi_sync_master_wait_point = 'AFTER_SYNC', rpl_semi_sync_master_timeout = 60000, rpl_semi_sync_slave_enabled = 1",
      );
      if (s === g1) await c.query('SET GLOBAL rpl_semi_sync_master_enabled = 1');
      else await c.query('STOP SLAVE IO_THREAD');
      if (s !== g1) await c.query('START SLAVE IO_THREAD');
    });
  await sql(g1, `CREATE DATABASE IF NOT EXISTS ${APP_DATABASE}`);
  await sql(g1, `CREATE TABLE ${APP_DATABASE}.plans (id INT PRIMARY KEY, name VARCHAR(40))`);
  t.diagnostic(
    `farm of 9 servers and 4 groups up in ${Math.round(performance.now() - started)} ms`,
  );

  let lastMap = 0;
  await t.test('every mapping type routes keyed rows to the right shard group', async () => {
    for (const [n, c] of CASES.entries()) {
      const table = `${APP_DATABASE}.k_${c.type.toLowerCase()}`;
      await sql(g1, `CREATE TABLE ${table} (k ${c.column} PRIMARY KEY, v INT NOT NULL)`);
      const { mapId } = (await run(farm, 'sharding.create-definition', {
        type: c.type,
        globalGroup: 'global',
      })) as { mapId: number };
      await run(farm, 'sharding.add-table', { mapId, table, column: 'k' });
      const bounds: string[] = [];
      for (const [i, g] of SHARD_GROUPS.entries()) {
        const bound = c.bounds?.[i];
        const args = { mapId, group: g, ...(bound === undefined ? {} : { bound }) };
        // The last shard of the last map: the Fabric leader is killed right after the submit.
        const out =
          n === CASES.length - 1 && i === SHARD_GROUPS.length - 1
            ? await addShardKillingLeader(farm, args)
            : ((await run(farm, 'sharding.add-shard', args)) as { shardId: number; bound: string });
        bounds.push(out.bound);
      }
      // The DDL made before the shards existed reaches them through their new links.
      await eventually(`${table} on every shard server`, async () =>
        (await Promise.all(shardServers(l).map((s) => tableExists(s, table)))).every(Boolean)
          ? true
          : undefined,
      );
      for (const [v, key] of c.keys.entries()) {
        const { group, primary } = await lookup(farm, table, key);
        assert.equal(
          group,
          expectedGroup(c, bounds, key),
          `${c.type} key '${key}' (bounds ${bounds.join(', ')})`,
        );
        await sql(farm.server(primary), `INSERT INTO ${table} VALUES (?, ?)`, [key, v]);
      }
      // Each row is on both servers of its group and on no other shard group.
      for (const g of SHARD_GROUPS) {
        const want = c.keys.filter((k) => expectedGroup(c, bounds, k) === g).length;
        for (const s of l.shards[g])
          await eventually(`${want} ${c.type} rows on ${g} ${s.address}`, async () => {
            const [row] = await sql<{ n: number }>(s, `SELECT COUNT(*) AS n FROM ${table}`);
            return Number(row?.n) === want ? true : undefined;
          });
      }
      if (n === CASES.length - 1) {
        lastMap = mapId;
        break;
      }
      // Take the map down again (the groups hold one shard each): every link goes.
      const shards = (await shardsOf(farm, mapId)).map((s) => s.id);
      for (const id of shards) await run(farm, 'sharding.disable-shard', { shardId: id });
      for (const id of shards) await run(farm, 'sharding.remove-shard', { shardId: id });
      await run(farm, 'sharding.remove-table', { table });
      await run(farm, 'sharding.remove-definition', { mapId });
      for (const g of SHARD_GROUPS)
        assert.equal(await globalLink(l.shards[g][0] as LocalMariadb), undefined, `${g} unlinked`);
    }
    assert.ok(lastMap > 0);
  });

  await t.test('DDL and global rows reach every server of every shard group', async () => {
    await sql(g1, `INSERT INTO ${APP_DATABASE}.plans VALUES (1, 'basic'), (2, 'premium')`);
    await sql(g1, `ALTER TABLE ${APP_DATABASE}.plans ADD COLUMN price INT NOT NULL DEFAULT 0`);
    for (const s of [...l.global, ...shardServers(l)])
      await eventually(`plans on ${s.address}`, async () => {
        const rows = await sql(s, `SELECT id, price FROM ${APP_DATABASE}.plans`).catch(() => []);
        return rows.length === 2 ? true : undefined;
      });
  });

  await t.test(
    'global primary killed, then the Fabric leader: every shard follows, no acknowledged global write lost',
    async () => {
      const acked: number[] = [];
      const state = { stop: false };
      let next = 1000;
      const writer = (async () => {
        while (!state.stop) {
          const primary = await primaryOf(farm, 'global').catch(() => '');
          const s = farm.fleet.servers.find((x) => x.address === primary);
          if (s === undefined) {
            await sleep(20);
            continue;
          }
          const id = next++;
          try {
            await sql(s, `INSERT INTO ${APP_DATABASE}.plans (id, name) VALUES (?, 'w')`, [id]);
            acked.push(id);
          } catch {
            await sleep(20);
          }
        }
      })();
      while (acked.length < 50) await sleep(10);
      const uuid =
        (await live(farm).groups.lookupServers('global', { server: g1.address }))[0]?.uuid ?? '';
      const t0 = Date.now();
      await g1.kill9();
      const p = await failoverOf(farm, uuid, t0 - 1_000);
      const leader = await farm.cluster.waitForLeader();
      await farm.cluster.node(leader).kill9();
      try {
        const newPrimary = await eventually(
          'a new global primary',
          async () => {
            const a = await primaryAddress(farm, 'global', farm.cluster.running()[0]?.id).catch(
              () => '',
            );
            return a !== '' && a !== g1.address ? a : undefined;
          },
          30_000,
        );
        const port = farm.server(newPrimary).port;
        await waitShardsFollow(farm, port);
        const followMs = Date.now() - t0;
        state.stop = true;
        await writer;
        const survivors = [...l.global.filter((s) => s !== g1), ...shardServers(l)];
        for (const s of survivors)
          await eventually(`every acknowledged global write on ${s.address}`, async () => {
            const rows = await sql<{ id: number }>(s, `SELECT id FROM ${APP_DATABASE}.plans`);
            const have = new Set(rows.map((r) => r.id));
            return acked.every((id) => have.has(id)) ? true : undefined;
          });
        t.diagnostic(
          `global failover ${p.id}: every shard follows ${newPrimary} ${followMs} ms after the kill; ` +
            `${acked.length} acknowledged global writes, none lost on ${survivors.length} servers`,
        );
      } finally {
        state.stop = true;
        await writer;
        if (!farm.cluster.node(leader).running) farm.cluster.node(leader).start();
        await farm.cluster.waitForLeader();
      }
    },
  );

  await t.test(
    'shard primary killed: the new primary replicates from the global group',
    async () => {
      const old = await primaryOf(farm, 's1');
      const uuid = (await live(farm).groups.lookupServers('s1', { server: old }))[0]?.uuid ?? '';
      const t0 = Date.now();
      await farm.server(old).kill9();
      await failoverOf(farm, uuid, t0 - 1_000);
      const globalPrimary = await primaryOf(farm, 'global');
      const port = farm.server(globalPrimary).port;
      await waitShardsFollow(farm, port);
      await sql(
        farm.server(globalPrimary),
        `INSERT INTO ${APP_DATABASE}.plans (id, name) VALUES (5, 'late')`,
      );
      const fresh = farm.server(await primaryOf(farm, 's1'));
      await eventually('the global row on the new s1 primary', async () => {
        const rows = await sql(fresh, `SELECT id FROM ${APP_DATABASE}.plans WHERE id = 5`);
        return rows.length === 1 ? true : undefined;
      });
      t.diagnostic(
        `s1 failover: new primary ${fresh.address} linked ${Date.now() - t0} ms after the kill`,
      );
    },
  );

  await t.test('Fabric leader killed during enable-shard: enabled once, linked', async () => {
    const [shard] = (await shardsOf(farm, lastMap)).filter((s) => s.group_id === 's2');
    assert.ok(shard !== undefined);
    await run(farm, 'sharding.disable-shard', { shardId: shard.id });
    const s2 = farm.server(await primaryOf(farm, 's2'));
    assert.equal(await globalLink(s2), undefined, 'disable-shard removed the link');
    const requestId = randomUUID();
    const leader = await farm.cluster.waitForLeader();
    const submitted = await farm
      .client(leader)
      .submitProcedure('sharding.enable-shard', { shardId: shard.id }, requestId, false);
    await farm.cluster.node(leader).kill9();
    await restartingAfter(farm, leader, async () => {
      const via = farm.cluster.running()[0]?.id ?? 'n1';
      const p = await eventually(
        'enable-shard done',
        async () => {
          const r = await farm
            .client(via)
            .procedure(submitted.procedure?.id ?? '', false)
            .catch(() => undefined);
          return r?.procedure?.state === 'PROCEDURE_STATE_DONE' ? r.procedure : undefined;
        },
        30_000,
      );
      const all = await farm.client(via).procedures({ limit: 1000 });
      assert.equal(all.procedures.filter((x) => x.request_id === requestId).length, 1);
      const globalPort = farm.server(await primaryOf(farm, 'global')).port;
      await eventually('s2 linked again', async () => {
        const link = await globalLink(s2);
        return link?.port === globalPort && link.io === 'Yes' ? true : undefined;
      });
      t.diagnostic(`enable-shard ${p.id} finished on the new leader`);
    });
  });
});
