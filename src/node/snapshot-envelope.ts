import { FabricError } from '../util/fabric-error.js';

/**
 * What a Raft snapshot's data holds: the state machine's own snapshot plus
 * the members' addresses. The core's snapshot metadata carries membership
 * by id only; a node restored from a snapshot must still know where its
 * peers listen.
 */
export interface SnapshotEnvelope {
  readonly addresses: Readonly<Record<string, string>>;
  readonly state: Uint8Array;
}

const MAGIC = 0x46534e31; // "FSN1"

export function encodeEnvelope(env: SnapshotEnvelope): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify(env.addresses));
  const out = new Uint8Array(8 + head.byteLength + env.state.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC);
  view.setUint32(4, head.byteLength);
  out.set(head, 8);
  out.set(env.state, 8 + head.byteLength);
  return out;
}

export function decodeEnvelope(data: Uint8Array): SnapshotEnvelope {
  if (data.byteLength < 8)
    throw new FabricError('DATA_DIR_CORRUPT', 'snapshot envelope is truncated');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0) !== MAGIC)
    throw new FabricError('DATA_DIR_CORRUPT', 'snapshot envelope has a bad magic number');
  const len = view.getUint32(4);
  if (8 + len > data.byteLength)
    throw new FabricError('DATA_DIR_CORRUPT', 'snapshot envelope header overruns the data');
  const addresses = JSON.parse(new TextDecoder().decode(data.subarray(8, 8 + len))) as Record<
    string,
    string
  >;
  return { addresses, state: data.slice(8 + len) };
}
