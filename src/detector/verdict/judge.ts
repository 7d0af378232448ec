import type { Group, Server } from '../../fabric/index.js';
import { replicationStates } from './replication.js';
import type { Decision, Evidence, JudgeInput, Unconfirmed } from './types.js';
import {
  majorityOf,
  nodeViews,
  replicaVerdict,
  secondarySights,
  sightJson,
  viewJson,
} from './views.js';
import type { NodeView, ReplicaVerdict, SecondarySight } from './views.js';

/**
 * The failure detector's verdicts for one round, on the leader
 * (mysql-fabric.md §3, done better). MySQL Fabric declared a server FAULTY
 * after `detections` failed connects from its one process; a link cut
 * between that process and a healthy primary was a failover. Here the
 * leader's own run of failures is necessary, never sufficient: a majority
 * of the voting Fabric nodes must have seen the server fail within the
 * observation window, and, for a primary, the replicas must agree too: no
 * reachable replica may still receive from it (a veto: Fabric is cut from
 * a live primary, as Orchestrator's holistic detection also assumes) and
 * at least one must have lost it (unless the operator waived that for
 * groups whose replicas cannot say). The table in README, "Failure
 * detection", lists every combination.
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
  const replicas = replicaVerdict(sights);
  const ref = { group: g.id, server: s.uuid, address: s.address };
  const role = isPrimary ? 'primary' : 'secondary';
  const waived = input.settings.failoverWithoutReplicaEvidence;
  const evidence = evidenceOf(input, {
    ...ref,
    role,
    failures,
    views,
    failed,
    majority,
    replicas,
    waived,
    sights,
  });
  const unconfirmed = (reason: Unconfirmed['reason']): Unconfirmed => ({
    kind: 'unconfirmed',
    ...ref,
    role,
    reason,
    evidence,
  });
  if (input.settings.unsafeLeaderOnly === true)
    return isPrimary
      ? { kind: 'primary-dead', ...ref, evidence }
      : { kind: 'secondary-dead', ...ref, evidence };
  if (!majority) return unconfirmed('no-agreement');
  if (!isPrimary) return { kind: 'secondary-dead', ...ref, evidence };
  if (replicas.alive) return unconfirmed('replica-veto');
  if (!replicas.lost && !waived) return unconfirmed('no-replica-evidence');
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
  readonly replicas: ReplicaVerdict;
  /** [failure_detector] failover_without_replica_evidence. */
  readonly waived: boolean;
  readonly sights: readonly SecondarySight[];
}

/** Which views agreed, as README's table names the rows. */
function ruleOf(f: Finding): string {
  if (!f.majority) return 'no-majority';
  if (f.role === 'secondary') return 'majority';
  if (f.replicas.alive) return 'majority, vetoed by a replica';
  if (f.replicas.lost) return 'majority+replicas';
  return f.waived ? 'majority, no replica evidence (waived)' : 'majority, no replica evidence';
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
