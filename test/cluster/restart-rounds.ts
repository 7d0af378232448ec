import { FabricClient } from '../../src/client/index.js';
import type { TestCluster } from './cluster.js';
import { sleep } from './cluster.js';

/**
 * Rounds of kill/restart shared by bench:restart-election and its CI test.
 * Every poll dials a fresh client: a cached channel to a node that just died
 * would sit in grpc-js's reconnect backoff and add its delay to the figure.
 */
const POLL_MS = 10;

/** The node's Status view, or undefined while it does not answer. */
async function statusOf(address: string): Promise<{ leader: string } | undefined> {
  const client = new FabricClient(address, { timeoutMs: 500 });
  try {
    const st = await client.status();
    return { leader: st.leader_id };
  } catch {
    return undefined;
  } finally {
    client.close();
  }
}

/** Waits until `id` answers a Status call; returns the ms since `since`. */
export async function waitServing(
  c: TestCluster,
  id: string,
  since: number,
  timeoutMs = 15_000,
): Promise<number> {
  const address = c.node(id).address;
  while (Date.now() - since < timeoutMs) {
    if ((await statusOf(address)) !== undefined) return Date.now() - since;
    await sleep(POLL_MS);
  }
  throw new Error(`${id} did not serve within ${timeoutMs} ms`);
}

/** Waits until `ids` agree on a leader among themselves other than `old`; returns it. */
export async function waitNewLeader(
  c: TestCluster,
  ids: readonly string[],
  old: string,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const views = await Promise.all(ids.map((id) => statusOf(c.node(id).address)));
    const leaders = new Set(views.map((v) => v?.leader));
    const [leader] = [...leaders];
    if (leaders.size === 1 && leader !== undefined && leader !== old && ids.includes(leader))
      return leader;
    await sleep(POLL_MS);
  }
  throw new Error(`no new leader among ${ids.join(',')} within ${timeoutMs} ms`);
}

/** kill -9 the leader, time until the others agree on a new one, restart it. */
export async function electAfterLeaderKill(c: TestCluster): Promise<number> {
  const leader = await c.waitForLeader();
  const others = [...c.nodes.keys()].filter((id) => id !== leader);
  const killedAt = Date.now();
  await c.node(leader).kill9();
  await waitNewLeader(c, others, leader);
  const ms = Date.now() - killedAt;
  c.node(leader).start();
  await waitServing(c, leader, Date.now());
  await c.waitForLeader();
  return ms;
}

export interface RestartRound {
  /** From spawning the restarted follower to its first answered Status call. */
  readonly servingMs: number;
  /** From killing the leader (right after) to a new leader agreed by the other two. */
  readonly electedMs: number;
}

/**
 * kill -9 a follower, restart it, and as soon as it serves kill -9 the
 * leader: the new leader needs the restarted follower's vote, so the
 * figure includes how fast the survivor redials it.
 */
export async function electAfterFollowerRestart(c: TestCluster): Promise<RestartRound> {
  const leader = await c.waitForLeader();
  const ids = [...c.nodes.keys()];
  const follower = ids.find((id) => id !== leader) as string;
  await c.node(follower).kill9();
  const startedAt = Date.now();
  c.node(follower).start();
  const servingMs = await waitServing(c, follower, startedAt);
  const killedAt = Date.now();
  await c.node(leader).kill9();
  await waitNewLeader(
    c,
    ids.filter((id) => id !== leader),
    leader,
  );
  const electedMs = Date.now() - killedAt;
  c.node(leader).start();
  await waitServing(c, leader, Date.now());
  await c.waitForLeader();
  return { servingMs, electedMs };
}
