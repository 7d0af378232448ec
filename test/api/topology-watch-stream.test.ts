import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import type * as grpc from '@grpc/grpc-js';
import { WatchStream } from '../../src/api/topology-watch-stream.js';
import type { TopologyServiceWatchResponse } from '../../src/gen/fabric/v1/TopologyServiceWatchResponse.js';
import { FakeNode, populatedFarm } from './farm-harness.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

/** A server stream whose writes complete only when the test says so (a reader that does not read). */
class SlowCall extends EventEmitter {
  readonly request: { from_epoch: number; allow_stale: boolean };
  readonly written: TopologyServiceWatchResponse[] = [];
  #pending: (() => void) | undefined;
  status: Partial<grpc.StatusObject> | undefined;

  constructor(fromEpoch: number) {
    super();
    this.request = { from_epoch: fromEpoch, allow_stale: true };
    this.on('error', (s: Partial<grpc.StatusObject>) => {
      this.status = s;
    });
  }

  write(msg: TopologyServiceWatchResponse, cb: () => void): boolean {
    assert.equal(this.#pending, undefined, 'a second write while one is in flight');
    this.written.push(msg);
    this.#pending = cb;
    return false;
  }

  /** The reader catches up: the write in flight completes. */
  drain(): void {
    const cb = this.#pending;
    this.#pending = undefined;
    cb?.();
  }

  epochs(): number[] {
    return this.written.map((m) => Number(m.topology?.epoch));
  }
}

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

function open(call: SlowCall, farm = populatedFarm(), signal?: AbortSignal): WatchStream {
  const stream = new WatchStream(
    call as unknown as ConstructorParameters<typeof WatchStream>[0],
    new FakeNode(),
    farm,
    signal,
  );
  stream.start();
  return stream;
}

test(
  'topology watch: epochs applied while a write is in flight are coalesced into the latest',
  GUARD,
  async () => {
    const farm = populatedFarm();
    const call = new SlowCall(0);
    open(call, farm);
    await settle();
    const e0 = farm.model.topologyEpoch;
    assert.deepEqual(call.epochs(), [e0]);
    for (const w of [2, 3, 4])
      farm.change([{ type: 'server-set-weight', uuid: 'uuid-a', weight: w }]);
    assert.deepEqual(call.epochs(), [e0], 'nothing more is written while the reader lags');
    call.drain();
    assert.deepEqual(call.epochs(), [e0, e0 + 3], 'then only the latest topology');
    assert.equal(call.written[1]?.topology?.servers?.[0]?.weight, 4);
    call.drain();
    farm.applied();
    assert.equal(call.written.length, 2, 'no epoch moved: nothing sent');
  },
);

test(
  'topology watch: cancel unsubscribes; shutdown ends the stream with SHUTTING_DOWN',
  GUARD,
  async () => {
    const farm = populatedFarm();
    const cancelled = new SlowCall(farm.model.topologyEpoch);
    open(cancelled, farm);
    await settle();
    assert.equal(farm.listeners, 1);
    cancelled.emit('cancelled');
    assert.equal(farm.listeners, 0);
    farm.change([{ type: 'group-activate', groupId: 'g1' }]);
    assert.equal(cancelled.written.length, 0);

    const shutdown = new AbortController();
    const call = new SlowCall(farm.model.topologyEpoch);
    open(call, farm, shutdown.signal);
    await settle();
    shutdown.abort();
    assert.equal(farm.listeners, 0);
    assert.match(String(call.status?.details), /shutting down/);
    assert.equal(call.status?.metadata?.get('fabric-code')[0], 'SHUTTING_DOWN');
  },
);
