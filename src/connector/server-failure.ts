import type { FailureKind } from './mysql-failure.js';

/**
 * Internal signal of a routed attempt: the server failed (not the
 * application's statement). `inDoubt`: the work may have committed, so it
 * must not be re-run. Never escapes the pool: the retry loop turns it into
 * a retry, an IN_DOUBT or a DEADLINE_EXCEEDED error.
 */
/** The failure kinds that are the server's, not the application's. */
export type ServerFailureKind = Exclude<FailureKind, 'application'>;

export class ServerFailure extends Error {
  readonly kind: ServerFailureKind;
  readonly error: Error;
  readonly inDoubt: boolean;

  constructor(kind: ServerFailureKind, error: unknown, inDoubt: boolean) {
    const e = error instanceof Error ? error : new Error(String(error));
    super(e.message, { cause: e });
    this.name = 'ServerFailure';
    this.kind = kind;
    this.error = e;
    this.inDoubt = inDoubt;
  }
}
