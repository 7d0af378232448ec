import type * as grpc from '@grpc/grpc-js';

import { alreadyVoterError } from '../api/cluster-service.js';
import { FabricClient } from '../client/index.js';
import type { Logger } from '../util/logger.js';
import type { RaftNode } from '../node/raft-node.js';

/**
 * `fabric node start --join` on a data dir with no membership, for a node id
 * the cluster still counts as a voter: refused before this node serves
 * anything. Its leader would otherwise bring it back as a voter with an
 * empty log and no memory of the votes it cast, and a vote cast twice in one
 * term can elect two leaders (Raft §5.2; Alagappan et al., FAST 2018). The
 * refusal says to remove it first; then it joins as a learner and votes only
 * once promoted. A node whose own log says it is a member is restarting:
 * nothing to check. If no member answers, join() reports that later.
 */
export async function refuseFreshVoter(
  node: RaftNode,
  via: string,
  credentials: grpc.ChannelCredentials,
  logger: Logger,
): Promise<void> {
  const own = node.status().conf;
  if (own.voters.includes(node.id) || own.learners.includes(node.id)) return;
  const client = new FabricClient(via, { credentials, timeoutMs: 10_000 });
  try {
    const members = await client.status().then(
      (st) => st.members,
      (err: unknown) => {
        logger.warn({ err, via }, 'could not check membership before joining');
        return [];
      },
    );
    if (members.some((m) => m.node_id === node.id && m.role === 'MEMBER_ROLE_VOTER')) {
      throw alreadyVoterError(node.id);
    }
  } finally {
    client.close();
  }
}
