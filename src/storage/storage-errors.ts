import { FabricError } from '../util/fabric-error.js';
import { RecordProblem } from './record-problem.js';

/**
 * What an operator does about a corrupt data dir. Raft cannot trust a log it
 * cannot read, and repairing one by hand risks un-committing entries the
 * cluster counted on, so the node is rebuilt from the others.
 */
export const RESTORE_ADVICE =
  'restore this node from a snapshot: stop it, move the data dir aside, and re-add it to the cluster with `fabric cluster add`';

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
    `data dir ${dataDir} is corrupt: ${where}: ${problem}. Do not edit it by hand; ${RESTORE_ADVICE}`,
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
