/** The loopback TCP proxy the split-brain tests cut links with, against a tiny echo server. */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { sleep } from '../cluster/cluster.js';
import { TcpProxy } from './tcp-proxy.js';

/** An echo server and a proxy in front of it, both closed when `t` ends. */
async function echoBehindProxy(t: TestContext): Promise<TcpProxy> {
  const echo: Server = createServer((s) => {
    s.on('error', () => undefined); // the proxy's resets
    s.pipe(s);
  });
  echo.listen(0, '127.0.0.1');
  await once(echo, 'listening');
  const proxy = await TcpProxy.start((echo.address() as AddressInfo).port);
  t.after(async () => {
    await proxy.close();
    echo.close();
  });
  return proxy;
}

/** A connected client whose received bytes accumulate in `text()`. */
async function client(t: TestContext, proxy: TcpProxy): Promise<{ s: Socket; text(): string }> {
  const s = createConnection({ host: '127.0.0.1', port: proxy.port });
  s.on('error', () => undefined);
  t.after(() => s.destroy());
  let got = '';
  s.on('data', (d: Buffer) => (got += d.toString()));
  await once(s, 'connect');
  return { s, text: () => got };
}

async function until(what: string, cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

test('tcp proxy: forwards both ways', async (t) => {
  const proxy = await echoBehindProxy(t);
  const c = await client(t, proxy);
  c.s.write('hello');
  await until('the echo', () => c.text() === 'hello');
  assert.equal(proxy.counters.accepted, 1);
  assert.equal(proxy.counters.active, 1);
});

test('tcp proxy: a blackhole stalls existing and new connections without closing them; heal delivers what was held', async (t) => {
  const proxy = await echoBehindProxy(t);
  const before = await client(t, proxy);
  before.s.write('a');
  await until('the first echo', () => before.text() === 'a');
  proxy.cut('blackhole');
  let closed = false;
  before.s.on('close', () => (closed = true));
  before.s.write('b');
  const during = await client(t, proxy);
  during.s.write('c');
  await sleep(300);
  assert.equal(before.text(), 'a', 'nothing crosses a blackhole');
  assert.equal(during.text(), '');
  assert.equal(closed, false, 'no FIN or RST during a blackhole');
  assert.equal(proxy.counters.held, 1, 'the new connection is held, not connected upstream');
  proxy.heal();
  await until('the held echoes', () => before.text() === 'ab' && during.text() === 'c');
  before.s.write('d');
  await until('a fresh echo', () => before.text() === 'abd');
  assert.equal(proxy.counters.held, 0);
});

test('tcp proxy: a reset closes existing connections and refuses new ones until healed', async (t) => {
  const proxy = await echoBehindProxy(t);
  const before = await client(t, proxy);
  // events.once would reject on the ECONNRESET that comes first.
  const closed = new Promise((resolve) => before.s.on('close', resolve));
  proxy.cut('reset');
  await closed;
  const refused = createConnection({ host: '127.0.0.1', port: proxy.port });
  refused.on('error', () => undefined);
  await new Promise((resolve) => refused.on('close', resolve));
  assert.equal(proxy.counters.active, 0);
  assert.equal(proxy.counters.reset, 2);
  proxy.heal();
  const after = await client(t, proxy);
  after.s.write('back');
  await until('the echo after heal', () => after.text() === 'back');
});
