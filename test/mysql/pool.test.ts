/**
 * ServerPool failure handling against a real MariaDB instance and fake
 * endpoints: unreachable addresses fail fast with SERVER_UNREACHABLE,
 * MysqlFaults cuts and restores the link, statements that time out or fail
 * are reported by kind without passwords, and a restarted server is
 * reconnected transparently.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';

import { pino } from 'pino';

import { MysqlFaults, ServerPool } from '../../src/mysql/index.js';
import { isFabricError } from '../../src/util/fabric-error.js';
import type { FabricErrorCode } from '../../src/util/fabric-error.js';
import { freePorts } from '../../src/util/free-ports.js';
import { silentLogger } from '../../src/util/logger.js';
import type { Logger } from '../../src/util/logger.js';
import { ROOT, connectAs, startFleet } from './fleet.js';
import type { Fleet } from './fleet.js';

let fleet: Fleet;
const faults = new MysqlFaults();
const logLines: string[] = [];
let pool: ServerPool;

function captureLogger(): Logger {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  return pino({ level: 'debug' }, sink);
}

function failsWith(code: FabricErrorCode, pattern: RegExp) {
  return (e: unknown): boolean => {
    assert.ok(isFabricError(e, code), String(e));
    assert.match(e.message, pattern);
    return true;
  };
}

before(async () => {
  fleet = await startFleet(1, { connectTimeoutMs: 300 });
  pool = new ServerPool(fleet.settings, captureLogger(), faults);
});

after(async () => {
  await pool.close();
  await fleet.stop();
});

test('pool: info reports the engine, version and server id', async () => {
  const info = await pool.server(fleet.servers[0]!.address).info();
  assert.deepEqual(
    { address: info.address, engine: info.engine, serverId: info.serverId },
    { address: fleet.servers[0]!.address, engine: 'mariadb', serverId: 1 },
  );
  assert.match(info.version, /^10\.\d+\.\d+-MariaDB/);
});

test('pool: nothing listening is SERVER_UNREACHABLE, connection refused', async () => {
  const [port] = await freePorts(1);
  await assert.rejects(
    pool.server(`127.0.0.1:${port}`).probe(),
    failsWith(
      'SERVER_UNREACHABLE',
      new RegExp(`^cannot connect to the server at 127.0.0.1:${port}: connection refused`),
    ),
  );
});

test('pool: a peer that never answers the handshake hits the connect timeout', async (t) => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((s) => {
    sockets.push(s);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    sockets.forEach((s) => s.destroy());
    silent.close();
  });
  const port = (silent.address() as net.AddressInfo).port;
  await assert.rejects(
    pool.server(`127.0.0.1:${port}`).gtidExecuted(),
    failsWith('SERVER_UNREACHABLE', /no answer within the connect timeout of 300 ms/),
  );
});

test('pool: MysqlFaults.block cuts the link, in flight too, and unblock restores it', async () => {
  const address = fleet.servers[0]!.address;
  const server = pool.server(address);
  await server.probe();
  faults.block(address);
  assert.ok(faults.isBlocked(address));
  await assert.rejects(server.probe(), failsWith('SERVER_UNREACHABLE', /link is cut/));
  await assert.rejects(
    server.setReadOnly(true),
    failsWith('SERVER_UNREACHABLE', new RegExp(address)),
  );
  faults.unblock(address);
  assert.equal(
    await server.isReadOnly(),
    false,
    'the blocked setReadOnly never reached the server',
  );

  // Cut while a wait is in flight: its answer is lost as on a real network.
  const pending = server.waitForGtids('0-1-999999', 300);
  faults.block(address);
  await assert.rejects(pending, failsWith('SERVER_UNREACHABLE', /link is cut/));
  faults.unblock(address);
  assert.equal((await server.probe()).info.serverId, 1);
});

test('pool: a failed statement names its kind and never shows the replication password', async () => {
  const server = pool.server(fleet.servers[0]!.address);
  await assert.rejects(server.replicateFrom({ host: '', port: 3306 }), (e: unknown) => {
    assert.ok(isFabricError(e, 'SERVER_QUERY_FAILED'), String(e));
    assert.match(e.message, /^CHANGE MASTER failed on the server at 127\.0\.0\.1:\d+: /);
    assert.equal(e.details.statement, 'CHANGE MASTER');
    assert.ok(
      !JSON.stringify([e.message, e.details, String(e.cause)]).includes(
        fleet.accounts.replication.password,
      ),
    );
    return true;
  });
  await server.resetReplica();
  await assert.rejects(
    server.waitForGtids('not a gtid', 100),
    failsWith('INVALID_ARGUMENT', /"not a gtid"/),
  );
});

test('pool: a restarted server is reconnected without an error', async () => {
  const server = pool.server(
    fleet.servers[0]!.address,
    await pool.server(fleet.servers[0]!.address).identity(true),
  );
  await Promise.all([server.probe(), server.probe(), server.probe()]);
  await fleet.servers[0]!.restart();
  assert.equal((await server.probe()).info.serverId, 1);
});

test('pool: a statement that outlives queryTimeoutMs is unreachable, and the pool recovers', async (t) => {
  const server = fleet.servers[0]!;
  const short = new ServerPool({ ...fleet.settings, queryTimeoutMs: 300 }, silentLogger());
  t.after(() => short.close());
  const root = await connectAs(server, ROOT);
  t.after(() => {
    root.destroy();
  });
  await root.query('SET SESSION sql_log_bin = 0');
  await root.query('CREATE DATABASE IF NOT EXISTS locks');
  await root.query('CREATE TABLE IF NOT EXISTS locks.t (a INT)');
  // SET GLOBAL read_only waits for other sessions' table locks (MariaDB manual, read_only).
  await root.query('LOCK TABLES locks.t WRITE');
  await assert.rejects(
    short.server(server.address).setReadOnly(true),
    failsWith('SERVER_UNREACHABLE', /did not answer SET GLOBAL read_only=ON within 300 ms/),
  );
  await root.query('UNLOCK TABLES');
  assert.equal((await short.server(server.address).probe()).info.serverId, 1);
});

test('pool: logs never contain a password', () => {
  const all = logLines.join('');
  assert.ok(all.includes('connected to managed server'), 'the pool did log');
  for (const p of [fleet.accounts.admin.password, fleet.accounts.replication.password]) {
    assert.ok(!all.includes(p));
  }
});

test('pool: bad addresses are refused, and a closed pool says it is shutting down', async () => {
  assert.throws(() => pool.server('no-port'), failsWith('INVALID_ARGUMENT', /host:port/));
  const closed = new ServerPool(fleet.settings, silentLogger());
  await closed.close();
  await assert.rejects(
    closed.server(fleet.servers[0]!.address).info(),
    failsWith('SHUTTING_DOWN', /closed/),
  );
});
