import type { Server } from '../../fabric/index.js';
import type { JsonValue } from '../../fabric/index.js';
import type { JudgeInput, Observation } from './types.js';

/** One voter's view of one server at judgement time. */
export interface NodeView {
  readonly node: string;
  /**
   * failed/ok: its latest observation is within the observation window;
   * stale: older; none: it never reported this server. Only 'failed' counts
   * towards a majority: a silent node is not evidence of death.
   */
  readonly state: 'failed' | 'ok' | 'stale' | 'none';
  readonly at: number | null;
  readonly error: string;
}

/** What a secondary's replication said about the primary it replicates from. */
export interface SecondarySight {
  readonly server: string;
  readonly address: string;
  readonly ioRunning: string;
  readonly ioError: string;
  readonly seenBy: string;
  readonly at: number;
}

/** Raft's majority of n voters. */
export function majorityOf(voters: number): number {
  return Math.floor(voters / 2) + 1;
}

export function isFresh(input: JudgeInput, o: Observation): boolean {
  return input.now - o.at <= input.settings.observationWindowMs;
}

/**
 * Every voter's view of `uuid`, voters in a fixed order. The leader's own
 * view is its latest probe, like the others'; the judge only asks once the
 * leader's own run of failures is long enough.
 */
export function nodeViews(input: JudgeInput, uuid: string): NodeView[] {
  return [...input.voters].sort().map((node) => {
    const o = input.observations.get(node)?.get(uuid);
    if (o === undefined) return { node, state: 'none', at: null, error: '' };
    const state = !isFresh(input, o) ? 'stale' : o.ok ? 'ok' : 'failed';
    return { node, state, at: o.at, error: o.error };
  });
}

/** The freshest answered probe of `uuid` by any voter, within the window. */
export function freshestAnswer(
  input: JudgeInput,
  uuid: string,
): { readonly node: string; readonly observation: Observation } | undefined {
  let best: { node: string; observation: Observation } | undefined;
  for (const node of [...input.voters].sort()) {
    const o = input.observations.get(node)?.get(uuid);
    if (o === undefined || !o.ok || !isFresh(input, o)) continue;
    if (best === undefined || o.at > best.observation.at) best = { node, observation: o };
  }
  return best;
}

/**
 * The group's reachable secondaries that replicate from `primary`, with
 * their IO thread as last seen. A secondary nobody reached recently, or one
 * replicating from elsewhere (or from nobody), says nothing about the
 * primary and is left out.
 */
export function secondarySights(
  input: JudgeInput,
  members: readonly Server[],
  primary: Server,
): SecondarySight[] {
  const out: SecondarySight[] = [];
  for (const s of members) {
    if (s.uuid === primary.uuid || (s.status !== 'SECONDARY' && s.status !== 'SPARE')) continue;
    const seen = freshestAnswer(input, s.uuid);
    const replica = seen?.observation.replica;
    if (seen === undefined || replica?.source !== primary.address) continue;
    out.push({
      server: s.uuid,
      address: s.address,
      ioRunning: replica.ioRunning,
      ioError: replica.ioError,
      seenBy: seen.node,
      at: seen.observation.at,
    });
  }
  return out;
}

/**
 * True when the secondaries independently lost the primary: at least one
 * reachable secondary replicates from it, and none of them has its IO
 * thread running. Vacuous truth (no such secondary) is no evidence.
 */
export function secondariesLost(sights: readonly SecondarySight[]): boolean {
  return sights.length > 0 && sights.every((s) => s.ioRunning !== 'Yes');
}

export function viewJson(v: NodeView, now: number): JsonValue {
  return {
    node: v.node,
    state: v.state,
    at: v.at,
    ageMs: v.at === null ? null : now - v.at,
    error: v.error,
  };
}

export function sightJson(s: SecondarySight, now: number): JsonValue {
  return { ...s, ageMs: now - s.at };
}
