/**
 * One SQL statement for a managed server. `kind` names it in errors and
 * logs instead of the SQL text; `secrets` are values (passwords) that must
 * never appear in either, even inside a server's syntax-error message
 * ("... near 'secret' at line 1").
 */
export interface Statement {
  readonly kind: string;
  /** SQL with `?` placeholders, expanded client-side by mysql2's query() (escaped, never prepared). */
  readonly sql: string;
  readonly values?: readonly SqlValue[];
  readonly secrets?: readonly string[];
}

/** A value mysql2 escapes into a statement. */
export type SqlValue = string | number | bigint | boolean | null | Buffer;

/** A result row as mysql2's text protocol returns it. */
export type Row = Readonly<Record<string, unknown>>;

export function statement(kind: string, sql: string, values?: readonly SqlValue[]): Statement {
  return values === undefined ? { kind, sql } : { kind, sql, values };
}
