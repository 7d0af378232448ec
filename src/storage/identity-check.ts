import { FabricError } from '../util/fabric-error.js';
import { STORAGE_FORMAT_VERSION } from './identity-codec.js';
import type { StoredIdentity } from './identity-codec.js';
import type { NodeIdentity } from './open-options.js';
import { unusableError } from './storage-errors.js';

/**
 * Refuses a data dir that belongs to another cluster or node (a copied or
 * misconfigured dir would make this node vote with someone else's log), or
 * that a newer fabric-ha wrote in a format this build cannot read.
 */
export function checkIdentity(dataDir: string, stored: StoredIdentity, mine: NodeIdentity): void {
  if (stored.clusterId !== mine.clusterId || stored.nodeId !== mine.nodeId) {
    throw new FabricError(
      'DATA_DIR_FOREIGN',
      `data dir ${dataDir} belongs to cluster "${stored.clusterId}" node "${stored.nodeId}", ` +
        `but this node is cluster "${mine.clusterId}" node "${mine.nodeId}"; refusing to use it. ` +
        'Point the node at its own data dir, or move this one aside to start the node afresh',
      {
        dataDir,
        storedClusterId: stored.clusterId,
        storedNodeId: stored.nodeId,
        clusterId: mine.clusterId,
        nodeId: mine.nodeId,
      },
    );
  }
  if (stored.formatVersion !== STORAGE_FORMAT_VERSION) {
    throw unusableError(
      dataDir,
      `it has storage format ${stored.formatVersion}, and this fabric-ha reads format ${STORAGE_FORMAT_VERSION}; ` +
        'run the fabric-ha version that wrote it',
    );
  }
}
