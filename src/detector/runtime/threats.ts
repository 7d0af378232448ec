import type { RoundVerdict } from './detector-api.js';
import type { Decision, FailureCount } from '../verdict/index.js';
import type { FabricModel, Server } from '../../fabric/index.js';
import { FabricError } from '../../util/fabric-error.js';
import type { ActOutcome } from './actions.js';
import type { ProbeResult } from './prober.js';

/** The server a report names, by uuid or host:port. */
export function reportedServer(model: FabricModel, ref: string): Server {
  const s = model.server(ref) ?? model.serverByAddress(ref);
  if (s === undefined)
    throw new FabricError('SERVER_NOT_FOUND', `no server ${ref} in the farm`, { server: ref });
  return s;
}

/** Why the detector does not probe `s` at all, as a verdict; undefined when it does. */
export function unwatchedVerdict(model: FabricModel, s: Server): RoundVerdict | undefined {
  const base = { serverUuid: s.uuid, address: s.address, evidence: undefined, procedureId: '' };
  if (s.status === 'FAULTY')
    return {
      ...base,
      verdict: 'FAULTY',
      detail: `${s.address} is already FAULTY (fabric server set-status ${s.address} SPARE rejoins it)`,
    };
  if (model.group(s.groupId)?.status !== 'ACTIVE')
    return {
      ...base,
      verdict: 'NOT_WATCHED',
      detail: `group ${s.groupId} is not ACTIVE: the failure detector does not watch ${s.address} (fabric group activate ${s.groupId})`,
    };
  return undefined;
}

/** What one immediate round found about the reported server. */
export interface RoundFindings {
  readonly own: ProbeResult | undefined;
  readonly failures: FailureCount | undefined;
  readonly detections: number;
  readonly decision: Decision | undefined;
  readonly outcome: Promise<ActOutcome> | undefined;
}

/** The round's conclusion about `s`, in one sentence and the judge's evidence. */
export async function roundVerdict(s: Server, f: RoundFindings): Promise<RoundVerdict> {
  const base = { serverUuid: s.uuid, address: s.address, procedureId: '' };
  if (f.own?.ok === true)
    return {
      ...base,
      verdict: 'REACHABLE',
      detail: `${s.address} answered the leader's probe: nothing to do`,
      evidence: undefined,
    };
  const d = f.decision;
  if (d?.kind === 'primary-dead' || d?.kind === 'secondary-dead') {
    const o = (await f.outcome) ?? { held: 'no procedure submitted' };
    const what = d.kind === 'primary-dead' ? 'group.failover' : 'server.mark-faulty';
    return 'procedureId' in o
      ? {
          ...base,
          verdict: 'DEAD',
          detail: `the views agree that ${s.address} is dead: ${what} ${o.procedureId}`,
          evidence: d.evidence,
          procedureId: o.procedureId,
        }
      : {
          ...base,
          verdict: 'DEAD',
          detail: `the views agree that ${s.address} is dead, but ${what} was not submitted: ${o.held}`,
          evidence: d.evidence,
        };
  }
  if (d?.kind === 'unconfirmed')
    return {
      ...base,
      verdict: 'SUSPECTED',
      detail:
        d.reason === 'cooldown'
          ? `${s.address} looks dead, but group ${d.group} failed over automatically within the cooldown: no automatic failover (an operator may promote)`
          : `the leader cannot reach ${s.address}, but the other views do not agree that it is dead: nothing done`,
      evidence: d.evidence,
    };
  const n = f.failures?.consecutive ?? 0;
  return {
    ...base,
    verdict: 'SUSPECTED',
    detail: `the leader's probe of ${s.address} failed (${n} of ${f.detections} consecutive failures before the views are compared): ${f.own?.error ?? f.failures?.lastError ?? 'no probe'}`,
    evidence: undefined,
  };
}
