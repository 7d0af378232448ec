/**
 * The subset of LevelDB the store uses (a port, so tests can wrap it to
 * count or inspect writes; level-kv.ts adapts classic-level to it).
 */
export interface KvStore {
  get(key: Buffer): Promise<Buffer | undefined>;
  /** Applies `ops` atomically, in order; with `sync`, resolves only once fsynced. */
  batch(ops: readonly KvOp[], options: { readonly sync: boolean }): Promise<void>;
  /** Pairs with gte <= key < lt, in key order. */
  range(bounds: KeyRange): AsyncIterable<readonly [Buffer, Buffer]>;
  close(): Promise<void>;
}

export type KvOp =
  | { readonly type: 'put'; readonly key: Buffer; readonly value: Buffer }
  | { readonly type: 'del'; readonly key: Buffer };

export interface KeyRange {
  readonly gte: Buffer;
  readonly lt: Buffer;
  readonly limit?: number;
}
