import type { Operation } from './address-pool.js';
import { IDENTITY_SCHEMA } from './mariadb-dialect.js';
import { readChannelStatus } from './named-replication.js';
import { integer, text } from './row-fields.js';
import { errnoOf } from './session.js';
import type { Session } from './session.js';
import { statement } from './statement.js';
import type { Statement } from './statement.js';
import {
  columnList,
  ident,
  keyOf,
  keyWindow,
  orderByKey,
  rangePredicate,
  rowChecksum,
  tableName,
} from './shard-rows-sql.js';
import type {
  CatchUpSpec,
  Cell,
  Chunk,
  ChunkSum,
  CopyCheckpoint,
  KeyRange,
  KeyTuple,
  ShardRows,
  TableShape,
} from './shard-rows-types.js';
import type { ServerAccount, SourceAddress } from './types.js';

/** Runs one operation on a pooled session of the server (MysqlServer's #run). */
export type SessionRunner = <T>(op: Operation<T>) => Promise<T>;

/** ER_NO_SUCH_TABLE. */
const TABLE_MISSING = 1146;

const CHECKPOINT_TABLE = `\`${IDENTITY_SCHEMA}\`.move_checkpoint`;

/**
 * Written in the same transaction as the chunk it describes, and
 * replicated with it to the destination's secondaries (a failover of the
 * destination keeps it).
 */
const CHECKPOINT_DDL = [
  statement('create fabric_ha schema', `CREATE DATABASE IF NOT EXISTS \`${IDENTITY_SCHEMA}\``),
  statement(
    'create move checkpoint table',
    `CREATE TABLE IF NOT EXISTS ${CHECKPOINT_TABLE} (` +
      'procedure_id VARCHAR(64) NOT NULL, tbl VARCHAR(300) NOT NULL, last_pk TEXT NULL, ' +
      'rows_copied BIGINT NOT NULL, chunks INT NOT NULL, done TINYINT NOT NULL, ' +
      'PRIMARY KEY (procedure_id, tbl)) ENGINE=InnoDB',
  ),
];

const BINARY_TYPES = new Set([
  'binary',
  'varbinary',
  'tinyblob',
  'blob',
  'mediumblob',
  'longblob',
  'bit',
  'geometry',
]);

function cells(shape: TableShape, raw: (Buffer | null)[][]): Cell[][] {
  return raw.map((row) =>
    row.map((b, i) =>
      b === null ? null : shape.columns[i]?.binary === true ? b : b.toString('utf8'),
    ),
  );
}

function chunkOf(shape: TableShape, rows: Cell[][]): Chunk {
  const lastRow = rows[rows.length - 1];
  return { rows, last: lastRow === undefined ? null : keyOf(shape, lastRow) };
}

function where(shape: TableShape, range: KeyRange, lo: KeyTuple | null, hi: KeyTuple | null) {
  const p = rangePredicate(range);
  const w = keyWindow(shape, lo, hi);
  return { sql: `${p.sql} AND ${w.sql}`, values: [...p.values, ...w.values] };
}

function insertRows(
  shape: TableShape,
  verb: 'REPLACE' | 'INSERT',
  rows: readonly (readonly Cell[])[],
): Statement {
  const one = `(${shape.columns.map(() => '?').join(', ')})`;
  return statement(
    `${verb} chunk into ${shape.table}`,
    `${verb} INTO ${tableName(shape.table)} (${columnList(shape)}) VALUES ${rows.map(() => one).join(', ')}`,
    rows.flat(),
  );
}

async function inTransaction(s: Session, body: () => Promise<void>): Promise<void> {
  await s.run(statement('begin', 'START TRANSACTION'));
  try {
    await body();
    await s.run(statement('commit', 'COMMIT'));
  } catch (e) {
    // Whether a failed COMMIT committed is unknown: never reuse the connection.
    s.markBroken();
    await s.run(statement('rollback', 'ROLLBACK')).catch(() => undefined);
    throw e;
  }
}

/** MariaDB's ShardRows (see shard-rows-types.ts). */
export class MariadbShardRows implements ShardRows {
  readonly #run: SessionRunner;
  readonly #account: ServerAccount;
  readonly #forReplicas: (source: SourceAddress) => SourceAddress;

  constructor(
    run: SessionRunner,
    account: ServerAccount,
    forReplicas: (source: SourceAddress) => SourceAddress,
  ) {
    this.#run = run;
    this.#account = account;
    this.#forReplicas = forReplicas;
  }

  tableShape(table: string): Promise<TableShape | undefined> {
    const [db, name] = [table.slice(0, table.indexOf('.')), table.slice(table.indexOf('.') + 1)];
    return this.#run(async (s) => {
      const cols = await s.rows(
        statement(
          'read table columns',
          "SELECT COLUMN_NAME AS name, DATA_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION",
          [db, name],
        ),
      );
      if (cols.length === 0) return undefined;
      const pk = await s.rows(
        statement(
          'read primary key',
          "SELECT COLUMN_NAME AS name FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION",
          [db, name],
        ),
      );
      return {
        table,
        columns: cols.map((c) => ({
          name: text(c, 'name'),
          binary: BINARY_TYPES.has(text(c, 'type').toLowerCase()),
        })),
        primaryKey: pk.map((c) => text(c, 'name')),
      };
    });
  }

  countRows(shape: TableShape, range: KeyRange): Promise<number> {
    const w = where(shape, range, null, null);
    return this.#run(async (s) => {
      const [row = {}] = await s.rows(
        statement(
          'count shard rows',
          `SELECT COUNT(*) AS n FROM ${tableName(shape.table)} WHERE ${w.sql}`,
          w.values,
        ),
      );
      return integer(row, 'n');
    });
  }

  readChunk(
    shape: TableShape,
    range: KeyRange,
    after: KeyTuple | null,
    limit: number,
  ): Promise<Chunk> {
    const w = where(shape, range, after, null);
    const stmt = statement(
      `read chunk of ${shape.table}`,
      `SELECT ${columnList(shape)} FROM ${tableName(shape.table)} WHERE ${w.sql} ORDER BY ${orderByKey(shape)} LIMIT ?`,
      [...w.values, limit],
    );
    return this.#run(async (s) => chunkOf(shape, cells(shape, await s.rawRows(stmt))));
  }

  readRange(
    shape: TableShape,
    range: KeyRange,
    lo: KeyTuple | null,
    hi: KeyTuple | null,
  ): Promise<Chunk> {
    const w = where(shape, range, lo, hi);
    const stmt = statement(
      `read range of ${shape.table}`,
      `SELECT ${columnList(shape)} FROM ${tableName(shape.table)} WHERE ${w.sql} ORDER BY ${orderByKey(shape)}`,
      w.values,
    );
    return this.#run(async (s) => chunkOf(shape, cells(shape, await s.rawRows(stmt))));
  }

  async writeChunk(
    procedureId: string,
    shape: TableShape,
    chunk: Chunk,
    next: CopyCheckpoint,
  ): Promise<void> {
    try {
      await this.#writeChunk(procedureId, shape, chunk, next);
    } catch (e) {
      // The first chunk of a destination that never had a checkpoint table.
      if (errnoOf(e) !== TABLE_MISSING) throw e;
      await this.#run(async (s) => {
        for (const st of CHECKPOINT_DDL) await s.run(st);
      });
      await this.#writeChunk(procedureId, shape, chunk, next);
    }
  }

  #writeChunk(
    procedureId: string,
    shape: TableShape,
    chunk: Chunk,
    next: CopyCheckpoint,
  ): Promise<void> {
    return this.#run((s) =>
      inTransaction(s, async () => {
        if (chunk.rows.length > 0) await s.run(insertRows(shape, 'REPLACE', chunk.rows));
        await s.run(
          statement(
            'write move checkpoint',
            `REPLACE INTO ${CHECKPOINT_TABLE} (procedure_id, tbl, last_pk, rows_copied, chunks, done) VALUES (?, ?, ?, ?, ?, ?)`,
            [
              procedureId,
              next.table,
              next.lastPk === null ? null : JSON.stringify(next.lastPk),
              next.rows,
              next.chunks,
              next.done ? 1 : 0,
            ],
          ),
        );
      }),
    );
  }

  readCheckpoints(procedureId: string): Promise<CopyCheckpoint[]> {
    return this.#run(async (s) => {
      for (const st of CHECKPOINT_DDL) await s.run(st);
      const rows = await s.rows(
        statement(
          'read move checkpoints',
          `SELECT tbl, last_pk, rows_copied, chunks, done FROM ${CHECKPOINT_TABLE} WHERE procedure_id = ?`,
          [procedureId],
        ),
      );
      return rows.map((r) => ({
        table: text(r, 'tbl'),
        lastPk: r.last_pk === null ? null : (JSON.parse(text(r, 'last_pk')) as string[]),
        rows: integer(r, 'rows_copied'),
        chunks: integer(r, 'chunks'),
        done: integer(r, 'done') === 1,
      }));
    });
  }

  clearCheckpoints(procedureId: string): Promise<void> {
    return this.#run(async (s) => {
      for (const st of CHECKPOINT_DDL) await s.run(st);
      await s.run(
        statement(
          'clear move checkpoints',
          `DELETE FROM ${CHECKPOINT_TABLE} WHERE procedure_id = ?`,
          [procedureId],
        ),
      );
    });
  }

  chunkEnd(
    shape: TableShape,
    range: KeyRange,
    lo: KeyTuple | null,
    size: number,
  ): Promise<KeyTuple | null> {
    const w = where(shape, range, lo, null);
    const stmt = statement(
      `find chunk end in ${shape.table}`,
      `SELECT ${shape.primaryKey.map(ident).join(', ')} FROM ${tableName(shape.table)} WHERE ${w.sql} ORDER BY ${orderByKey(shape)} LIMIT 1 OFFSET ?`,
      [...w.values, size - 1],
    );
    return this.#run(async (s) => {
      const [row] = await s.rawRows(stmt);
      if (row === undefined) return null;
      return row.map((b, i) => {
        const binary = shape.columns.find((c) => c.name === shape.primaryKey[i])?.binary === true;
        return b === null ? '' : binary ? b.toString('hex') : b.toString('utf8');
      });
    });
  }

  checksum(
    shape: TableShape,
    range: KeyRange,
    lo: KeyTuple | null,
    hi: KeyTuple | null,
  ): Promise<ChunkSum> {
    const w = where(shape, range, lo, hi);
    return this.#run(async (s) => {
      const [row = {}] = await s.rows(
        statement(
          `checksum ${shape.table}`,
          `SELECT ${rowChecksum(shape)} FROM ${tableName(shape.table)} WHERE ${w.sql}`,
          w.values,
        ),
      );
      return { lo, hi, count: integer(row, 'n'), crc: String(row.crc) };
    });
  }

  replaceChunk(
    shape: TableShape,
    range: KeyRange,
    lo: KeyTuple | null,
    hi: KeyTuple | null,
    rows: Chunk,
  ): Promise<void> {
    const w = where(shape, range, lo, hi);
    return this.#run((s) =>
      inTransaction(s, async () => {
        await s.run(
          statement(
            `repair ${shape.table}`,
            `DELETE FROM ${tableName(shape.table)} WHERE ${w.sql}`,
            w.values,
          ),
        );
        if (rows.rows.length > 0) await s.run(insertRows(shape, 'INSERT', rows.rows));
      }),
    );
  }

  /**
   * gtid_slave_pos is one value shared by every connection, and MariaDB
   * only lets it be set with every replication thread stopped (MariaDB
   * manual, gtid_slave_pos): so STOP ALL SLAVES (on a primary that is the
   * global link and nothing else), replace the source domain's entry with
   * the recorded position, configure the connection — DO_DOMAIN_IDS so
   * only the source group's own transactions come (never the global
   * group's, which the global link already applies), replicate_do_table
   * per connection (set while its threads are stopped, MariaDB manual
   * "Replication filters", and lost on a restart of the server) — put
   * slave_exec_mode to IDEMPOTENT (global: the global link shares it while
   * the move lasts) and START ALL SLAVES.
   */
  startCatchUp(spec: CatchUpSpec): Promise<'started' | 'running'> {
    const source = this.#forReplicas(spec.source);
    const ch = spec.channel;
    return this.#run(async (s, state) => {
      const st = await readChannelStatus(s, state, ch);
      if (
        st?.sourceHost === source.host &&
        st.sourcePort === source.port &&
        st.ioRunning !== 'No' &&
        st.sqlRunning
      )
        return 'running';
      await s.run(statement('STOP ALL SLAVES', 'STOP ALL SLAVES'));
      const [pos = {}] = await s.rows(
        statement('read gtid_slave_pos', 'SELECT @@global.gtid_slave_pos AS pos'),
      );
      const kept = text(pos, 'pos')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '' && !x.startsWith(`${spec.domainId}-`));
      const merged = [...kept, ...(spec.fromGtid === '' ? [] : [spec.fromGtid])].join(',');
      // Under gtid_strict_mode MariaDB refuses a gtid_slave_pos lacking a
      // domain its binlog holds (error 1948), a guard for MASTER_USE_GTID =
      // current_pos; no connection here uses current_pos, and the domains
      // only in the binlog (this group's own) stay absent as they were.
      const [strict = {}] = await s.rows(
        statement('read gtid_strict_mode', 'SELECT @@global.gtid_strict_mode AS on_'),
      );
      await s.run(statement('relax gtid_strict_mode', 'SET GLOBAL gtid_strict_mode = 0'));
      try {
        await s.run(statement('set gtid_slave_pos', 'SET GLOBAL gtid_slave_pos = ?', [merged]));
      } finally {
        await s.run(
          statement('restore gtid_strict_mode', 'SET GLOBAL gtid_strict_mode = ?', [
            integer(strict, 'on_'),
          ]),
        );
      }
      await s.run({
        kind: `CHANGE MASTER '${ch}'`,
        sql:
          `CHANGE MASTER '${ch}' TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, ` +
          `MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1, DO_DOMAIN_IDS = (${spec.domainId})`,
        values: [source.host, source.port, this.#account.user, this.#account.password],
        secrets: [this.#account.password],
      });
      await s.run(
        statement('set replicate_do_table', `SET GLOBAL ${ident(ch)}.replicate_do_table = ?`, [
          spec.tables.join(','),
        ]),
      );
      await s.run(statement('set slave_exec_mode', "SET GLOBAL slave_exec_mode = 'IDEMPOTENT'"));
      await s.run(statement('START ALL SLAVES', 'START ALL SLAVES'));
      return 'started';
    });
  }

  stopCatchUp(channel: string): Promise<void> {
    return this.#run(async (s, state) => {
      if ((await readChannelStatus(s, state, channel)) !== undefined) {
        await s.run(statement(`STOP SLAVE '${channel}'`, `STOP SLAVE '${channel}'`));
        await s.run(statement(`RESET SLAVE '${channel}' ALL`, `RESET SLAVE '${channel}' ALL`));
      }
      await s.run(statement('set slave_exec_mode', "SET GLOBAL slave_exec_mode = 'STRICT'"));
    });
  }
}
