import type { Server } from '../../fabric/index.js';
import type { JudgeInput, ReplicaView, ReplicationHealth } from './types.js';
import { freshestAnswer } from './views.js';

/** The inputs replication health depends on (a follower judges its own observations only). */
export type ReplicationInput = Pick<
  JudgeInput,
  'farm' | 'observations' | 'voters' | 'now' | 'settings'
>;

/**
 * The replication state of every reachable SECONDARY and SPARE of an
 * ACTIVE group, from the freshest answered probe of it (Fabric's detector
 * never looked at the threads, mikasafabric Bug#75649: broken replicas kept
 * serving stale reads). Unreachable servers are left out: they are the
 * probes' business, not replication's.
 */
export function replicationStates(input: ReplicationInput): Map<string, ReplicationHealth> {
  const active = new Set(input.farm.groups.filter((g) => g.status === 'ACTIVE').map((g) => g.id));
  const judged = { ...input, leaderId: '', leaderFailures: new Map(), cooldownEnds: new Map() };
  const out = new Map<string, ReplicationHealth>();
  for (const s of input.farm.servers) {
    if (!active.has(s.groupId) || !watchesReplication(s)) continue;
    const seen = freshestAnswer(judged, s.uuid);
    if (seen === undefined) continue;
    out.set(
      s.uuid,
      classify(
        seen.observation.replica,
        input.settings.lagThresholdS,
        seen.node,
        seen.observation.at,
      ),
    );
  }
  return out;
}

function watchesReplication(s: Server): boolean {
  return s.status === 'SECONDARY' || s.status === 'SPARE';
}

/** ok, lagging past the threshold, or stopped (a thread down, or no replication at all). */
export function classify(
  replica: ReplicaView | undefined,
  lagThresholdS: number,
  observedBy: string,
  at: number,
): ReplicationHealth {
  if (replica === undefined)
    return { state: 'stopped', error: 'replicates from nobody', observedBy, at };
  if (replica.ioRunning !== 'Yes' || !replica.sqlRunning)
    return { state: 'stopped', error: stoppedReason(replica), observedBy, at };
  if (replica.lagSeconds !== null && replica.lagSeconds > lagThresholdS)
    return { state: 'lagging', lagSeconds: replica.lagSeconds, observedBy, at };
  return { state: 'ok', lagSeconds: replica.lagSeconds, observedBy, at };
}

function stoppedReason(r: ReplicaView): string {
  const threads = `IO thread ${r.ioRunning}, SQL thread ${r.sqlRunning ? 'Yes' : 'No'}`;
  const error = r.sqlError !== '' ? r.sqlError : r.ioError;
  return error === '' ? `${threads} (from ${r.source})` : `${threads} (from ${r.source}): ${error}`;
}
