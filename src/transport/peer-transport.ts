/**
 * The node's gRPC link to its Raft peers: the outbound streams and snapshot
 * senders per peer, and the RaftService handlers on the node's server.
 *
 * Messages to one peer keep their order on its Stream. A 'snap' goes
 * through InstallSnapshot on a separate connection, so it is not ordered
 * with the stream; the core sends nothing else that depends on it while the
 * peer is in snapshot state.
 */
import * as grpc from '@grpc/grpc-js';

import type { Message, NodeId } from '../raft/index.js';
import type { Logger } from '../util/logger.js';
import { Backoff } from './backoff.js';
import { encodeMessage } from './codec.js';
import { channelCredentials } from './credentials.js';
import { peerChannelOptions } from './grpc-options.js';
import { HandlerDispatch } from './handler-dispatch.js';
import type { InboundContext } from './inbound-context.js';
import { PeerStream } from './peer-stream.js';
import { RAFT_SERVICE } from './proto.js';
import { handleInstallSnapshot } from './snapshot-receiver.js';
import { SnapshotSender } from './snapshot-sender.js';
import { handleStream } from './stream-receiver.js';
import type { PeerTransportOptions, ResolvedOptions } from './transport-options.js';
import { resolveOptions } from './transport-options.js';
import type { TransportStats } from './transport-stats.js';
import { StatsRecorder } from './transport-stats.js';

interface Peer {
  readonly address: string;
  /** Carries the Stream. */
  readonly client: grpc.Client;
  /** Carries InstallSnapshot, on its own connection. */
  readonly snapshotClient: grpc.Client;
  readonly stream: PeerStream;
  readonly snapshots: SnapshotSender;
}

export class PeerTransport {
  readonly #o: ResolvedOptions;
  readonly #log: Logger;
  readonly #credentials: grpc.ChannelCredentials;
  readonly #stats = new StatsRecorder();
  readonly #dispatch: HandlerDispatch;
  readonly #inbound: InboundContext;
  readonly #peers = new Map<NodeId, Peer>();
  #closed = false;

  /** Throws INVALID_ARGUMENT for bad options and CONFIG_INVALID for unreadable TLS files. */
  constructor(opts: PeerTransportOptions) {
    this.#o = resolveOptions(opts);
    this.#log = opts.logger;
    this.#credentials = channelCredentials(opts.security);
    this.#dispatch = new HandlerDispatch(opts.handler, this.#log);
    this.#inbound = {
      nodeId: opts.nodeId,
      clusterId: opts.clusterId,
      log: this.#log,
      stats: this.#stats,
      dispatch: this.#dispatch,
      faults: this.#o.faults,
      windowBatches: this.#o.maxInflightBatches,
      maxSnapshotBytes: this.#o.maxSnapshotBytes,
      openCalls: new Set(),
      isClosed: () => this.#closed,
      peerAlive: (id) => {
        this.#redialIfFailing(id);
      },
    };
  }

  /**
   * Adds RaftService to a server the node owns (the node also registers its
   * client-facing services on the same server and port). Build that server
   * with peerServerOptions(maxMessageBytes).
   */
  register(server: grpc.Server): void {
    const ctx = this.#inbound;
    server.addService(RAFT_SERVICE, {
      Stream: (call: grpc.ServerDuplexStream<Buffer, Buffer>) => {
        handleStream(ctx, call);
      },
      InstallSnapshot: (
        call: grpc.ServerReadableStream<Buffer, Buffer>,
        callback: grpc.sendUnaryData<Buffer>,
      ) => {
        handleInstallSnapshot(ctx, call, callback);
      },
    });
  }

  /** Sets the peer's host:port, replacing an old address (queued messages are kept). */
  setPeer(id: NodeId, address: string): void {
    if (this.#closed || id === this.#o.nodeId) return;
    const old = this.#peers.get(id);
    if (old?.address === address) return;
    if (old === undefined) {
      const peer = this.#newPeer(id, address);
      this.#peers.set(id, peer);
      peer.stream.greet();
      return;
    }
    const client = this.#client(address);
    const snapshotClient = this.#client(address);
    old.stream.retarget(client, address);
    old.snapshots.retarget(snapshotClient, address);
    old.client.close();
    old.snapshotClient.close();
    this.#peers.set(id, { ...old, address, client, snapshotClient });
    this.#log.info({ peer: id, address, was: old.address }, 'transport: peer address changed');
  }

  /** Forgets the peer: its queue, stream and any snapshot in progress. */
  removePeer(id: NodeId): void {
    const p = this.#peers.get(id);
    if (p === undefined) return;
    this.#peers.delete(id);
    PeerTransport.#closePeer(p);
  }

  /**
   * Non-blocking. Messages to one peer keep their order. 'snap' goes through
   * InstallSnapshot in chunks; everything else is batched onto the peer's
   * long-lived Stream. Failures come back through the handler, never as throws.
   */
  send(msgs: readonly Message[]): void {
    if (this.#closed) return;
    for (const m of msgs) this.#sendOne(m);
  }

  /** Counters since construction. */
  stats(): TransportStats {
    return this.#stats.snapshot();
  }

  /** Ends every stream, call and timer; the handler hears nothing afterwards. */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    this.#dispatch.close();
    for (const p of this.#peers.values()) PeerTransport.#closePeer(p);
    this.#peers.clear();
    for (const stop of [...this.#inbound.openCalls]) stop();
    return Promise.resolve();
  }

  #sendOne(m: Message): void {
    const peer = this.#peers.get(m.to);
    if (peer === undefined) {
      this.#stats.dropped('unknown-peer');
      this.#log.debug({ peer: m.to, type: m.type }, 'transport: no address for peer');
      this.#dispatch.unreachable(m.to);
      return;
    }
    if (this.#o.faults?.isBlocked(this.#o.nodeId, m.to) === true) {
      this.#stats.dropped('blocked-outbound');
      if (m.type === 'snap') this.#dispatch.snapshotStatus(m.to, false);
      return;
    }
    if (m.type === 'snap') {
      peer.snapshots.send(m);
      return;
    }
    let encoded: Buffer;
    try {
      encoded = encodeMessage(m);
    } catch (err) {
      this.#stats.dropped('unencodable');
      this.#log.error({ err, peer: m.to, type: m.type }, 'transport: cannot encode a core message');
      return;
    }
    peer.stream.enqueue(encoded);
  }

  /**
   * The peer reached us, so it is up: if our stream to it is failing, dial
   * it now on a fresh channel instead of waiting out our backoff and
   * grpc-js's own (a channel in TRANSIENT_FAILURE fails calls until its
   * timer fires). Only a peer that talks to us triggers this, so a peer that
   * stays down is never dialed faster than the backoff allows.
   */
  #redialIfFailing(id: NodeId): void {
    const p = this.#peers.get(id);
    if (p === undefined || this.#closed || !p.stream.failing) return;
    this.#log.info({ peer: id, address: p.address }, 'transport: peer is back; redialing it now');
    const client = this.#client(p.address);
    p.stream.retarget(client, p.address);
    p.client.close();
    this.#peers.set(id, { ...p, client });
  }

  #client(address: string): grpc.Client {
    return new grpc.Client(address, this.#credentials, {
      ...peerChannelOptions(this.#o.maxMessageBytes),
      // One connection per client: the snapshot client must not share the
      // stream's connection, and nodes in one process must not share theirs.
      'grpc.use_local_subchannel_pool': 1,
    });
  }

  #newPeer(id: NodeId, address: string): Peer {
    const o = this.#o;
    const log = this.#log;
    const client = this.#client(address);
    const snapshotClient = this.#client(address);
    const stream = new PeerStream(
      {
        ends: { clusterId: o.clusterId, sender: o.nodeId, recipient: id },
        log,
        stats: this.#stats,
        dispatch: this.#dispatch,
        limits: o,
        backoff: new Backoff({ ...o.reconnectBackoff, random: o.random }),
      },
      client,
      address,
    );
    const snapshots = new SnapshotSender(
      {
        peer: id,
        clusterId: o.clusterId,
        log,
        stats: this.#stats,
        dispatch: this.#dispatch,
        chunkBytes: o.snapshotChunkBytes,
      },
      snapshotClient,
      address,
    );
    return { address, client, snapshotClient, stream, snapshots };
  }

  static #closePeer(p: Peer): void {
    p.stream.close();
    p.snapshots.cancel();
    p.client.close();
    p.snapshotClient.close();
  }
}
