import { InvariantViolation } from '../raft/index.js';
import type { Logger } from '../util/logger.js';

/** The exit status of a node that stopped itself rather than break a promise (EX_SOFTWARE). */
export const FAIL_STOP_EXIT_CODE = 70;

/**
 * Production's fatal port: one log line that names what broke, then exit.
 * A broken invariant or a failed disk write means this node's state can no
 * longer be trusted; carrying on (dropping the message, skipping the write)
 * would let it vote or acknowledge on state it does not have. A supervisor
 * restart re-runs the start checks on the data dir.
 */
export function failStop(
  log: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
): (err: Error) => void {
  return (err) => {
    if (err instanceof InvariantViolation)
      log.fatal(
        { err, invariant: err.message },
        `invariant violated: ${err.message}; stopping the node`,
      );
    else log.fatal({ err }, 'storage failure: stopping the node');
    exit(FAIL_STOP_EXIT_CODE);
  };
}
