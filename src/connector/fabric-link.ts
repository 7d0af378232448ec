import * as grpc from '@grpc/grpc-js';
import type { ThreatServiceClient } from '../gen/fabric/v1/ThreatService.js';
import type { ThreatServiceReportErrorResponse__Output } from '../gen/fabric/v1/ThreatServiceReportErrorResponse.js';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import type { TopologyServiceClient } from '../gen/fabric/v1/TopologyService.js';
import type { TopologyServiceWatchResponse__Output } from '../gen/fabric/v1/TopologyServiceWatchResponse.js';
import { CHANNEL_OPTIONS } from '../wire/channel.js';
import { fromServiceError } from '../wire/errors.js';
import { fabricProtos } from '../wire/proto.js';
import { redialDelayMs } from './redial-backoff.js';
import type { Random } from './weighted-choice.js';

/** What the link tells its owner. */
export interface FabricLinkHandlers {
  /** A topology from `address` (any epoch: the owner keeps the newest). */
  readonly topology: (t: Topology__Output, address: string) => void;
  readonly attached: (address: string) => void;
  readonly detached: (address: string, error: Error) => void;
}

export interface FabricLinkOptions {
  /** The addresses to start from; the topology's fabric_nodes are added as they arrive. */
  readonly seeds: readonly string[];
  readonly credentials: grpc.ChannelCredentials;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly random: Random;
}

/** One dialled Fabric node: its stubs share one channel. */
interface Attachment {
  readonly address: string;
  readonly topology: TopologyServiceClient;
  readonly threat: ThreatServiceClient;
  readonly call: grpc.ClientReadableStream<TopologyServiceWatchResponse__Output>;
  /** Set once the node sent its first topology: the watch is live. */
  live: boolean;
}

/**
 * The connector's line to Fabric: one Watch stream on one Fabric node at a
 * time. Unlike Connector/Python (always the first instance), it knows every
 * Fabric node from the topology, and when its node fails it moves to the
 * next one in turn, after a jittered delay that doubles with each failure
 * in a row (capped), so a connector never floods a cluster that is down.
 * Each attachment asks from epoch 0, so its first message is the node's
 * whole current topology (fresh fabric_nodes, proof the stream is live).
 */
export class FabricLink {
  readonly #o: FabricLinkOptions;
  readonly #on: FabricLinkHandlers;
  /** Every Fabric node known: the seeds, then those learned; never shrinks. */
  readonly #known: string[] = [];
  /** Index in #known of the node dialled next. */
  #next = 0;
  /** Consecutive attachments that failed before their first topology. */
  #failures = 0;
  #current: Attachment | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #dials = 0;

  constructor(o: FabricLinkOptions, on: FabricLinkHandlers) {
    this.#o = o;
    this.#on = on;
    this.learn(o.seeds);
  }

  /** The Fabric node attached to (its watch delivered a topology), if any. */
  get attachedTo(): string | undefined {
    return this.#current?.live === true ? this.#current.address : undefined;
  }

  /** Watch streams opened so far (one per attempt on a node). */
  get dials(): number {
    return this.#dials;
  }

  /** Every Fabric node known so far. */
  get known(): readonly string[] {
    return this.#known;
  }

  start(): void {
    this.#dial();
  }

  /** Adds Fabric nodes (from a topology) to the rotation. */
  learn(addresses: readonly string[]): void {
    for (const a of addresses) if (a !== '' && !this.#known.includes(a)) this.#known.push(a);
  }

  /** Fabric's threat report-error about a server, through the attached node. */
  reportError(
    server: string,
    reporter: string,
    error: string,
    timeoutMs: number,
  ): Promise<ThreatServiceReportErrorResponse__Output> {
    const a = this.#current;
    if (a === undefined) return Promise.reject(new Error('no Fabric node attached'));
    return new Promise((resolve, reject) => {
      a.threat.ReportError(
        { server, reporter, error },
        { deadline: Date.now() + timeoutMs },
        (e: grpc.ServiceError | null, r?: ThreatServiceReportErrorResponse__Output) => {
          if (e !== null) reject(fromServiceError(e));
          else if (r === undefined) reject(new Error('empty ReportError answer'));
          else resolve(r);
        },
      );
    });
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#drop();
  }

  #dial(): void {
    this.#timer = undefined;
    if (this.#closed) return;
    this.#dials += 1;
    const address = this.#known[this.#next % this.#known.length] ?? '';
    this.#next = (this.#next + 1) % Math.max(1, this.#known.length);
    const protos = fabricProtos();
    const topology = new protos.topology.TopologyService(
      address,
      this.#o.credentials,
      CHANNEL_OPTIONS,
    );
    const threat = new protos.threat.ThreatService(address, this.#o.credentials, {
      ...CHANNEL_OPTIONS,
      channelOverride: topology.getChannel(),
    });
    // allow_stale: the node answers at once even mid-election; the owner keeps the newest epoch.
    const call = topology.Watch({ from_epoch: 0, allow_stale: true });
    const a: Attachment = { address, topology, threat, call, live: false };
    this.#current = a;
    call.on('data', (m: TopologyServiceWatchResponse__Output) => {
      if (this.#current !== a || m.topology === null) return;
      if (!a.live) {
        a.live = true;
        this.#failures = 0;
        this.#on.attached(address);
      }
      this.learn(m.topology.fabric_nodes.map((n) => n.address));
      this.#on.topology(m.topology, address);
    });
    call.on('error', (e: grpc.ServiceError) => {
      this.#lost(a, fromServiceError(e));
    });
    // 'status' alone marks an OK end: the node ended the stream, so move on too.
    call.on('status', (s: grpc.StatusObject) => {
      if (s.code === grpc.status.OK) this.#lost(a, new Error(`${address} ended the watch`));
    });
  }

  #lost(a: Attachment, error: Error): void {
    if (this.#current !== a) return;
    this.#drop();
    if (a.live) this.#on.detached(a.address, error);
    if (this.#closed) return;
    this.#failures += 1;
    const delay = redialDelayMs(this.#failures, this.#o, this.#o.random);
    this.#timer = setTimeout(() => {
      this.#dial();
    }, delay);
  }

  #drop(): void {
    const a = this.#current;
    this.#current = undefined;
    if (a === undefined) return;
    a.call.cancel();
    a.threat.close();
    a.topology.close();
  }
}
