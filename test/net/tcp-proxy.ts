/**
 * A controllable loopback TCP proxy, so a test can cut one network link
 * between real processes without root (no iptables, no tc).
 *
 * It listens on an OS-chosen port on 127.0.0.1 and forwards every accepted
 * connection to one target port. Two ways to cut it:
 *
 * - 'blackhole', a partition: nothing crosses in either direction, and
 *   nobody is told. Both sockets of every connection stop being read (the
 *   kernel buffers fill and the TCP window closes, so the peers' writes stall
 *   as they would behind a dead link), no FIN and no RST is sent, and new
 *   connections are accepted but held without an upstream connection (a MySQL
 *   client then waits for a handshake that never comes, as behind a dead
 *   route). heal() is a healed network: held data flows again in order, held
 *   clients are connected upstream, and what a peer did meanwhile (a FIN, an
 *   RST) reaches the other side only then. A peer that gave up during the cut
 *   finds out at heal, as after a real partition.
 * - 'reset', a crashed middlebox: every connection is reset (RST to both
 *   sides) and new ones are reset as soon as they are accepted (the listener
 *   stays bound, so the port cannot be taken by anyone else meanwhile).
 *
 * Data written to a socket before a cut may still be delivered: packets in
 * flight when a cable is pulled arrive too.
 */
import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

export type CutMode = 'blackhole' | 'reset';
export type ProxyState = 'open' | CutMode;

export interface ProxyCounters {
  /** Connections accepted since start. */
  readonly accepted: number;
  /** Connections open now (held ones included). */
  readonly active: number;
  /** Connections accepted during a blackhole and not connected upstream yet. */
  readonly held: number;
  /** Connections reset by a 'reset' cut or refused during one. */
  readonly reset: number;
}

/** One accepted client and, once connected, its upstream socket. */
class Link {
  readonly client: Socket;
  upstream: Socket | undefined;
  readonly #stalled: () => boolean;
  /** Chunks read from one side while stalled (at most what was already read), and FINs seen. */
  readonly #pending = new Map<Socket, { chunks: Buffer[]; ended: boolean }>();

  constructor(client: Socket, stalled: () => boolean) {
    this.client = client;
    this.#stalled = stalled;
  }

  /** Forwards `from` to `to` with backpressure; while stalled, keeps what arrives for heal. */
  pipe(from: Socket, to: Socket): void {
    const pending = { chunks: [] as Buffer[], ended: false };
    this.#pending.set(from, pending);
    from.on('data', (chunk: Buffer) => {
      if (this.#stalled()) {
        pending.chunks.push(chunk);
        from.pause();
        return;
      }
      if (!to.write(chunk)) {
        from.pause();
        to.once('drain', () => {
          if (!this.#stalled()) from.resume();
        });
      }
    });
    from.on('end', () => {
      if (this.#stalled()) pending.ended = true;
      else to.end();
    });
  }

  stall(): void {
    this.client.pause();
    this.upstream?.pause();
  }

  /** Delivers what was held during a stall, then lets both directions flow again. */
  flow(): void {
    for (const [from, pending] of this.#pending) {
      const to = from === this.client ? this.upstream : this.client;
      if (to === undefined) continue;
      for (const chunk of pending.chunks.splice(0)) to.write(chunk);
      if (pending.ended) to.end();
      pending.ended = false;
      from.resume();
    }
  }

  reset(): void {
    this.client.resetAndDestroy();
    this.upstream?.resetAndDestroy();
  }
}

/** See the file comment. Start with TcpProxy.start(targetPort). */
export class TcpProxy {
  readonly targetPort: number;
  readonly #server: Server;
  readonly #links = new Set<Link>();
  #state: ProxyState = 'open';
  #accepted = 0;
  #reset = 0;

  private constructor(targetPort: number) {
    this.targetPort = targetPort;
    this.#server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (s) => {
      this.#accept(s);
    });
  }

  /** A proxy on 127.0.0.1:<free port> forwarding to 127.0.0.1:targetPort. */
  static async start(targetPort: number): Promise<TcpProxy> {
    const p = new TcpProxy(targetPort);
    await new Promise<void>((resolve, reject) => {
      p.#server.once('error', reject);
      p.#server.listen(0, '127.0.0.1', () => {
        p.#server.off('error', reject);
        resolve();
      });
    });
    return p;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** host:port to hand to whoever should go through the proxy. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get state(): ProxyState {
    return this.#state;
  }

  get counters(): ProxyCounters {
    const links = [...this.#links];
    return {
      accepted: this.#accepted,
      active: links.length,
      held: links.filter((l) => l.upstream === undefined).length,
      reset: this.#reset,
    };
  }

  cut(mode: CutMode): void {
    this.#state = mode;
    for (const link of this.#links) {
      if (mode === 'blackhole') link.stall();
      else this.#resetLink(link);
    }
  }

  heal(): void {
    if (this.#state === 'open') return;
    this.#state = 'open';
    for (const link of this.#links) {
      if (link.upstream === undefined) this.#connect(link);
      else link.flow();
    }
  }

  /** Stops listening and resets every connection. */
  async close(): Promise<void> {
    for (const link of this.#links) link.reset();
    this.#links.clear();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }

  #accept(client: Socket): void {
    this.#accepted++;
    if (this.#state === 'reset') {
      this.#reset++;
      client.resetAndDestroy();
      return;
    }
    const link = new Link(client, () => this.#state !== 'open');
    this.#links.add(link);
    client.on('error', () => link.upstream?.destroy());
    client.on('close', () => {
      link.upstream?.destroy();
      this.#links.delete(link);
    });
    // Held (still paused) until heal() when the proxy is blackholed.
    if (this.#state === 'open') this.#connect(link);
  }

  #connect(link: Link): void {
    const up = createConnection({ host: '127.0.0.1', port: this.targetPort, allowHalfOpen: true });
    link.upstream = up;
    // A target that refuses is passed on as a refusal (RST), not a clean close.
    up.on('error', () => {
      if (!link.client.destroyed) link.client.resetAndDestroy();
    });
    up.on('connect', () => {
      link.pipe(link.client, up);
      link.pipe(up, link.client);
      if (this.#state === 'open') link.client.resume();
      else link.stall();
    });
  }

  #resetLink(link: Link): void {
    this.#reset++;
    this.#links.delete(link);
    link.reset();
  }
}
