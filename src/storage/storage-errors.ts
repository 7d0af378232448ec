import { FabricError, isFabricError } from '../util/fabric-error.js';
import { RecordProblem } from './record-problem.js';

/**
 * What an operator does about a corrupt data dir: the one path that works.
 * Raft cannot trust a log it cannot read, and a node that lost writes it may
 * have acknowledged, or a vote, must not vote or serve with what is left
 * (Alagappan et al., "Protocol-Aware Recovery for Consensus-Based Storage",
 * FAST 2018): it is removed, so no quorum counts it, and rebuilt from the
 * others as a new learner that votes only once promoted. Re-adding it
 * without removing it would bring back a voter with no memory of its votes.
 */
export function restoreAdvice(nodeId: string): string {
  return (
    `rebuild this node from the others: on a healthy member run \`fabric cluster remove ${nodeId}\`, ` +
    'move this data dir aside (keep it for diagnosis), then start this node on an empty data dir with ' +
    "`fabric node start --config <its config> --join <a member's host:port>`: it rejoins as a learner, " +
    'catches up from the leader and is promoted to voter'
  );
}

const NODE_ID_PLACEHOLDER = '<node id>';

/** The advice before the node id is known; openStore fills it in (withNodeId). */
export const RESTORE_ADVICE = restoreAdvice(NODE_ID_PLACEHOLDER);

/** Names the node in a DATA_DIR_CORRUPT message's advice. */
export function withNodeId(e: unknown, nodeId: string): unknown {
  if (!isFabricError(e, 'DATA_DIR_CORRUPT')) return e;
  return new FabricError(
    e.code,
    e.message.replace(RESTORE_ADVICE, restoreAdvice(nodeId)),
    { ...e.details, nodeId },
    e.cause === undefined ? undefined : { cause: e.cause },
  );
}

/**
 * DATA_DIR_CORRUPT. `where` names the record ("log entry 42", "key 0x…",
 * "snapshot file snap-….bin"); `problem` says what is wrong with it.
 */
export function corruptError(
  dataDir: string,
  where: string,
  problem: string,
  details: Readonly<Record<string, string | number>> = {},
  cause?: unknown,
): FabricError {
  return new FabricError(
    'DATA_DIR_CORRUPT',
    `data dir ${dataDir} is corrupt: ${where}: ${problem}. This node will not start on it. Do not edit it by hand; ${RESTORE_ADVICE}`,
    { dataDir, where, ...details },
    cause === undefined ? undefined : { cause },
  );
}

export function lockedError(dataDir: string, cause: unknown): FabricError {
  return new FabricError(
    'DATA_DIR_LOCKED',
    `data dir ${dataDir} is in use by another fabric-ha process (LevelDB LOCK held); stop that process first`,
    { dataDir },
    { cause },
  );
}

export function unusableError(dataDir: string, problem: string, cause?: unknown): FabricError {
  const code = errnoOf(cause);
  return new FabricError(
    'DATA_DIR_UNUSABLE',
    `data dir ${dataDir} is unusable: ${problem}${code === undefined ? '' : ` (${code})`}`,
    { dataDir },
    cause === undefined ? undefined : { cause },
  );
}

/** The `code` of a Node system error (ENOENT, EACCES, …) or of a LevelDB error. */
export function errnoOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
}

/** Runs a decoder, turning its RecordProblem into DATA_DIR_CORRUPT about `where`. */
export function decodeOrCorrupt<T>(
  decode: () => T,
  dataDir: string,
  where: string,
  index?: number,
): T {
  try {
    return decode();
  } catch (e) {
    if (!(e instanceof RecordProblem)) throw e;
    throw corruptError(dataDir, where, e.message, index === undefined ? {} : { index }, e);
  }
}
