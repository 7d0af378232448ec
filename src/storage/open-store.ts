import { resolve } from 'node:path';

import type { Logger } from '../util/logger.js';
import { isFabricError } from '../util/fabric-error.js';
import { readCleanClose, removeCleanClose } from './clean-close.js';
import { prepareDataDir } from './data-dir.js';
import { checkIdentity } from './identity-check.js';
import { decodeIdentity } from './identity-codec.js';
import { initializeStore } from './initialize-store.js';
import { IDENTITY_KEY } from './keys.js';
import type { KvStore } from './kv-store.js';
import { openLevelKv } from './level-kv.js';
import { loadState } from './load-state.js';
import type { LoadedState } from './load-state.js';
import type { OpenOptions, StorageHooks } from './open-options.js';
import { readSeal } from './seal.js';
import type { Seal } from './seal-codec.js';
import { SnapshotDir } from './snapshot-dir.js';
import {
  corruptError,
  decodeOrCorrupt,
  errnoOf,
  unusableError,
  withNodeId,
} from './storage-errors.js';
import { verifyCopy } from './verify-copy.js';
import type { VerifiedState } from './verify-copy.js';

/** Everything LogStore is built from. */
export interface OpenedStore {
  readonly dataDir: string;
  readonly logger: Logger;
  readonly kv: KvStore;
  readonly snapshots: SnapshotDir;
  readonly loaded: LoadedState;
  /** The seal of the last write batch (seal.ts). */
  readonly seal: Seal;
  readonly created: boolean;
}

/**
 * The open sequence: check the directory without touching it, verify a copy
 * of its LevelDB (verify-copy.ts: identity, dropped records, checksums,
 * shape, seal chain, clean close), and only then open the dir itself (taking
 * the LevelDB lock), create the identity of a new dir, remove the
 * clean-close record, and clean up files a crash left behind.
 */
export async function openStore(opts: OpenOptions, hooks: StorageHooks): Promise<OpenedStore> {
  const dataDir = resolve(opts.dataDir);
  const logger = opts.logger.child({ component: 'storage' });
  try {
    return await openVerified(dataDir, logger, opts, hooks);
  } catch (e) {
    throw withNodeId(e, opts.identity.nodeId);
  }
}

async function openVerified(
  dataDir: string,
  logger: Logger,
  opts: OpenOptions,
  hooks: StorageHooks,
): Promise<OpenedStore> {
  await prepareDataDir(dataDir);
  const snapshots = new SnapshotDir(dataDir);
  const verified = await verifyOrThrow(dataDir, opts, snapshots);
  const level = await openLevelKv(dataDir);
  const kv = hooks.wrapKv?.(level) ?? level;
  try {
    const { loaded, seal, created } = await loadOpened(kv, snapshots, dataDir, opts, verified);
    await removeCleanClose(dataDir);
    const removed = await snapshots.removeAllBut(loaded.snapshotFile);
    if (removed.length > 0) {
      logger.warn({ dataDir, removed }, 'removed snapshot files a crash left behind');
    }
    return { dataDir, logger, kv, snapshots, loaded, seal, created };
  } catch (e) {
    await kv.close();
    throw asStorageError(dataDir, e);
  }
}

async function verifyOrThrow(
  dataDir: string,
  opts: OpenOptions,
  snapshots: SnapshotDir,
): Promise<VerifiedState | undefined> {
  try {
    const verified = await verifyCopy(dataDir, opts.identity, snapshots);
    if (verified === undefined && (await readCleanClose(dataDir)) !== undefined) {
      throw corruptError(
        dataDir,
        'LevelDB',
        'its files are missing, but the node had stopped cleanly with a log: everything is lost',
      );
    }
    return verified;
  } catch (e) {
    throw asStorageError(dataDir, e);
  }
}

/** The verified state (checking the dir did not change since), or a new dir initialised. */
async function loadOpened(
  kv: KvStore,
  snapshots: SnapshotDir,
  dataDir: string,
  opts: OpenOptions,
  verified: VerifiedState | undefined,
): Promise<{ loaded: LoadedState; seal: Seal; created: boolean }> {
  if (verified === undefined) {
    const created = await ensureIdentity(kv, snapshots, dataDir, opts);
    const loaded = await loadState(kv, snapshots, dataDir);
    return { loaded, seal: await readSeal(kv, dataDir), created };
  }
  await snapshots.ensure();
  const seal = await readSeal(kv, dataDir);
  if (seal.seq !== verified.seal.seq) {
    throw corruptError(
      dataDir,
      'seal',
      `write batch ${seal.seq} differs from batch ${verified.seal.seq} of the copy just verified: ` +
        'something else wrote to the data dir',
    );
  }
  return { loaded: verified.loaded, seal, created: false };
}

/** Returns true if the identity was just created (a brand-new data dir). */
async function ensureIdentity(
  kv: KvStore,
  snapshots: SnapshotDir,
  dataDir: string,
  opts: OpenOptions,
): Promise<boolean> {
  const record = await kv.get(IDENTITY_KEY);
  if (record === undefined) {
    await snapshots.ensure();
    await initializeStore(kv, snapshots, dataDir, opts.identity, opts.initialize);
    return true;
  }
  const stored = decodeOrCorrupt(() => decodeIdentity(record), dataDir, 'identity');
  checkIdentity(dataDir, stored, opts.identity);
  await snapshots.ensure();
  return false;
}

/**
 * LevelDB's own corruption reports are DATA_DIR_CORRUPT; other file system
 * and LevelDB failures mean the dir cannot be used. Bugs pass through.
 */
function asStorageError(dataDir: string, e: unknown): unknown {
  if (isFabricError(e)) return e;
  const code = errnoOf(e);
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'LEVEL_CORRUPTION') return corruptError(dataDir, 'LevelDB', message, {}, e);
  if (code?.startsWith('E') === true || code?.startsWith('LEVEL_') === true) {
    return unusableError(dataDir, 'cannot read or write it', e);
  }
  return e;
}
