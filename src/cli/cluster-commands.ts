import type { Command } from 'commander';
import type { StatusResponse__Output } from '../gen/fabric/v1/StatusResponse.js';
import { connect, withConnectOptions } from './connect.js';
import type { ConnectOptions } from './connect.js';
import { emit, table } from './output.js';
import { parseInteger } from './strict-numbers.js';

interface Common extends ConnectOptions {
  readonly json?: boolean;
}

const strip = (s: string, prefix: string): string => s.replace(prefix, '').toLowerCase();

function statusText(s: StatusResponse__Output): string {
  const head =
    `node ${s.node_id} (cluster ${s.cluster_id}): ${strip(s.role, 'NODE_ROLE_')}, term ${s.term}, ` +
    `commit ${s.commit_index}, applied ${s.applied_index}, last ${s.last_index}\n` +
    `leader: ${s.leader_id === '' ? '(none known)' : `${s.leader_id} at ${s.leader_address}`}\n`;
  const rows = s.members.map((m) => [
    m.node_id,
    m.address,
    strip(m.role, 'MEMBER_ROLE_'),
    m.node_id === s.leader_id ? 'yes' : '',
    m.progress_known ? String(m.match_index) : '?',
    m.progress_known ? String(m.lag) : '?',
    m.progress_known ? (m.recently_active ? 'yes' : 'no') : '?',
  ]);
  return head + table(['ID', 'ADDRESS', 'ROLE', 'LEADER', 'MATCH', 'LAG', 'ACTIVE'], rows);
}

async function withClient<T>(
  opts: ConnectOptions,
  fn: (c: Awaited<ReturnType<typeof connect>>) => Promise<T>,
): Promise<T> {
  const c = await connect(opts);
  try {
    return await fn(c);
  } finally {
    c.close();
  }
}

/** fabric cluster status | add | remove | transfer */
export function registerClusterCommands(program: Command): void {
  const cluster = program
    .command('cluster')
    .description('inspect and change the Fabric nodes themselves');

  withConnectOptions(
    cluster.command('status').description('role, term, leader and every member with its lag'),
  ).action(async (o: Common) => {
    const s = await withClient(o, (c) => c.status());
    emit(o.json === true, s, () => statusText(s));
  });
  withConnectOptions(
    cluster
      .command('add <node-id> <address>')
      .description('add a node as a learner; it is promoted to voter once caught up')
      .option('--timeout <ms>', 'how long to wait for the promotion', '60000'),
  ).action(async (id: string, address: string, o: Common & { timeout: string }) => {
    const timeoutMs = parseInteger('--timeout', o.timeout, 1, 3_600_000);
    const r = await withClient(o, (c) => c.addNode(id, address, timeoutMs));
    emit(
      o.json === true,
      r,
      () => `added ${id} at ${address}: now a ${strip(r.member?.role ?? '', 'MEMBER_ROLE_')}`,
    );
  });
  withConnectOptions(
    cluster.command('remove <node-id>').description('remove a voter or learner (the leader too)'),
  ).action(async (id: string, o: Common) => {
    const r = await withClient(o, (c) => c.removeNode(id));
    emit(
      o.json === true,
      r,
      () => `removed ${id} (committed at index ${r.index}); stop its process now`,
    );
  });
  withConnectOptions(
    cluster
      .command('transfer [node-id]')
      .description('hand leadership to a voter (default: the most up-to-date)'),
  ).action(async (id: string | undefined, o: Common) => {
    const r = await withClient(o, (c) => c.transferLeadership(id ?? ''));
    emit(o.json === true, r, () => `leader is now ${r.leader_id}`);
  });
}
