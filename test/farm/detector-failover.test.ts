/**
 * The failure detector end to end: a real 3-process Fabric cluster with
 * default [failure_detector] settings managing three real MariaDB servers.
 * A client's report-failure about a healthy primary, and a link cut between
 * the leader alone and the primary ([testing] block_servers), cause no
 * failover; kill -9 of the primary's mariadbd does, with the evidence of a
 * majority in the procedure's history; the cooldown holds a second
 * automatic failover back while an operator may still promote; a failed
 * primary that comes back writable is fenced read-only.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Command } from 'commander';
import { registerThreatCommands } from '../../src/cli/threat-commands.js';
import type { FabricClient } from '../../src/client/index.js';
import type { Procedure__Output } from '../../src/gen/fabric/v1/Procedure.js';
import type { ProbeRound__Output } from '../../src/gen/fabric/v1/ProbeRound.js';
import { NodeProcess } from '../cluster/node-process.js';
import { APP_DATABASE } from '../mysql/fleet.js';
import { primaryAddress, readOnlyFlags, setUpGroup, startFarm, withConnection } from './farm.js';
import type { Farm } from './farm.js';
import { eventually } from './eventually.js';
import { captureOutput } from '../cli/capture-output.js';

interface Evidence {
  readonly rule: string;
  readonly leader: { readonly node: string; readonly consecutiveFailures: number };
  readonly majority: { readonly needed: number; readonly failed: number };
  readonly nodes: readonly { readonly node: string; readonly state: string }[];
}

/** Each node's cluster file as the farm wrote it, before any [testing] table was added. */
const originalConfigs = new Map<string, string>();

/**
 * Restarts node `id` (clean SIGTERM) with this [testing] table appended to
 * its cluster file, or with the file as the farm wrote it.
 */
async function restartNode(farm: Farm, id: string, testingToml = ''): Promise<void> {
  const old = farm.cluster.node(id);
  await old.terminate();
  const original = originalConfigs.get(old.configFile) ?? readFileSync(old.configFile, 'utf8');
  originalConfigs.set(old.configFile, original);
  writeFileSync(old.configFile, testingToml === '' ? original : `${original}\n${testingToml}\n`);
  const fresh = new NodeProcess(id, old.address, old.configFile, farm.cluster.opts.env);
  farm.cluster.nodes.set(id, fresh);
  fresh.start();
  await farm.cluster.waitForLeader();
}

async function makeLeader(farm: Farm, id: string): Promise<void> {
  await eventually(`${id} leads`, async () => {
    const leader = await farm.cluster.waitForLeader();
    if (leader === id) return true;
    await farm.client(leader).transferLeadership(id);
    return (await farm.cluster.waitForLeader()) === id ? true : undefined;
  });
}

/** The node's log lines (pino JSON) whose message matches. */
function logLines(farm: Farm, id: string, msg: RegExp): Record<string, unknown>[] {
  const file = path.join(farm.cluster.dir, `${id}.log`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => typeof l.msg === 'string' && msg.test(l.msg));
}

async function failovers(c: FabricClient): Promise<Procedure__Output[]> {
  const { procedures } = await c.procedures({ limit: 1000 });
  return procedures.filter((p) => p.name === 'group.failover');
}

/** Runs `fabric threat …` in-process and returns what it printed. */
function cli(...args: string[]): Promise<string> {
  const program = new Command('fabric').exitOverride();
  registerThreatCommands(program);
  return captureOutput(program, ['threat', ...args]);
}

function evidenceOf(round: ProbeRound__Output): Evidence {
  assert.notEqual(round.evidence_json, '', `no evidence: ${round.detail}`);
  return JSON.parse(round.evidence_json) as Evidence;
}

test('detector: end to end on real MariaDB', async (t) => {
  const farm = await startFarm(t);
  await setUpGroup(farm);
  const [s1, s2, s3] = farm.fleet.servers as [
    (typeof farm.fleet.servers)[0],
    (typeof farm.fleet.servers)[0],
    (typeof farm.fleet.servers)[0],
  ];
  const uuidOf = async (address: string): Promise<string> =>
    (await farm.client().groups.lookupServers('g1', { server: address }))[0]?.uuid ?? '';
  const s1Uuid = await uuidOf(s1.address);

  await t.test('report-failure about a healthy primary: REACHABLE, nothing submitted', async () => {
    const leader = await farm.cluster.waitForLeader();
    const round = await farm.clientExcept(leader).threats.reportFailure(s1.address, {
      reporter: 'test-client',
      error: 'it looked dead to me',
    });
    assert.equal(round.verdict, 'THREAT_VERDICT_REACHABLE', round.detail);
    assert.equal(round.server_uuid, s1Uuid);
    const via = ['--address', farm.cluster.node(leader).address, '--reporter', 'cli'];
    assert.equal(
      await cli('report-failure', s1.address, ...via),
      `REACHABLE: ${s1.address} answered the leader's probe: nothing to do\n`,
    );
    assert.equal(
      await cli('report-error', s1.address, ...via, '--error', 'timeout'),
      `${s1.address}: 1 report(s) from 1 reporter(s) in the window; no probe round yet\n`,
    );
    assert.deepEqual(await failovers(farm.client(leader)), []);
  });

  await t.test(
    'a link cut between the leader alone and the primary: the leader suspects it, nothing is failed over',
    async () => {
      const leader = await farm.cluster.waitForLeader();
      await restartNode(farm, leader, `[testing]\nblock_servers = ["${s1.address}"]`);
      await makeLeader(farm, leader);
      // The leader has judged, and logged, that the others disagree.
      await eventually('the leader logs its unconfirmed suspicion', () =>
        Promise.resolve(
          logLines(farm, leader, /other views do not agree/).find(
            (l) => (l.address as string) === s1.address,
          ),
        ),
      );
      const round = await farm
        .clientExcept(leader)
        .threats.reportFailure(s1Uuid, { reporter: 'test-client' });
      assert.equal(round.verdict, 'THREAT_VERDICT_SUSPECTED', round.detail);
      const ev = evidenceOf(round);
      assert.equal(ev.leader.node, leader);
      assert.ok(ev.leader.consecutiveFailures >= 3);
      assert.deepEqual(
        ev.nodes.map((n) => `${n.node}:${n.state}`),
        ['n1', 'n2', 'n3'].map((n) => `${n}:${n === leader ? 'failed' : 'ok'}`),
      );
      assert.equal(ev.majority.needed, 2);
      assert.equal(ev.majority.failed, 1);
      assert.deepEqual(await failovers(farm.client(leader)), []);
      assert.equal(await primaryAddress(farm, 'g1', leader), s1.address);
      await withConnection(s1, farm.fleet.accounts.app, APP_DATABASE, (c) =>
        c.query('INSERT INTO t VALUES (1, "the primary still takes writes")'),
      );
      await restartNode(farm, leader);
    },
  );

  await t.test(
    'kill -9 of the primary: group.failover is submitted with a majority’s evidence and completes',
    async () => {
      const leader = await farm.cluster.waitForLeader();
      const t0 = Date.now();
      await s1.kill9();
      const p = await eventually('a group.failover of the killed primary', async () =>
        (await failovers(farm.client(leader))).find(
          (x) => (JSON.parse(x.args_json) as { server?: string }).server === s1Uuid,
        ),
      );
      t.diagnostic(`declared dead ${p.submitted_at_ms - t0} ms after the kill`);
      const args = JSON.parse(p.args_json) as {
        group: string;
        automatic: boolean;
        evidence: Evidence;
      };
      assert.equal(args.group, 'g1');
      assert.equal(args.automatic, true);
      assert.match(args.evidence.rule, /majority|secondaries/);
      const failed = args.evidence.nodes.filter((n) => n.state === 'failed').map((n) => n.node);
      if (args.evidence.rule.startsWith('majority')) assert.ok(failed.length >= 2, failed.join());
      assert.ok(failed.includes(args.evidence.leader.node));
      const done = await farm.client(leader).waitProcedure(p.id, 60_000);
      assert.equal(done.procedure?.state, 'PROCEDURE_STATE_DONE', JSON.stringify(done.procedure));
      const next = await primaryAddress(farm);
      assert.ok([s2.address, s3.address].includes(next), next);
      const [old] = await farm.client().groups.lookupServers('g1', { server: s1.address });
      assert.equal(old?.status, 'SERVER_STATUS_FAULTY');
    },
  );

  await t.test(
    'within the cooldown a second dead primary is not failed over automatically; an operator may promote',
    async () => {
      const dead = await primaryAddress(farm);
      const survivor = dead === s2.address ? s3 : s2;
      await farm.server(dead).kill9();
      const round = await eventually('the detector holds the failover back', async () => {
        const r = await farm.client().threats.reportFailure(dead, { reporter: 'test-client' });
        assert.notEqual(r.verdict, 'THREAT_VERDICT_DEAD', r.detail);
        return r.detail.includes('cooldown') ? r : undefined;
      });
      assert.equal(round.verdict, 'THREAT_VERDICT_SUSPECTED');
      assert.equal(evidenceOf(round).rule.startsWith('majority'), true);
      assert.equal((await failovers(farm.client())).length, 1, 'still only the first failover');
      const p = await farm.client().groups.promote('g1', { force: true });
      assert.equal(p.state, 'PROCEDURE_STATE_DONE');
      assert.equal(await primaryAddress(farm), survivor.address);
    },
  );

  await t.test('a FAULTY former primary that comes back writable is fenced read-only', async () => {
    await s1.restart({ readOnly: false });
    await eventually('s1 is read-only again', async () =>
      (await readOnlyFlags(farm))[0] === true ? true : undefined,
    );
    const [row] = await farm.client().groups.lookupServers('g1', { server: s1.address });
    assert.equal(row?.status, 'SERVER_STATUS_FAULTY', 'fencing does not rejoin it');
  });
});
