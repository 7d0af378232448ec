import type { FabricNode as ProtoFabricNode } from '../gen/fabric/v1/FabricNode.js';
import type { NodeApi } from './node-api.js';

/**
 * The Fabric nodes a connector may ask (dump.fabric_nodes), so that a client
 * whose node dies can find another: the members of the committed Raft
 * configuration, not the proposed one (a member being added may never
 * make it), voters first, then learners, each sorted by id. Addresses are
 * those the node knows (its cluster file and every membership change it
 * applied); roles are as the answering node knows them: while it knows no
 * leader, every voter is a follower.
 */
export function fabricNodesOf(
  node: Pick<NodeApi, 'committedConf' | 'status' | 'addressOf'>,
): ProtoFabricNode[] {
  const { conf } = node.committedConf();
  const leader = node.status().leader;
  const sorted = (ids: readonly string[]): string[] => [...ids].sort();
  return [
    ...sorted(conf.voters).map((id): ProtoFabricNode => ({
      id,
      address: node.addressOf(id) ?? '',
      role: id === leader ? 'FABRIC_NODE_ROLE_LEADER' : 'FABRIC_NODE_ROLE_FOLLOWER',
      voter: true,
    })),
    ...sorted(conf.learners).map((id): ProtoFabricNode => ({
      id,
      address: node.addressOf(id) ?? '',
      role: 'FABRIC_NODE_ROLE_LEARNER',
      voter: false,
    })),
  ];
}
