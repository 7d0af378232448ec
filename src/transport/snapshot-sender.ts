/**
 * Sends snapshots to one peer over InstallSnapshot: the header, then the
 * data in chunks, written only as fast as the socket drains so a large
 * snapshot is never copied into memory all at once. It runs on its own
 * channel, so a multi-MiB transfer does not queue behind (or in front of)
 * the heartbeats on the peer's Stream.
 *
 * One snapshot per peer at a time: the core does not send another while the
 * peer is in snapshot state, and if it did, the first one's status would
 * still settle that state. The outcome is reported through onSnapshotStatus
 * once the receiver answers or the call fails.
 */
import * as grpc from '@grpc/grpc-js';

import type { NodeId } from '../raft/index.js';
import type { Logger } from '../util/logger.js';
import type { HandlerDispatch } from './handler-dispatch.js';
import { peerError } from './peer-rejection.js';
import { INSTALL_SNAPSHOT_PATH, rawBytes } from './proto.js';
import type { SnapshotMessage } from './snapshot-frame.js';
import {
  decodeSnapshotResult,
  encodeSnapshotChunk,
  encodeSnapshotHeader,
} from './snapshot-frame.js';
import type { StatsRecorder } from './transport-stats.js';

export interface SnapshotSenderDeps {
  readonly peer: NodeId;
  readonly clusterId: string;
  readonly log: Logger;
  readonly stats: StatsRecorder;
  readonly dispatch: HandlerDispatch;
  readonly chunkBytes: number;
}

type Call = grpc.ClientWritableStream<Buffer>;

/**
 * A transfer must finish within 30 s plus 1 s per MiB. Keepalive catches a
 * dead connection but not a live peer that stopped reading, and until the
 * status is reported the core keeps that follower in snapshot state.
 */
function snapshotDeadline(bytes: number): Date {
  return new Date(Date.now() + 30_000 + Math.ceil(bytes / 1024));
}

export class SnapshotSender {
  readonly #d: SnapshotSenderDeps;
  #client: grpc.Client;
  #address: string;
  #call: Call | undefined;

  constructor(deps: SnapshotSenderDeps, client: grpc.Client, address: string) {
    this.#d = deps;
    this.#client = client;
    this.#address = address;
  }

  send(m: SnapshotMessage): void {
    if (this.#call !== undefined) {
      this.#d.stats.dropped('snapshot-busy');
      this.#d.log.debug({ peer: this.#d.peer }, 'transport: a snapshot is already on its way');
      return;
    }
    let header: Buffer;
    try {
      header = encodeSnapshotHeader(this.#d.clusterId, m);
    } catch (err) {
      this.#d.stats.dropped('unencodable');
      this.#d.log.error({ err, peer: this.#d.peer }, 'transport: cannot encode a snapshot header');
      this.#d.dispatch.snapshotStatus(this.#d.peer, false);
      return;
    }
    const call: Call = this.#client.makeClientStreamRequest(
      INSTALL_SNAPSHOT_PATH,
      rawBytes,
      rawBytes,
      new grpc.Metadata(),
      { deadline: snapshotDeadline(m.snapshot.data.byteLength) },
      (err, res) => {
        this.#finish(call, err, res, m);
      },
    );
    this.#call = call;
    call.on('error', () => undefined); // reported through the callback
    if (call.write(header)) this.#writeChunks(call, m.snapshot.data, 0);
    else
      call.once('drain', () => {
        this.#writeChunks(call, m.snapshot.data, 0);
      });
  }

  retarget(client: grpc.Client, address: string): void {
    this.cancel();
    this.#client = client;
    this.#address = address;
  }

  /** Abandons the transfer in progress without reporting a status. */
  cancel(): void {
    const call = this.#call;
    this.#call = undefined;
    call?.cancel();
  }

  #writeChunks(call: Call, data: Uint8Array, from: number): void {
    let offset = from;
    while (offset < data.byteLength) {
      if (call !== this.#call) return;
      const end = Math.min(offset + this.#d.chunkBytes, data.byteLength);
      const more = call.write(encodeSnapshotChunk(offset, data.subarray(offset, end)));
      offset = end;
      if (!more) {
        call.once('drain', () => {
          this.#writeChunks(call, data, offset);
        });
        return;
      }
    }
    call.end();
  }

  #finish(
    call: Call,
    err: grpc.ServiceError | null,
    res: Buffer | undefined,
    m: SnapshotMessage,
  ): void {
    if (call !== this.#call) return;
    this.#call = undefined;
    const peer = this.#d.peer;
    const at = { peer, address: this.#address, index: m.snapshot.metadata.index };
    let ok = false;
    if (err !== null || res === undefined) {
      const e = peerError(peer, this.#address, err ?? {});
      this.#d.log.warn({ ...at, err: e, code: e.code }, 'transport: snapshot transfer failed');
    } else {
      try {
        const r = decodeSnapshotResult(res);
        ok = r.accepted;
        if (!ok)
          this.#d.log.warn({ ...at, reason: r.reason }, 'transport: peer refused a snapshot');
      } catch (e) {
        this.#d.stats.malformed(this.#d.log, { peer, remote: this.#address }, e);
      }
    }
    if (ok) {
      this.#d.stats.snapshotSent();
      this.#d.log.info({ ...at, bytes: m.snapshot.data.byteLength }, 'transport: snapshot sent');
    }
    this.#d.dispatch.snapshotStatus(peer, ok);
  }
}
