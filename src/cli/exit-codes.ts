import type { FabricErrorCode } from '../util/fabric-error.js';

/**
 * The `fabric` exit codes, one convention for every command, so scripts
 * can tell "fix the command line" from "the cluster said no" from "try
 * again later" without parsing messages.
 */
export const EXIT = {
  ok: 0,
  /** The operation failed: a procedure ended FAILED, or anything unforeseen. */
  failed: 1,
  /** The command line is wrong: unknown option, bad value, bad JSON, bad config file. */
  usage: 2,
  /** The cluster understood and refused: not found, exists, wrong state, precondition. */
  refused: 3,
  /** Nothing answered, or not in time: no node reachable, no leader, deadline, shutting down. */
  unavailable: 4,
} as const;

const USAGE: ReadonlySet<FabricErrorCode> = new Set(['INVALID_ARGUMENT', 'CONFIG_INVALID']);
const UNAVAILABLE: ReadonlySet<FabricErrorCode> = new Set([
  'PEER_UNREACHABLE',
  'NO_LEADER',
  'PROPOSAL_DROPPED',
  'DEADLINE_EXCEEDED',
  'SHUTTING_DOWN',
]);
const FAILED: ReadonlySet<FabricErrorCode> = new Set(['INTERNAL', 'PROCEDURE_FAILED']);

/** The exit code for a typed error. */
export function exitCodeOf(code: FabricErrorCode): number {
  if (USAGE.has(code)) return EXIT.usage;
  if (UNAVAILABLE.has(code)) return EXIT.unavailable;
  if (FAILED.has(code)) return EXIT.failed;
  return EXIT.refused;
}

/** The `fabric --help` epilogue that documents the convention. */
export const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  the operation failed (a procedure ended FAILED) or an unexpected error
  2  usage: unknown command or option, invalid value or JSON, invalid config file
  3  refused by the cluster: not found, already exists, wrong state, failed precondition
  4  unavailable: no node answered, no leader, deadline exceeded, node shutting down`;
