import type { InitialState } from '../raft/index.js';
import { checkCommit, checkEntriesFit } from './entry-checks.js';
import { STORAGE_FORMAT_VERSION, encodeIdentity } from './identity-codec.js';
import { ALL_KEYS, IDENTITY_KEY } from './keys.js';
import type { KvStore, KvOp } from './kv-store.js';
import type { NodeIdentity } from './open-options.js';
import type { SnapshotDir } from './snapshot-dir.js';
import { corruptError } from './storage-errors.js';
import { putSeal } from './seal.js';
import type { Seal } from './seal-codec.js';
import { putEntries, putHardState, putSnapshotMetadata } from './write-ops.js';

/**
 * Writes a brand-new data dir's initial state. The identity goes in the same
 * synced batch as the state, so "has an identity" means "fully initialised":
 * a crash before the batch leaves a dir that the next open initialises again.
 */
export async function initializeStore(
  kv: KvStore,
  snapshots: SnapshotDir,
  dataDir: string,
  identity: NodeIdentity,
  initialize: () => InitialState,
): Promise<void> {
  await checkEmpty(kv, snapshots, dataDir);
  const init = initialize();
  const base = init.snapshot?.metadata.index ?? 0;
  checkEntriesFit(init.entries, base, base);
  checkCommit(init.hardState.commit, base + init.entries.length);
  const ops: KvOp[] = [];
  const { clusterId, nodeId } = identity;
  ops.push({
    type: 'put',
    key: IDENTITY_KEY,
    value: encodeIdentity({ clusterId, nodeId, formatVersion: STORAGE_FORMAT_VERSION }),
  });
  putHardState(ops, init.hardState);
  if (init.snapshot !== undefined) {
    await snapshots.write(init.snapshot);
    putSnapshotMetadata(ops, init.snapshot.metadata);
  }
  putEntries(ops, init.entries);
  putSeal(ops, 0, firstSeal(init));
  await kv.batch(ops, { sync: true });
}

/**
 * A dir without an identity must hold nothing else: records without an
 * identity mean the identity was lost, not that the dir is new.
 */
async function checkEmpty(kv: KvStore, snapshots: SnapshotDir, dataDir: string): Promise<void> {
  if (!(await isEmpty(kv))) {
    throw corruptError(dataDir, 'identity', 'the record is missing but the log has records');
  }
  if (await snapshots.hasAny()) {
    throw corruptError(dataDir, 'identity', 'the record is missing but snapshot files exist');
  }
}

/** True if the database holds no record at all. */
export async function isEmpty(kv: KvStore): Promise<boolean> {
  const records = kv.range({ ...ALL_KEYS, limit: 1 })[Symbol.asyncIterator]();
  const first = await records.next();
  await records.return?.();
  return first.done === true;
}

/** The seal of the initialising batch (seal.ts). */
export function firstSeal(init: InitialState): Seal {
  const base = init.snapshot?.metadata.index ?? 0;
  return { seq: 1, lastIndex: base + init.entries.length, hardState: init.hardState };
}
