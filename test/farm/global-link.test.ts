/**
 * The global group on real MariaDB (issue 12): a global group and two
 * shard groups of real servers, managed by the real farm procedures in
 * this process (in-process-farm.ts), linked with linkShardGroup. Global
 * DDL and rows reach every server of every shard group; unlinking stops
 * them; a shard switchover moves the link to the new shard primary and a
 * global switchover or failover repoints every shard primary, and global
 * writes keep arriving everywhere; each group writes in its own gtid domain.
 * A global failover where a shard primary alone holds the dead primary's
 * last global transactions fetches them onto the new global primary first
 * (global-catchup.ts), so every server ends with one global GTID history.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import {
  GLOBAL_LINK_CHANNEL,
  linkShardGroup,
  unlinkShardGroup,
} from '../../src/executor/sharding/global-link.js';
import { catchUpFromShards } from '../../src/executor/farm/global-catchup.js';
import type { LocalMariadb } from '../../src/mysql/index.js';
import { groupHealth } from '../../src/detector/runtime/server-health.js';
import { APP_DATABASE, connectAs, useFleet } from '../mysql/fleet.js';
import type { Fleet } from '../mysql/fleet.js';
import { eventually } from './eventually.js';
import { InProcessFarm } from './in-process-farm.js';

const GLOBAL = 'global';
const SHARDS = ['s1', 's2'] as const;

interface World {
  readonly fleet: Fleet;
  readonly farm: InProcessFarm;
  /** Servers by group, the first one the primary at the start. */
  readonly groups: Readonly<Record<string, readonly LocalMariadb[]>>;
}

/** Six servers: the global group and two shard groups of two each, each with its first server primary. */
async function world(t: TestContext, fleetStarted: (ms: number) => void): Promise<World> {
  const t0 = Date.now();
  const fleet = await useFleet(t, 6);
  fleetStarted(Date.now() - t0);
  const farm = new InProcessFarm(fleet.settings);
  t.after(() => farm.stop());
  const s = fleet.servers;
  const groups = {
    [GLOBAL]: [s[0], s[1]] as LocalMariadb[],
    s1: [s[2], s[3]] as LocalMariadb[],
    s2: [s[4], s[5]] as LocalMariadb[],
  };
  await Promise.all(
    Object.entries(groups).map(async ([group, members]) => {
      await farm.ok('group.create', { group });
      for (const m of members) await farm.ok('group.add', { group, address: m.address });
      await farm.ok('group.promote', { group, server: members[0]?.address ?? '' });
    }),
  );
  // The sharding procedures live on another branch: the model records they commit.
  await farm.ok('test.effects', {
    effects: [
      { type: 'shard-map-create', mapId: 1, mapType: 'RANGE', globalGroupId: GLOBAL },
      ...SHARDS.map((groupId, i) => ({
        type: 'shard-add',
        shardId: i + 1,
        mapId: 1,
        lowerBound: String(i * 1000),
        groupId,
        state: 'ENABLED',
      })),
    ],
  });
  return { fleet, farm, groups };
}

/** Global DDL and a row, written as the application on the global group's primary. */
async function writeGlobal(w: World, ids: readonly number[]): Promise<void> {
  const primary = w.fleet.servers.find((s) => s.address === primaryAddress(w, GLOBAL));
  assert.ok(primary, 'the global group has a primary');
  const c = await connectAs(primary, w.fleet.accounts.app);
  try {
    await c.query(`CREATE DATABASE IF NOT EXISTS ${APP_DATABASE}`);
    await c.query(`CREATE TABLE IF NOT EXISTS ${APP_DATABASE}.g (id INT PRIMARY KEY)`);
    for (const id of ids) await c.query(`INSERT INTO ${APP_DATABASE}.g VALUES (?)`, [id]);
  } finally {
    await c.end();
  }
}

function primaryAddress(w: World, group: string): string {
  const uuid = w.farm.model.group(group)?.primary ?? '';
  return w.farm.model.server(uuid)?.address ?? '';
}

async function globalIds(w: World, s: LocalMariadb): Promise<Set<number>> {
  const c = await connectAs(s, w.fleet.accounts.admin);
  try {
    const [rows] = await c.query(`SELECT id FROM ${APP_DATABASE}.g`);
    return new Set((rows as { id: number }[]).map((r) => r.id));
  } finally {
    await c.end();
  }
}

/** Waits until every live server of every shard group holds every id (DDL included: the table exists). */
async function arrivesEverywhere(w: World, ids: readonly number[]): Promise<void> {
  const servers = SHARDS.flatMap((g) => w.groups[g] ?? []).filter(
    (s) => w.farm.model.serverByAddress(s.address)?.status !== 'FAULTY',
  );
  await eventually(
    `global rows ${ids.join(',')} on every shard server`,
    async () => {
      const have = await Promise.all(servers.map((s) => globalIds(w, s)));
      return have.every((h) => ids.every((id) => h.has(id))) ? true : undefined;
    },
    15_000,
  );
}

/** The shard group primary's 'fabric_global' source, '' when it has none. */
async function linkSource(w: World, group: string): Promise<string> {
  const st = await w.farm.pool.server(primaryAddress(w, group)).channelStatus(GLOBAL_LINK_CHANNEL);
  return st === undefined ? '' : `${st.sourceHost}:${st.sourcePort}`;
}

/** Every server but the group's primary: none may carry the link. */
async function linksOffPrimaries(w: World): Promise<string[]> {
  const primaries = new Set(Object.keys(w.groups).map((g) => primaryAddress(w, g)));
  const others = w.fleet.servers.filter((s) => !primaries.has(s.address));
  const linked = await Promise.all(
    others.map(async (s) =>
      (await w.farm.pool.server(s.address).channelStatus(GLOBAL_LINK_CHANNEL)) === undefined
        ? ''
        : s.address,
    ),
  );
  return linked.filter((a) => a !== '');
}

function health(w: World, group: string): ReturnType<typeof groupHealth> {
  return groupHealth(w.farm.model, w.farm.pool, group, {
    lagThresholdS: 30,
    fence: 'none',
    fenceCommand: [],
  });
}

async function linkAll(w: World): Promise<void> {
  for (const g of SHARDS) await linkShardGroup(w.farm.deps, w.farm.context(), g, GLOBAL);
}

test('global link: on real MariaDB, global DDL and rows reach every shard server, and the link follows switchovers and failovers', async (t) => {
  const started = Date.now();
  let fleetMs = 0;
  const w = await world(t, (ms) => {
    fleetMs = ms;
  });
  const timings: string[] = [`servers ${fleetMs} ms`, `set-up ${Date.now() - started} ms`];
  const lap = async (what: string, fn: () => Promise<void>): Promise<void> => {
    const t0 = Date.now();
    await fn();
    timings.push(`${what} ${Date.now() - t0} ms`);
  };

  await t.test(
    'global link: every group writes in its own gtid domain, set on all its servers',
    async () => {
      const domains = Object.keys(w.groups).map((g) => w.farm.model.group(g)?.gtidDomainId);
      assert.deepEqual(new Set(domains).size, 3, `distinct domains ${domains.join(',')}`);
      assert.ok(domains.every((d) => d !== undefined && d >= 1));
      for (const [g, members] of Object.entries(w.groups))
        for (const s of members)
          assert.equal(
            await w.farm.pool.server(s.address).gtidDomainId(),
            w.farm.model.group(g)?.gtidDomainId,
            `${s.address} in ${g}`,
          );
    },
  );

  await t.test(
    'global link: linked shard groups receive global DDL and rows on every server; linking twice changes nothing',
    async () => {
      await lap('link + first rows', async () => {
        await linkAll(w);
        await writeGlobal(w, [1, 2]);
        await arrivesEverywhere(w, [1, 2]);
      });
      for (const g of SHARDS) assert.equal(await linkSource(w, g), primaryAddress(w, GLOBAL));
      const before = await w.farm.pool
        .server(primaryAddress(w, 's1'))
        .channelStatus(GLOBAL_LINK_CHANNEL);
      await linkAll(w);
      const after = await w.farm.pool
        .server(primaryAddress(w, 's1'))
        .channelStatus(GLOBAL_LINK_CHANNEL);
      assert.equal(
        after?.readPosition,
        before?.readPosition,
        'an idempotent link is not restarted',
      );
      assert.deepEqual(await linksOffPrimaries(w), []);
    },
  );

  await t.test(
    'global link: unlink stops global changes reaching the shard group; relinking catches up',
    async () => {
      await unlinkShardGroup(w.farm.deps, w.farm.context(), 's2');
      await unlinkShardGroup(w.farm.deps, w.farm.context(), 's2');
      assert.equal(await linkSource(w, 's2'), '');
      // health says so, and names a server that writes in the wrong domain
      // (what a restart without gtid_domain_id in the configuration does).
      const secondary = w.groups.s2?.[1];
      await w.farm.pool.server(secondary?.address ?? '').ensureGtidDomainId(0);
      const issues = (await health(w, 's2')).flatMap((h) => h.issues);
      assert.ok(
        issues.some((i) => i.includes('has no global link from the global group global')),
        issues.join('\n'),
      );
      assert.ok(
        issues.some((i) => i.includes("writes in gtid_domain_id 0, not its group's")),
        issues.join('\n'),
      );
      await writeGlobal(w, [3]);
      // s1, still linked, has it: had s2 been linked it would have it by now too.
      await eventually('row 3 on s1', async () =>
        (await Promise.all((w.groups.s1 ?? []).map((s) => globalIds(w, s)))).every((h) => h.has(3))
          ? true
          : undefined,
      );
      for (const s of w.groups.s2 ?? []) assert.equal((await globalIds(w, s)).has(3), false);
      await linkShardGroup(w.farm.deps, w.farm.context(), 's2', GLOBAL);
      await arrivesEverywhere(w, [3]);
    },
  );

  await t.test(
    'global link: a shard switchover moves the link to the new shard primary; global writes still arrive everywhere',
    async () => {
      const [old, next] = w.groups.s1 ?? [];
      await lap('shard switchover', async () => {
        await w.farm.ok('group.promote', { group: 's1', server: next?.address ?? '' });
      });
      assert.equal(primaryAddress(w, 's1'), next?.address);
      assert.equal(await linkSource(w, 's1'), primaryAddress(w, GLOBAL));
      assert.equal(
        await w.farm.pool.server(old?.address ?? '').channelStatus(GLOBAL_LINK_CHANNEL),
        undefined,
        'the demoted shard primary lost the link',
      );
      await writeGlobal(w, [4, 5]);
      await arrivesEverywhere(w, [4, 5]);
      assert.deepEqual(await linksOffPrimaries(w), []);
      const rows = await health(w, 's1');
      assert.deepEqual(
        rows.flatMap((h) => h.issues),
        [],
        'health finds nothing wrong with the link or the domains',
      );
      const row = rows.find((h) => h.address === next?.address);
      assert.equal(row?.globalLink?.source, primaryAddress(w, GLOBAL));
    },
  );

  await t.test(
    'global link: a global switchover repoints every shard primary to the new global primary',
    async () => {
      const [, next] = w.groups[GLOBAL] ?? [];
      await lap('global switchover', async () => {
        await w.farm.ok('group.promote', { group: GLOBAL, server: next?.address ?? '' });
      });
      for (const g of SHARDS) assert.equal(await linkSource(w, g), next?.address, g);
      await writeGlobal(w, [6, 7]);
      await arrivesEverywhere(w, [6, 7]);
    },
  );

  await t.test(
    'global link: a shard failover links the new shard primary; global writes made after arrive',
    async () => {
      const dead = w.fleet.servers.find((s) => s.address === primaryAddress(w, 's2'));
      const [, survivor] = w.groups.s2 ?? [];
      await dead?.kill9();
      await writeGlobal(w, [9]);
      await lap('shard failover', async () => {
        await w.farm.ok('group.failover', { group: 's2', server: dead?.address ?? '' });
      });
      assert.equal(primaryAddress(w, 's2'), survivor?.address);
      assert.equal(
        await w.farm.pool.server(survivor?.address ?? '').gtidDomainId(),
        w.farm.model.group('s2')?.gtidDomainId,
        'the promotion set the domain again (the unlink test left it at 0)',
      );
      assert.equal(await linkSource(w, 's2'), primaryAddress(w, GLOBAL));
      await writeGlobal(w, [10]);
      await arrivesEverywhere(w, [9, 10]);
    },
  );

  await t.test(
    'global link: a global failover when a shard primary alone has the last global transactions: the new global primary fetches them first; every shard follows with the same global GTIDs',
    async () => {
      // Deterministic: the global secondary stops receiving, s2's link
      // too, so rows 11 and 12 reach s1's primary only (as a dying
      // primary's dump threads may leave them); then the primary dies.
      const dead = w.fleet.servers.find((s) => s.address === primaryAddress(w, GLOBAL));
      const [first] = w.groups[GLOBAL] ?? [];
      const s1Primary = primaryAddress(w, 's1');
      await w.farm.pool.server(first?.address ?? '').stopReceiving();
      await w.farm.pool
        .server(primaryAddress(w, 's2'))
        .setChannelRunning(GLOBAL_LINK_CHANNEL, false);
      await writeGlobal(w, [11, 12]);
      const s1Server = w.fleet.servers.find((s) => s.address === s1Primary);
      assert.ok(s1Server && first);
      await eventually('rows 11, 12 on the s1 primary', async () => {
        const ids = await globalIds(w, s1Server);
        return ids.has(11) && ids.has(12) ? true : undefined;
      });
      assert.equal((await globalIds(w, first)).has(11), false, 'the global secondary lacks row 11');
      await dead?.kill9();
      let p: Awaited<ReturnType<typeof w.farm.ok>> | undefined;
      await lap('global failover with catch-up from a shard', async () => {
        p = await w.farm.ok('group.failover', { group: GLOBAL, server: dead?.address ?? '' });
      });
      assert.equal(primaryAddress(w, GLOBAL), first.address);
      assert.equal(
        await w.farm.pool.server(first.address).channelStatus('fabric_catchup'),
        undefined,
        'the temporary connection is gone',
      );
      for (const g of SHARDS) assert.equal(await linkSource(w, g), first.address, g);
      assert.deepEqual(
        new Set([...(await globalIds(w, first))].filter((id) => id > 10)),
        new Set([11, 12]),
      );
      await arrivesEverywhere(w, [11, 12]);
      // DO_DOMAIN_IDS kept the shard's own domain out of the global group.
      const shardDomains = SHARDS.map((g) => w.farm.model.group(g)?.gtidDomainId);
      const globalDomains = (await w.farm.pool.server(first.address).gtidExecuted())
        .split(',')
        .map((g) => Number(g.split('-')[0]));
      assert.ok(
        shardDomains.every((d) => !globalDomains.includes(d ?? -1)),
        `global primary domains ${globalDomains.join(',')}, shard domains ${shardDomains.join(',')}`,
      );
      // A leader that resumes the step runs it again: it finds nothing to
      // fetch (it stops the links; relinking restarts them).
      const again = await catchUpFromShards(w.farm.deps, w.farm.context(), GLOBAL, {
        uuid: w.farm.model.group(GLOBAL)?.primary ?? '',
        address: first.address,
      });
      assert.equal(
        (again.output as { fetched?: unknown }).fetched,
        'nothing: no shard primary is ahead',
      );
      await linkAll(w);
      await writeGlobal(w, [13]);
      await arrivesEverywhere(w, [13]);
      assert.deepEqual(
        new Set([...(await globalIds(w, first))].filter((id) => id > 10)),
        new Set([11, 12, 13]),
      );
      // One global history: every live server's last GTID in the global domain is the same.
      const domain = w.farm.model.group(GLOBAL)?.gtidDomainId;
      const live = [first, ...SHARDS.flatMap((g) => w.groups[g] ?? [])].filter(
        (s) => w.farm.model.serverByAddress(s.address)?.status !== 'FAULTY',
      );
      await eventually('one global GTID everywhere', async () => {
        const last = await Promise.all(
          live.map(async (s) =>
            (await w.farm.pool.server(s.address).gtidExecuted())
              .split(',')
              .find((g) => g.startsWith(`${String(domain)}-`)),
          ),
        );
        return new Set(last).size === 1 && last[0] !== undefined ? true : undefined;
      });
      const rows = await Promise.all(SHARDS.map((g) => health(w, g)));
      assert.deepEqual(
        rows
          .flat()
          .filter((h) => w.farm.model.serverByAddress(h.address)?.status !== 'FAULTY')
          .flatMap((h) => h.issues),
        [],
        'health finds no diverged link on a live server',
      );
      // The way there: the new global primary fetched rows 11 and 12 from s1's primary.
      const step = p?.steps.find((x) => x.name === 'catch-up-from-shards');
      const fetched = (step?.output as { fetched?: { from?: string } } | undefined)?.fetched;
      assert.equal(fetched?.from, s1Primary, JSON.stringify(step?.output));
    },
  );
  t.diagnostic(`timings: ${timings.join(', ')}, total ${Date.now() - started} ms`);
});
