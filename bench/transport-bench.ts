/**
 * Loopback throughput of the peer transport: two PeerTransports in one
 * process over plaintext gRPC on 127.0.0.1, 'app' messages carrying
 * `--size`-byte entries, sent as fast as the receiver keeps up (at most
 * --outstanding entries sent but not yet delivered, so the send queue never
 * overflows). Sender and receiver share one event loop and one core: a real
 * two-host link has each side on its own CPU.
 *
 *   npx tsx bench/transport-bench.ts [--seconds 3 --runs 3 --size 256 --outstanding 8192]
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import * as grpc from '@grpc/grpc-js';

import type { Entry, Message } from '../src/raft/index.js';
import { PeerTransport, peerServerOptions, serverCredentials } from '../src/transport/index.js';
import type { TransportStats } from '../src/transport/index.js';
import { silentLogger } from '../src/util/logger.js';
import { median } from '../test/cluster/stats.js';
import { machineDescription } from './machine.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    runs: { type: 'string', default: '3' },
    size: { type: 'string', default: '256' },
    outstanding: { type: 'string', default: '8192' },
  },
});
const seconds = Number(values.seconds);
const runs = Number(values.runs);
const size = Number(values.size);
const outstanding = Number(values.outstanding);

interface Scenario {
  readonly name: string;
  /** Messages per send() call (one send() per event-loop turn). */
  readonly perSend: number;
  readonly entriesPerMessage: number;
}

const SCENARIOS: readonly Scenario[] = [
  { name: '1 msg per send(), 1 entry each', perSend: 1, entriesPerMessage: 1 },
  { name: '64 msgs per send(), 1 entry each', perSend: 64, entriesPerMessage: 1 },
  { name: '256 msgs per send(), 1 entry each', perSend: 256, entriesPerMessage: 1 },
  { name: '16 msgs per send(), 64 entries each', perSend: 16, entriesPerMessage: 64 },
];

interface Result {
  readonly messagesPerSec: number;
  readonly entriesPerSec: number;
  readonly mibPerSec: number;
  readonly messagesPerBatch: number;
  readonly dropped: number;
}

function appMessages(s: Scenario): Message[] {
  const data = new Uint8Array(size).fill(7);
  return Array.from({ length: s.perSend }, (_, i) => {
    const first = i * s.entriesPerMessage + 1;
    const entries: Entry[] = Array.from({ length: s.entriesPerMessage }, (_, j) => ({
      type: 'normal',
      term: 1,
      index: first + j,
      data,
    }));
    return {
      type: 'app',
      from: 'a',
      to: 'b',
      term: 1,
      index: first - 1,
      logTerm: 1,
      entries,
      commit: 0,
    };
  });
}

async function pair(
  onMessage: () => void,
): Promise<{ a: PeerTransport; close: () => Promise<void> }> {
  const security = { kind: 'plaintext' } as const;
  const quiet = { onUnreachable: () => undefined, onSnapshotStatus: () => undefined };
  const common = { clusterId: 'bench', security, logger: silentLogger() };
  const a = new PeerTransport({
    ...common,
    nodeId: 'a',
    handler: { ...quiet, onMessage: () => undefined },
  });
  const b = new PeerTransport({ ...common, nodeId: 'b', handler: { ...quiet, onMessage } });
  const server = new grpc.Server(peerServerOptions());
  b.register(server);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', serverCredentials(security), (err, p) => {
      if (err === null) resolve(p);
      else reject(err);
    });
  });
  a.setPeer('b', `127.0.0.1:${port}`);
  return {
    a,
    close: async () => {
      await Promise.all([a.close(), b.close()]);
      server.forceShutdown();
    },
  };
}

async function run(s: Scenario): Promise<Result> {
  let delivered = 0;
  let lastDelivery = 0;
  const { a, close } = await pair(() => {
    delivered++;
    lastDelivery = performance.now();
  });
  const msgs = appMessages(s);
  // Warm up the stream (connection, JIT) before the clock starts.
  a.send(msgs);
  while (delivered < msgs.length) await nextTurn();
  delivered = 0;
  let sent = 0;
  const t0 = performance.now();
  const entriesPerSend = msgs.length * s.entriesPerMessage;
  while (performance.now() - t0 < seconds * 1000) {
    if ((sent - delivered) * s.entriesPerMessage + entriesPerSend <= outstanding) {
      a.send(msgs);
      sent += msgs.length;
    }
    await nextTurn();
  }
  const drainBy = performance.now() + 10_000;
  while (delivered < sent && performance.now() < drainBy) await nextTurn();
  const elapsed = (lastDelivery - t0) / 1000;
  const st: TransportStats = a.stats();
  await close();
  const perSec = delivered / elapsed;
  return {
    messagesPerSec: perSec,
    entriesPerSec: perSec * s.entriesPerMessage,
    mibPerSec: (perSec * s.entriesPerMessage * size) / 2 ** 20,
    messagesPerBatch: st.messagesSent / st.batchesSent,
    dropped: sent - delivered,
  };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

console.log(
  `command: npx tsx bench/transport-bench.ts --seconds ${seconds} --runs ${runs} --size ${size} --outstanding ${outstanding}`,
);
console.log(`machine: ${machineDescription()}`);
console.log(
  `2 PeerTransports in one process, plaintext loopback, ${size}-byte entries, median of ${runs} runs`,
);
console.log(
  'scenario                            | messages/s | entries/s  | MiB/s | msgs/batch | dropped',
);
for (const s of SCENARIOS) {
  const rs: Result[] = [];
  for (let i = 0; i < runs; i++) rs.push(await run(s));
  const m = (f: (r: Result) => number): number => median(rs.map(f));
  console.log(
    `${s.name.padEnd(35)} | ${fmt(m((r) => r.messagesPerSec)).padStart(10)} | ${fmt(m((r) => r.entriesPerSec)).padStart(10)} | ${m(
      (r) => r.mibPerSec,
    )
      .toFixed(1)
      .padStart(5)} | ${m((r) => r.messagesPerBatch)
      .toFixed(1)
      .padStart(10)} | ${Math.max(...rs.map((r) => r.dropped))}`,
  );
}
