import { constants } from 'node:fs';
import { access, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

import { FabricError } from '../util/fabric-error.js';
import { TMP_SUFFIX, fsyncDir, writeFileAtomic } from './atomic-write.js';
import { errnoOf, unusableError } from './storage-errors.js';

/**
 * A file that marks a directory as a fabric-ha data dir. It is written
 * before LevelDB creates anything, so a non-empty directory without it is
 * someone else's (even another program's LevelDB) and is left untouched:
 * opening a LevelDB writes to it. Its content is for humans; only its
 * presence counts.
 */
export const MARKER_FILE = 'FABRIC-HA';
const MARKER_TEXT =
  'This directory is a fabric-ha data dir. Do not edit, copy or move files in it by hand.\n';
/** How many unexpected names a DATA_DIR_FOREIGN message lists. */
const NAMES_SHOWN = 5;

/**
 * Checks `dataDir` before LevelDB touches it, creating it (and its marker)
 * if it does not exist or is empty. Throws DATA_DIR_UNUSABLE for a path that
 * cannot be a writable directory, DATA_DIR_FOREIGN for a non-empty directory
 * without the marker.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  await ensureDirectory(dataDir);
  try {
    await access(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (e) {
    throw unusableError(dataDir, 'it is not readable and writable by this process', e);
  }
  const names = await readdir(dataDir);
  if (names.includes(MARKER_FILE)) return;
  // A crash while writing the marker leaves only its tmp file: still empty.
  const others = names.filter((n) => n !== MARKER_FILE + TMP_SUFFIX);
  if (others.length > 0) throw foreignDirError(dataDir, others);
  try {
    await writeFileAtomic(dataDir, MARKER_FILE, [Buffer.from(MARKER_TEXT)]);
  } catch (e) {
    throw unusableError(dataDir, 'cannot write to it', e);
  }
}

async function ensureDirectory(dataDir: string): Promise<void> {
  try {
    const s = await stat(dataDir);
    if (!s.isDirectory()) throw unusableError(dataDir, 'it exists and is not a directory');
    return;
  } catch (e) {
    if (e instanceof FabricError) throw e;
    if (errnoOf(e) !== 'ENOENT') throw unusableError(dataDir, 'cannot inspect it', e);
  }
  try {
    // Durable only once the parent of the topmost directory created is synced.
    const topmost = await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await fsyncDir(dirname(topmost ?? dataDir));
  } catch (e) {
    throw unusableError(dataDir, 'cannot create it', e);
  }
}

function foreignDirError(dataDir: string, names: readonly string[]): FabricError {
  const shown = [...names].sort().slice(0, NAMES_SHOWN).join(', ');
  const more = names.length > NAMES_SHOWN ? `, and ${names.length - NAMES_SHOWN} more` : '';
  return new FabricError(
    'DATA_DIR_FOREIGN',
    `data dir ${dataDir} is not empty and is not a fabric-ha data dir (no ${MARKER_FILE} file; it holds ${shown}${more}); ` +
      'refusing to touch it. Point the node at an empty or new directory',
    { dataDir },
  );
}
