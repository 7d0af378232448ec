import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupHealth } from '../../src/detector/runtime/server-health.js';
import type { ServerConnector } from '../../src/executor/farm/index.js';
import type { ServerHandle, ServerProbe } from '../../src/mysql/index.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { farm } from '../fabric/helpers.js';

const SETTINGS = { lagThresholdS: 30, fence: 'none', fenceCommand: [] } as const;

/** Servers answering from a table: a probe, or the error every call rejects with. */
function connector(answers: Readonly<Record<string, ServerProbe | Error>>): ServerConnector {
  const handle = (address: string): ServerHandle => {
    const a = answers[address] ?? new Error(`no answer from ${address}`);
    const answer = <T>(v: T): Promise<T> =>
      a instanceof Error ? Promise.reject(a) : Promise.resolve(v);
    return {
      address,
      probe: () => answer(a as ServerProbe),
      semiSync: () => answer({ source: false, replica: false, timeoutMs: null }),
      gtidHistory: () => answer(''),
      channelStatus: () => answer(undefined),
      gtidDomainId: () => answer(0),
    } as unknown as ServerHandle;
  };
  return { server: handle, forget: () => Promise.resolve() };
}

test('health: a server that refuses fabric-ha\'s account is named "access denied", not unreachable', async () => {
  const denied = new FabricError(
    'SERVER_ACCESS_DENIED',
    "the server at db-a:3306 refused the connection: access denied for user 'fabric'",
  );
  const h = await groupHealth(
    farm(),
    connector({ 'db-a:3306': denied, 'db-b:3306': new FabricError('SERVER_UNREACHABLE', 'cut') }),
    'g1',
    SETTINGS,
  );
  const a = h.find((s) => s.uuid === 'a');
  assert.match(a?.issues.join('\n') ?? '', /^access denied \(the server answers/);
  assert.doesNotMatch(a?.issues.join('\n') ?? '', /unreachable/);
  assert.match(h.find((s) => s.uuid === 'b')?.issues.join('\n') ?? '', /^unreachable: cut/);
});

/** A healthy read-only replica of `host:port`. */
function replicaOf(address: string, host: string, port: number): ServerProbe {
  return {
    info: { address, engine: 'mariadb', version: '10.11', serverId: 1 },
    uuid: undefined,
    readOnly: true,
    gtidExecuted: '',
    replica: {
      sourceHost: host,
      sourcePort: port,
      ioRunning: 'Yes',
      sqlRunning: true,
      ioErrno: 0,
      ioError: '',
      sqlErrno: 0,
      sqlError: '',
      secondsBehind: 0,
      receivedGtids: '',
      receivedHeartbeats: null,
      heartbeatPeriodMs: null,
      readPosition: '',
      relayLogApplied: true,
      sqlState: '',
    },
  } as unknown as ServerProbe;
}

test("health: a server replicating from another group's server is flagged, primary or not", async () => {
  // g1 (a, b) has no primary yet; b replicates from c, a server of g2.
  const m = farm();
  const h = await groupHealth(
    m,
    connector({
      'db-a:3306': replicaOf('db-a:3306', 'db-a', 3306),
      'db-b:3306': replicaOf('db-b:3306', 'db-c', 3306),
    }),
    'g1',
    SETTINGS,
  );
  assert.deepEqual(h.find((s) => s.uuid === 'b')?.issues, [
    'replicates from db-c:3306 (the SECONDARY of group g2, another group); the group has no primary',
  ]);
});
