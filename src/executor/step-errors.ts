import type { FabricErrorCode } from '../util/fabric-error.js';

/** A step's failure with a stable code from the one error table; the subclass says whether to retry. */
abstract class StepError extends Error {
  readonly code: FabricErrorCode;
  constructor(code: FabricErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * A failure that retrying may fix (a server that did not answer, a lost
 * connection): the runner records the code and runs the step again after
 * the retry policy's backoff, until the step's attempts run out.
 */
export class StepRetryableError extends StepError {}

/**
 * A failure that retrying cannot fix (bad input, a broken rule, a progress
 * record over the limit): the runner fails the procedure at once, recording
 * the code.
 */
export class StepPermanentError extends StepError {}

/**
 * A step command the runner could not get committed (no quorum, a dropped
 * proposal): neither the step's fault nor a verdict on it, so the runner
 * stops and the executor drives the procedure again later, same attempt.
 */
export class StepCommitError extends Error {
  constructor(what: string, options?: ErrorOptions) {
    super(`${what} was not committed`, options);
    this.name = 'StepCommitError';
  }
}
