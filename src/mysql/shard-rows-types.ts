/**
 * What a shard move asks of a managed server (issue 13): read and write a
 * shard's rows in primary-key chunks, checksum them, and run the catch-up
 * replication connection. MariaDB only (MySQL has no per-connection
 * filters or DO_DOMAIN_IDS).
 */

/** How the shard key compares: as integers, UTF-8 bytes, datetimes, or MD5 digests (HASH). */
export type KeyOrder = 'integer' | 'string' | 'datetime' | 'hash';

/**
 * The keys of one shard in one table: lower <= key < upper (no upper: the
 * top shard). HASH compares MD5(CAST(column AS CHAR)) and the top HASH
 * shard also holds digests below `wrapBelow` (the ring wraps).
 */
export interface KeyRange {
  readonly column: string;
  readonly order: KeyOrder;
  readonly lower: string;
  readonly upper?: string;
  readonly wrapBelow?: string;
}

export interface ColumnShape {
  readonly name: string;
  /** Bytes, not text (BINARY, VARBINARY, BLOB, BIT): copied as bytes, keys checkpointed as hex. */
  readonly binary: boolean;
}

/** A table's copyable columns (generated ones left out) and primary key, in key order. */
export interface TableShape {
  /** "db.table". */
  readonly table: string;
  readonly columns: readonly ColumnShape[];
  readonly primaryKey: readonly string[];
}

/** A primary-key value as JSON can carry it: text, binary columns as hex. */
export type KeyTuple = readonly string[];

/** One cell as copied: text, bytes, or NULL. */
export type Cell = string | Buffer | null;

export interface Chunk {
  readonly rows: readonly (readonly Cell[])[];
  /** The last row's key; null when the chunk is empty. */
  readonly last: KeyTuple | null;
}

/** The destination's record of a table's copy, written with each chunk. */
export interface CopyCheckpoint {
  readonly table: string;
  /** Key of the last row copied; null before the first chunk. */
  readonly lastPk: KeyTuple | null;
  readonly rows: number;
  readonly chunks: number;
  readonly done: boolean;
}

/** A chunk (lo, hi] of keys (null: unbounded), and its rows' count and checksum. */
export interface ChunkSum {
  readonly lo: KeyTuple | null;
  readonly hi: KeyTuple | null;
  readonly count: number;
  readonly crc: string;
}

export interface CatchUpSpec {
  readonly channel: string;
  /** The source primary (types.ts SourceAddress; not imported, which would make a cycle). */
  readonly source: { readonly host: string; readonly port: number };
  /** The source group's gtid domain: the only one the connection replicates (DO_DOMAIN_IDS). */
  readonly domainId: number;
  /** Where to start in that domain, e.g. "7-1003-42" ('' : from its beginning). */
  readonly fromGtid: string;
  /** "db.table" names: the connection's replicate_do_table. */
  readonly tables: readonly string[];
}

export interface ShardRows {
  /** undefined when the table does not exist; primaryKey [] when it has none. */
  tableShape(table: string): Promise<TableShape | undefined>;
  countRows(shape: TableShape, range: KeyRange): Promise<number>;
  readChunk(
    shape: TableShape,
    range: KeyRange,
    after: KeyTuple | null,
    limit: number,
  ): Promise<Chunk>;
  /** Writes the rows (REPLACE) and the checkpoint row in one transaction. */
  writeChunk(
    procedureId: string,
    shape: TableShape,
    chunk: Chunk,
    next: CopyCheckpoint,
  ): Promise<void>;
  readCheckpoints(procedureId: string): Promise<CopyCheckpoint[]>;
  clearCheckpoints(procedureId: string): Promise<void>;
  /** The key ending the chunk of `size` rows after `lo`; null when fewer rows remain. */
  chunkEnd(
    shape: TableShape,
    range: KeyRange,
    lo: KeyTuple | null,
    size: number,
  ): Promise<KeyTuple | null>;
  checksum(
    shape: TableShape,
    range: KeyRange,
    lo: KeyTuple | null,
    hi: KeyTuple | null,
  ): Promise<ChunkSum>;
  /** Makes the rows of (lo, hi] in range equal `rows` (delete, then insert): a repair. */
  replaceChunk(
    shape: TableShape,
    range: KeyRange,
    lo: KeyTuple | null,
    hi: KeyTuple | null,
    rows: Chunk,
  ): Promise<void>;
  /** All rows of (lo, hi] in range. */
  readRange(
    shape: TableShape,
    range: KeyRange,
    lo: KeyTuple | null,
    hi: KeyTuple | null,
  ): Promise<Chunk>;
  /** Creates and starts the catch-up connection unless it already runs from `source`. */
  startCatchUp(spec: CatchUpSpec): Promise<'started' | 'running'>;
  /** Removes the catch-up connection and puts slave_exec_mode back to STRICT. */
  stopCatchUp(channel: string): Promise<void>;
}
