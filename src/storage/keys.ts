/**
 * The LevelDB key layout. LevelDB orders keys bytewise, so:
 *
 *   'e' (0x65) + u64 BE index   one log entry (entry-codec.ts); big-endian
 *                               makes LevelDB's order the index order
 *   'm' (0x6d) + "identity"     cluster id, node id, format (identity-codec.ts)
 *   'm' (0x6d) + "hard-state"   term, vote, commit (hard-state-codec.ts)
 *   'm' (0x6d) + "snapshot"     metadata of the latest snapshot file
 *                               (snapshot-meta-codec.ts); its data lives in
 *                               <dataDir>/snapshots (snapshot-file.ts)
 *   'm' (0x6d) + "seal" + u64 BE seq
 *                               the seal of the last write batch
 *                               (seal-codec.ts, seal.ts): exactly one exists
 *
 * Every entry key lies in [ENTRY_KEYS.gte, ENTRY_KEYS.lt) and nothing else
 * does, so one range scan reads the whole log in order.
 */
const ENTRY_PREFIX = 0x65;
const META_PREFIX = 0x6d;
const ENTRY_KEY_BYTES = 9;
const TWO_32 = 2 ** 32;

export const IDENTITY_KEY = metaKey('identity');
export const HARD_STATE_KEY = metaKey('hard-state');
export const SNAPSHOT_META_KEY = metaKey('snapshot');

export const ENTRY_KEYS = {
  gte: Buffer.from([ENTRY_PREFIX]),
  lt: Buffer.from([ENTRY_PREFIX + 1]),
} as const;

const SEAL_PREFIX = metaKey('seal');

/** Every seal key, and nothing else ('mseal' … 'mseam'). */
export const SEAL_KEYS = {
  gte: SEAL_PREFIX,
  lt: Buffer.from(metaKey('seam')),
} as const;

export function sealKey(seq: number): Buffer {
  const key = Buffer.alloc(SEAL_PREFIX.byteLength + 8);
  SEAL_PREFIX.copy(key);
  key.writeUInt32BE(Math.floor(seq / TWO_32), SEAL_PREFIX.byteLength);
  key.writeUInt32BE(seq % TWO_32, SEAL_PREFIX.byteLength + 4);
  return key;
}

/** Every key, for "is this database empty?". */
export const ALL_KEYS = { gte: Buffer.alloc(0), lt: Buffer.from([0xff]) } as const;

export function entryKey(index: number): Buffer {
  const key = Buffer.allocUnsafe(ENTRY_KEY_BYTES);
  key[0] = ENTRY_PREFIX;
  key.writeUInt32BE(Math.floor(index / TWO_32), 1);
  key.writeUInt32BE(index % TWO_32, 5);
  return key;
}

/** The index an entry key encodes, or undefined if `key` is not a well-formed entry key. */
export function indexOfEntryKey(key: Uint8Array): number | undefined {
  if (key.byteLength !== ENTRY_KEY_BYTES || key[0] !== ENTRY_PREFIX) return undefined;
  const view = new DataView(key.buffer, key.byteOffset, key.byteLength);
  const index = view.getUint32(1) * TWO_32 + view.getUint32(5);
  return Number.isSafeInteger(index) ? index : undefined;
}

/** A key as printable text for error messages (the entry keys are binary). */
export function describeKey(key: Uint8Array): string {
  return `0x${Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('hex')}`;
}

function metaKey(name: string): Buffer {
  return Buffer.concat([Buffer.from([META_PREFIX]), Buffer.from(name, 'ascii')]);
}
