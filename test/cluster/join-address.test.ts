import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FabricCallError } from '../../src/client/index.js';
import { TestCluster, sleep } from './cluster.js';

const GUARD = { timeout: 120_000 };

/** A fresh node whose copied cluster file advertises `advertise` (it still listens on its own port). */
async function joinerAdvertising(c: TestCluster, id: string, advertise: string) {
  const n = await c.newNode(id);
  const text = readFileSync(n.configFile, 'utf8');
  assert.match(text, /^listen = .*$/m);
  writeFileSync(n.configFile, text.replace(/^(listen = .*)$/m, `$1\nadvertise = "${advertise}"`));
  return n;
}

async function logSays(
  c: TestCluster,
  id: string,
  pattern: RegExp,
  timeoutMs: number,
): Promise<string> {
  const file = path.join(c.dir, `${id}.log`);
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = '';
    }
    if (pattern.test(text)) return text;
    await sleep(100);
  }
  assert.fail(`${id}.log does not say ${String(pattern)} within ${timeoutMs} ms:\n${text}`);
}

test(
  "join: another member's address is refused at once, by the leader and by the joiner",
  GUARD,
  async () => {
    const c = await TestCluster.start(3);
    try {
      const leader = await c.waitForLeader();
      const n1 = c.node('n1').address;
      await assert.rejects(c.client(leader).addNode('n9', n1, 5_000), (e: unknown) => {
        assert.ok(e instanceof FabricCallError);
        assert.equal(e.code, 'NODE_EXISTS');
        assert.match(
          e.message,
          new RegExp(`address ${n1} is member n1's; node n9 must advertise an address of its own`),
        );
        return true;
      });
      const copied = await joinerAdvertising(c, 'n4', n1);
      copied.start(['--join', c.node('n2').address]);
      const started = Date.now();
      assert.notEqual(await copied.exited(), 0);
      assert.ok(Date.now() - started < 20_000, 'fails within seconds');
      await logSays(
        c,
        'n4',
        /advertise = \\?"127\.0\.0\.1:\d+\\?" is the address of member n1/,
        1_000,
      );
    } finally {
      await c.stop();
    }
  },
);

test('join: a join the leader cannot reach says why within seconds', GUARD, async () => {
  const c = await TestCluster.start(3);
  try {
    await c.waitForLeader();
    // Nothing listens on port 1: the leader adds the learner there and never reaches it.
    const lost = await joinerAdvertising(c, 'n4', '127.0.0.1:1');
    lost.start(['--join', c.node('n1').address]);
    await logSays(
      c,
      'n4',
      /join not finished after \d+ s: .*nothing has reached it from the leader: check that \[node\] advertise/,
      15_000,
    );
  } finally {
    await c.stop();
  }
});
