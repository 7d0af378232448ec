/**
 * A scripted RaftService receiver: records every Stream batch it gets and
 * acks only when the test says so, which lets a test hold a sender's window
 * full for as long as it likes. With `read: false` it accepts each stream
 * and then stops reading it, as a wedged peer whose connection stays up.
 */
import * as grpc from '@grpc/grpc-js';

import { RAFT_SERVICE, decodeBatch, encodeAck } from '../../src/transport/internal.js';
import { bind } from './harness.js';

export interface ReceivedBatch {
  readonly seq: number;
  readonly bytes: number;
  readonly messages: readonly unknown[];
}

export interface FakeReceiver {
  readonly address: string;
  readonly batches: ReceivedBatch[];
  /** Stream calls opened so far. */
  readonly streams: () => number;
  /** Acks every batch up to `seq` on the latest stream. */
  ack(seq: number, windowBatches?: number): void;
  close(): void;
}

export async function startFakeReceiver(opts: { read?: boolean } = {}): Promise<FakeReceiver> {
  const server = new grpc.Server();
  const batches: ReceivedBatch[] = [];
  let stream: grpc.ServerDuplexStream<Buffer, Buffer> | undefined;
  let streams = 0;
  server.addService(RAFT_SERVICE, {
    Stream: (call: grpc.ServerDuplexStream<Buffer, Buffer>) => {
      stream = call;
      streams++;
      call.sendMetadata(new grpc.Metadata());
      call.on('error', () => undefined);
      if (opts.read === false) {
        call.pause();
        return;
      }
      call.on('data', (b: Buffer) => {
        const d = decodeBatch(b);
        batches.push({ seq: d.seq, bytes: b.byteLength, messages: d.messages });
      });
      call.on('end', () => call.end());
    },
    InstallSnapshot: (_call: unknown, cb: grpc.sendUnaryData<Buffer>) => {
      cb({ code: grpc.status.UNIMPLEMENTED });
    },
  });
  const address = await bind(server, grpc.ServerCredentials.createInsecure());
  return {
    address,
    batches,
    streams: () => streams,
    ack(seq, windowBatches = 8) {
      stream?.write(encodeAck({ ackedSeq: seq, windowBatches }));
    },
    close() {
      server.forceShutdown();
    },
  };
}
