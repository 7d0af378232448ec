/**
 * Names of sharded tables and their key columns. Checked by the model
 * (shard-table-add) and, with the same words, by the executor's admission.
 */

// "db.table": both parts non-empty, no dots or spaces inside a part.
const TABLE = /^[^.\s]+\.[^.\s]+$/;
// MySQL identifiers are at most 64 characters (MySQL manual, Identifier Length Limits).
const IDENTIFIER_MAX = 64;

/**
 * Why `table` cannot be a sharded table's name, if it cannot: the
 * executor's admission asks the same question before anything is queued.
 *
 * @internal
 */
export function shardTableProblem(table: string): string | undefined {
  if (!TABLE.test(table))
    return `the table name ${JSON.stringify(table)} must be "db.table" (two non-empty parts, no spaces)`;
  if (table.split('.').some((part) => part.length > IDENTIFIER_MAX))
    return `the database and table names must be at most ${IDENTIFIER_MAX} characters each`;
  return undefined;
}

/** Why `column` cannot be a shard key column's name, if it cannot. @internal */
export function shardColumnProblem(column: string): string | undefined {
  if (column === '' || /[\s.]/.test(column) || column.length > IDENTIFIER_MAX)
    return `the column name ${JSON.stringify(column)} must be 1-${IDENTIFIER_MAX} characters without spaces or dots`;
  return undefined;
}
