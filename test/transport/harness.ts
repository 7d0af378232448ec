/**
 * Test harness for the peer transport: real gRPC servers on 127.0.0.1 with
 * ports chosen by the OS, a logger whose lines the test can read, and a
 * poller for conditions that become true asynchronously.
 */
import { Writable } from 'node:stream';

import * as grpc from '@grpc/grpc-js';
import { pino } from 'pino';

import type { Message, NodeId } from '../../src/raft/index.js';
import type { Logger } from '../../src/util/logger.js';
import { PeerTransport, peerServerOptions, serverCredentials } from '../../src/transport/index.js';
import type { PeerTransportOptions, TransportSecurity } from '../../src/transport/index.js';

export const CLUSTER = 'test-cluster';
export const PLAINTEXT: TransportSecurity = { kind: 'plaintext' };

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [k: string]: unknown;
}

/** A pino logger at debug level whose parsed lines land in `lines`. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) {
        if (l !== '') lines.push(JSON.parse(l) as LogLine);
      }
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

export const WARN = 40;

/** Binds `server` to an OS-chosen port on 127.0.0.1; returns host:port. */
export function bind(
  server: grpc.Server,
  creds: grpc.ServerCredentials,
  port = 0,
): Promise<string> {
  return new Promise((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${port}`, creds, (err, bound) => {
      if (err === null) resolve(`127.0.0.1:${bound}`);
      else reject(err);
    });
  });
}

export interface TestNode {
  readonly id: NodeId;
  readonly transport: PeerTransport;
  readonly server: grpc.Server;
  readonly address: string;
  readonly inbox: Message[];
  readonly unreachable: NodeId[];
  /** performance.now() of each onUnreachable call. */
  readonly unreachableAt: number[];
  readonly snapshotStatus: { peer: NodeId; ok: boolean }[];
  readonly lines: LogLine[];
  close(): Promise<void>;
}

export type NodeOptions = Partial<Omit<PeerTransportOptions, 'nodeId' | 'handler' | 'logger'>> & {
  /** Bind to this port instead of an OS-chosen one (to restart a node in place). */
  readonly port?: number;
};

/** A transport registered on its own server, recording everything its handler hears. */
export async function startNode(id: NodeId, opts: NodeOptions = {}): Promise<TestNode> {
  const { port, ...rest } = opts;
  const security = rest.security ?? PLAINTEXT;
  const { logger, lines } = captureLogger();
  const inbox: Message[] = [];
  const unreachable: NodeId[] = [];
  const unreachableAt: number[] = [];
  const snapshotStatus: { peer: NodeId; ok: boolean }[] = [];
  const transport = new PeerTransport({
    clusterId: CLUSTER,
    ...rest,
    security,
    nodeId: id,
    logger,
    handler: {
      onMessage: (m) => inbox.push(m),
      onUnreachable: (peer) => {
        unreachable.push(peer);
        unreachableAt.push(performance.now());
      },
      onSnapshotStatus: (peer, ok) => snapshotStatus.push({ peer, ok }),
    },
  });
  const server = new grpc.Server(peerServerOptions(rest.maxMessageBytes));
  transport.register(server);
  const address = await bind(server, serverCredentials(security), port);
  return {
    id,
    transport,
    server,
    address,
    inbox,
    unreachable,
    unreachableAt,
    snapshotStatus,
    lines,
    close: async () => {
      await transport.close();
      server.forceShutdown();
    },
  };
}

/** A port nothing listens on: bound by the OS, then released. */
export async function deadPort(): Promise<number> {
  const server = new grpc.Server();
  const address = await bind(server, grpc.ServerCredentials.createInsecure());
  server.forceShutdown();
  return Number(address.split(':')[1]);
}

/** Points every node at every other one. */
export function connectAll(nodes: readonly TestNode[]): void {
  for (const a of nodes) for (const b of nodes) if (a !== b) a.transport.setPeer(b.id, b.address);
}

/** Polls `pred` every 5 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(what: string, pred: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A heartbeat from `from` to `to`, tagged so tests can tell messages apart. */
export function heartbeat(from: NodeId, to: NodeId, tag: string | number, term = 1): Message {
  return { type: 'heartbeat', from, to, term, commit: 0, context: String(tag) };
}

/** An append carrying one entry of `size` bytes at `index`. */
export function append(from: NodeId, to: NodeId, index: number, size: number): Message {
  const data = new Uint8Array(size).fill(index % 251);
  return {
    type: 'app',
    from,
    to,
    term: 1,
    index: index - 1,
    logTerm: index === 1 ? 0 : 1,
    entries: [{ type: 'normal', term: 1, index, data }],
    commit: 0,
  };
}

/** Tags of the heartbeats in `inbox`, in arrival order. */
export function tags(inbox: readonly Message[]): string[] {
  return inbox.flatMap((m) => (m.type === 'heartbeat' ? [m.context] : []));
}
