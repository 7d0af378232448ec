import type { Group, Server } from '../../fabric/index.js';
import { replicationStates } from './replication.js';
import type { Decision, Evidence, JudgeInput } from './types.js';
import {
  majorityOf,
  nodeViews,
  secondariesLost,
  secondarySights,
  sightJson,
  viewJson,
} from './views.js';
import type { NodeView, SecondarySight } from './views.js';

/**
 * The failure detector's verdicts for one round, on the leader
 * (mysql-fabric.md §3, done better). MySQL Fabric declared a server FAULTY
 * after `detections` failed connects from its one process; a link cut
 * between that process and a healthy primary was a failover. Here the
 * leader's own run of failures is necessary, never sufficient: a majority
 * of the voting Fabric nodes must have seen the server fail within the
 * observation window, or, for a primary, every reachable secondary
 * replicating from it must have lost its IO thread too.
 *
 * Pure: the caller passes the time, the farm and every view in; the same
 * input gives the same decisions, in a fixed order (groups by id, servers
 * by uuid).
 */
export function judge(input: JudgeInput): Decision[] {
  const replication = replicationStates(input);
  const out: Decision[] = [];
  for (const g of input.farm.groups) {
    if (g.status !== 'ACTIVE') continue;
    const members = input.farm.servers.filter((s) => s.groupId === g.id);
    for (const s of members) {
      if (s.status === 'FAULTY') continue;
      const d = judgeServer(input, g, members, s);
      if (d !== undefined) out.push(d);
      const r = replication.get(s.uuid);
      if (r !== undefined && r.state !== 'ok')
        out.push({
          kind: 'replication-issue',
          group: g.id,
          server: s.uuid,
          address: s.address,
          issue: r.state,
          state: r,
        });
    }
  }
  return out;
}

function judgeServer(
  input: JudgeInput,
  g: Group,
  members: readonly Server[],
  s: Server,
): Decision | undefined {
  const isPrimary = g.primary === s.uuid;
  // CONFIGURING servers are being (re)slaved by a procedure; their own
  // procedure reports what fails.
  if (!isPrimary && s.status !== 'SECONDARY' && s.status !== 'SPARE') return undefined;
  const failures = input.leaderFailures.get(s.uuid)?.consecutive ?? 0;
  if (failures < input.settings.detections) return undefined;
  const views = nodeViews(input, s.uuid).map((v) => leaderSaysFailed(input, v, s.uuid));
  const failed = views.filter((v) => v.state === 'failed').length;
  const majority = failed >= majorityOf(input.voters.length);
  const sights = isPrimary ? secondarySights(input, members, s) : [];
  const lost = secondariesLost(sights);
  const ref = { group: g.id, server: s.uuid, address: s.address };
  const role = isPrimary ? 'primary' : 'secondary';
  const evidence = evidenceOf(input, {
    ...ref,
    role,
    failures,
    views,
    failed,
    majority,
    lost,
    sights,
  });
  if (!majority && !lost)
    return { kind: 'unconfirmed', ...ref, role, reason: 'no-agreement', evidence };
  if (!isPrimary) return { kind: 'secondary-dead', ...ref, evidence };
  const cooldownEnd = input.cooldownEnds.get(g.id) ?? 0;
  if (input.now < cooldownEnd)
    return {
      kind: 'unconfirmed',
      ...ref,
      role,
      reason: 'cooldown',
      evidence: { ...evidence, cooldownEndsAt: cooldownEnd },
    };
  return { kind: 'primary-dead', ...ref, evidence };
}

/**
 * The leader's own view is its run of failures, whatever its map holds:
 * it only gets here with `detections` consecutive failures, the latest
 * of which is its freshest probe.
 */
function leaderSaysFailed(input: JudgeInput, v: NodeView, uuid: string): NodeView {
  if (v.node !== input.leaderId) return v;
  const lastError = input.leaderFailures.get(uuid)?.lastError ?? '';
  return { node: v.node, state: 'failed', at: v.at ?? input.now, error: v.error || lastError };
}

interface Finding {
  readonly group: string;
  readonly server: string;
  readonly address: string;
  readonly role: 'primary' | 'secondary';
  readonly failures: number;
  readonly views: readonly NodeView[];
  readonly failed: number;
  readonly majority: boolean;
  readonly lost: boolean;
  readonly sights: readonly SecondarySight[];
}

function ruleOf(f: Finding): string {
  if (f.majority && f.lost) return 'majority+secondaries';
  if (f.majority) return 'majority';
  return f.lost ? 'secondaries' : 'none';
}

function evidenceOf(input: JudgeInput, f: Finding): Evidence {
  const { now } = input;
  return {
    server: f.server,
    address: f.address,
    group: f.group,
    role: f.role,
    rule: ruleOf(f),
    judgedBy: input.leaderId,
    at: now,
    leader: {
      node: input.leaderId,
      consecutiveFailures: f.failures,
      detections: input.settings.detections,
      lastError: input.leaderFailures.get(f.server)?.lastError ?? '',
    },
    majority: {
      voters: input.voters.length,
      needed: majorityOf(input.voters.length),
      failed: f.failed,
      windowMs: input.settings.observationWindowMs,
    },
    nodes: f.views.map((v) => viewJson(v, now)),
    ...(f.role === 'primary' ? { secondaries: f.sights.map((s) => sightJson(s, now)) } : {}),
  };
}
