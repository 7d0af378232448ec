import type * as grpc from '@grpc/grpc-js';
import type { ClusterServiceHandlers } from '../gen/fabric/v1/ClusterService.js';
import type { AddNodeRequest__Output } from '../gen/fabric/v1/AddNodeRequest.js';
import type { AddNodeResponse } from '../gen/fabric/v1/AddNodeResponse.js';
import type { RemoveNodeRequest__Output } from '../gen/fabric/v1/RemoveNodeRequest.js';
import type { RemoveNodeResponse } from '../gen/fabric/v1/RemoveNodeResponse.js';
import type { StatusRequest__Output } from '../gen/fabric/v1/StatusRequest.js';
import type { TransferLeadershipRequest__Output } from '../gen/fabric/v1/TransferLeadershipRequest.js';
import type { TransferLeadershipResponse } from '../gen/fabric/v1/TransferLeadershipResponse.js';
import type { Member } from '../gen/fabric/v1/Member.js';
import type { StatusResponse, StatusResponse__Output } from '../gen/fabric/v1/StatusResponse.js';
import type { NodeId, RaftStatus } from '../raft/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { PeerChannels } from './forward.js';
import type { NodeApi } from './node-api.js';
import { unary } from './unary.js';
import { requireAddress, requireNodeId } from './validate.js';

const ROLE = {
  follower: 'NODE_ROLE_FOLLOWER',
  'pre-candidate': 'NODE_ROLE_PRE_CANDIDATE',
  candidate: 'NODE_ROLE_CANDIDATE',
  leader: 'NODE_ROLE_LEADER',
} as const;

const POLL_MS = 50;

/** fabric.v1.ClusterService over a node; followers forward mutations to the leader. */
export function clusterServiceHandlers(node: NodeApi, peers: PeerChannels): ClusterServiceHandlers {
  return {
    Status: unary<StatusRequest__Output, StatusResponse>(node, async () => statusOf(node, peers)),
    AddNode: unary<AddNodeRequest__Output, AddNodeResponse>(
      node,
      async ({ request, onLeader }) => {
        requireNodeId('node_id', request.node_id);
        requireAddress('address', request.address);
        const timeoutMs = request.timeout_ms > 0 ? request.timeout_ms : 30_000;
        return onLeader(async (): Promise<AddNodeResponse> => ({
          member: await addNode(node, request.node_id, request.address, timeoutMs),
        }));
      },
      peers,
    ),
    RemoveNode: unary<RemoveNodeRequest__Output, RemoveNodeResponse>(
      node,
      async ({ request, onLeader }) => {
        requireNodeId('node_id', request.node_id);
        return onLeader(async () => {
          const conf = node.status().conf;
          if (!conf.voters.includes(request.node_id) && !conf.learners.includes(request.node_id)) {
            throw new FabricError(
              'NODE_NOT_FOUND',
              `node ${request.node_id} is not a member (members: ${[...conf.voters, ...conf.learners].join(', ')})`,
            );
          }
          return { index: await node.removeMember(request.node_id, 30_000) };
        });
      },
      peers,
    ),
    TransferLeadership: unary<TransferLeadershipRequest__Output, TransferLeadershipResponse>(
      node,
      async ({ request, onLeader }) => {
        if (request.target_node_id !== '') requireNodeId('target_node_id', request.target_node_id);
        return onLeader(async () => {
          const target =
            request.target_node_id === ''
              ? bestTransferTarget(node.status())
              : request.target_node_id;
          if (!node.status().conf.voters.includes(target)) {
            throw new FabricError(
              'NODE_NOT_FOUND',
              `node ${target} is not a voter; leadership can only go to a voter`,
            );
          }
          await node.transferLeadership(target, 10_000);
          return { leader_id: target };
        });
      },
      peers,
    ),
  } satisfies grpc.UntypedServiceImplementation;
}

/** The most up-to-date voter other than the leader. */
function bestTransferTarget(st: RaftStatus): NodeId {
  let best = '';
  let bestMatch = -1;
  for (const id of st.conf.voters) {
    const match = st.progress.get(id)?.match ?? 0;
    if (id !== st.id && match > bestMatch) {
      best = id;
      bestMatch = match;
    }
  }
  if (best === '')
    throw new FabricError('INVALID_ARGUMENT', 'there is no other voter to transfer leadership to');
  return best;
}

/**
 * Another member's address would send that member's traffic to two nodes
 * (the copied-config mistake: every file keeps advertise = "127.0.0.1:7001"):
 * the new node would wait for ever for a leader that reaches the other one.
 */
function refuseTakenAddress(node: NodeApi, id: NodeId, address: string): void {
  const conf = node.status().conf;
  const owner = [...conf.voters, ...conf.learners].find(
    (m) => m !== id && node.addressOf(m) === address,
  );
  if (owner !== undefined)
    throw new FabricError(
      'NODE_EXISTS',
      `address ${address} is member ${owner}'s; node ${id} must advertise an address of its own (set [node] advertise and listen in its cluster file)`,
      { node: id, owner },
    );
}

async function addNode(
  node: NodeApi,
  id: NodeId,
  address: string,
  timeoutMs: number,
): Promise<Member> {
  const conf = node.status().conf;
  const known = node.addressOf(id);
  if (
    (conf.voters.includes(id) || conf.learners.includes(id)) &&
    known !== undefined &&
    known !== address
  ) {
    throw new FabricError(
      'NODE_EXISTS',
      `node ${id} is already a member at ${known}; remove it first to change its address`,
    );
  }
  if (conf.voters.includes(id)) throw alreadyVoterError(id);
  refuseTakenAddress(node, id, address);
  // A learner is waited for again: a retry of an add that timed out.
  if (!conf.learners.includes(id)) await node.addLearner(id, address, timeoutMs);
  const deadline = Date.now() + timeoutMs;
  // The leader promotes a learner once it has caught up (raft-node.ts).
  while (!node.status().conf.voters.includes(id)) {
    if (Date.now() > deadline) {
      throw new FabricError(
        'DEADLINE_EXCEEDED',
        `node ${id} joined as a learner but had not caught up within ${timeoutMs} ms; it will be promoted once it does`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return membersOf(node, node.status()).find((m) => m.node_id === id) ?? { node_id: id, address };
}

/**
 * Adding a voter again used to be a silent no-op, and an operator rebuilding
 * a node (DATA_DIR_CORRUPT) then got a voter with an empty log and no memory
 * of its votes. A node is rebuilt by removing it first (storage-errors.ts).
 */
export function alreadyVoterError(id: NodeId): FabricError {
  return new FabricError(
    'NODE_EXISTS',
    `node ${id} is already a voter; to rebuild it (a lost or corrupt data dir), remove it first: ` +
      `\`fabric cluster remove ${id}\`, then start it on an empty data dir with \`fabric node start --join\``,
    { nodeId: id },
  );
}

function membersOf(node: NodeApi, st: RaftStatus): Member[] {
  const ids = [
    ...st.conf.voters.map((id) => [id, 'MEMBER_ROLE_VOTER'] as const),
    ...st.conf.learners.map((id) => [id, 'MEMBER_ROLE_LEARNER'] as const),
  ];
  return ids.map(([id, role]) => {
    const pr = st.progress.get(id);
    return {
      node_id: id,
      address: node.addressOf(id) ?? '',
      role,
      match_index: pr?.match ?? 0,
      lag: pr === undefined ? 0 : Math.max(0, st.lastIndex - pr.match),
      recently_active: id === st.id ? true : (pr?.recentActive ?? false),
      progress_known: pr !== undefined,
    };
  });
}

/** A follower's best-effort question to the leader about progress. */
const LEADER_STATUS_TIMEOUT_MS = 2_000;
const STATUS_PATH = '/fabric.v1.ClusterService/Status';

async function statusOf(node: NodeApi, peers: PeerChannels): Promise<StatusResponse> {
  const st = node.status();
  let members = membersOf(node, st);
  if (st.role !== 'leader' && st.leader !== '') {
    // Progress figures exist only on the leader: ask it, best effort.
    const address = node.addressOf(st.leader);
    if (address !== undefined) {
      try {
        const remote = await peers.call<StatusResponse__Output>(
          address,
          STATUS_PATH,
          {},
          {
            forwarded: false,
            deadline: Date.now() + LEADER_STATUS_TIMEOUT_MS,
          },
        );
        if (remote.role === 'NODE_ROLE_LEADER') members = remote.members;
      } catch {
        // Keep this node's view; progress_known stays false.
      }
    }
  }
  const committed = node.committedConf();
  return {
    node_id: st.id,
    cluster_id: node.clusterId,
    role: ROLE[st.role],
    term: st.term,
    commit_index: st.commit,
    applied_index: node.applied,
    last_index: st.lastIndex,
    leader_id: st.leader,
    leader_address: st.leader === '' ? '' : (node.addressOf(st.leader) ?? ''),
    members,
    committed_conf_index: committed.index,
    committed_members: [...committed.conf.voters, ...committed.conf.learners],
  };
}
