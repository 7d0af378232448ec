import { accept } from './apply-result.js';
import type { ApplyResult } from './apply-result.js';
import type { NodeRemoveCommand, NodeUpsertCommand } from './commands.js';
import { broken, obj } from './effect-outcome.js';
import type { ModelState } from './model-state.js';

/**
 * The Fabric nodes connectors may talk to (dump.fabric_nodes). They are not
 * MySQL routing, so they do not move the topology epoch.
 *
 * @internal
 */
export function applyNodeUpsert(s: ModelState, c: NodeUpsertCommand): ApplyResult {
  const holder = [...s.nodes.values()].find((n) => n.address === c.address && n.id !== c.id);
  if (holder !== undefined)
    return broken(
      'NODE_EXISTS',
      obj.node(c.id),
      'address-unique',
      `address ${c.address} already belongs to node ${holder.id}`,
    );
  s.nodes.set(c.id, { id: c.id, address: c.address });
  return accept({ type: 'node-upsert', nodeId: c.id });
}

/** @internal */
export function applyNodeRemove(s: ModelState, c: NodeRemoveCommand): ApplyResult {
  if (!s.nodes.delete(c.id))
    return broken('NODE_NOT_FOUND', obj.node(c.id), 'exists', 'no such Fabric node');
  return accept({ type: 'node-remove', nodeId: c.id });
}
