import type { Decision, Evidence, PrimaryDead, SecondaryDead } from '../verdict/index.js';
import { groupLockKey } from '../../fabric/index.js';
import type { FabricModel, JsonValue, Procedure } from '../../fabric/index.js';
import type { LastSeenPrimary } from '../../executor/farm/index.js';
import { isFabricError } from '../../util/fabric-error.js';
import type { Logger } from '../../util/logger.js';

/** How the leader starts procedures (FabricRuntime.submit). */
export interface ProcedureSubmitter {
  submit(name: string, args: unknown, requestId: string): Promise<string>;
}

/** A client report that made the leader probe at once; kept in the evidence. */
export interface Trigger {
  readonly kind: 'report-failure' | 'report-error';
  readonly reporter: string;
  readonly error: string;
  readonly at: number;
}

/** What the leader did about a dead server: the procedure it submitted, or why none. */
export type ActOutcome = { readonly procedureId: string } | { readonly held: string };

export interface ActionDeps {
  readonly model: FabricModel;
  readonly procedures: ProcedureSubmitter;
  readonly log: Logger;
  readonly now: () => number;
  readonly intervalMs: number;
  /** A server's executed GTIDs at its last answered probe (ServerProber.lastSeen). */
  readonly lastSeen?: (uuid: string) => LastSeenPrimary | undefined;
}

/** Failed attempts of one decision (same server, same epoch) before the detector gives up. */
const MAX_ATTEMPTS = 20;
const MAX_BACKOFF_MS = 60_000;

type Dead = PrimaryDead | SecondaryDead;

/**
 * Turns the judge's decisions into procedures and log lines, on the
 * leader. Request ids are derived from the decision and the topology
 * epoch (`detector:<kind>:<uuid>:<epoch>`), so every round, and a new
 * leader, asks for the same procedure and the model de-duplicates it; a
 * failed one is retried under `…:<n>` after a backoff. Nothing is submitted
 * while another procedure holds or awaits the group's lock (a switchover,
 * the failover already under way): its outcome changes what is dead.
 */
export class DecisionActions {
  readonly #deps: ActionDeps;
  readonly #submitting = new Map<string, Promise<ActOutcome>>();
  /** Server uuid → what was last logged about it, so a steady state is logged once. */
  readonly #said = new Map<string, string>();

  constructor(deps: ActionDeps) {
    this.#deps = deps;
  }

  /** Acts on one round's decisions; the outcome per dead server uuid. */
  act(decisions: readonly Decision[], trigger?: Trigger): Map<string, Promise<ActOutcome>> {
    const outcomes = new Map<string, Promise<ActOutcome>>();
    const seen = new Set<string>();
    for (const d of decisions) {
      if (d.kind === 'replication-issue') continue;
      seen.add(d.server);
      this.#say(d);
      if (d.kind === 'primary-dead' || d.kind === 'secondary-dead')
        outcomes.set(d.server, this.#submit(d, trigger));
    }
    for (const [uuid, said] of this.#said) {
      if (seen.has(uuid)) continue;
      this.#said.delete(uuid);
      const s = this.#deps.model.server(uuid);
      const at = { server: s?.address ?? uuid, uuid, was: said };
      // A server failed over or marked FAULTY is simply no longer judged.
      if (s === undefined || s.status === 'FAULTY') this.#deps.log.debug(at, 'no longer watched');
      else this.#deps.log.info(at, 'the leader reaches the server again');
    }
    return outcomes;
  }

  #say(d: Exclude<Decision, { kind: 'replication-issue' }>): void {
    const key = d.kind === 'unconfirmed' ? `${d.kind}:${d.reason}` : d.kind;
    if (this.#said.get(d.server) === key) return;
    this.#said.set(d.server, key);
    const at = { group: d.group, server: d.server, address: d.address, evidence: d.evidence };
    const log = this.#deps.log;
    if (d.kind === 'primary-dead')
      log.warn(at, 'primary declared dead: independent views agree; submitting group.failover');
    else if (d.kind === 'secondary-dead')
      log.warn(at, 'secondary declared dead by a majority; submitting server.mark-faulty');
    else if (d.reason === 'cooldown')
      log.warn(
        at,
        `the ${d.role} looks dead, but its group failed over automatically within the cooldown: no automatic failover (an operator may promote)`,
      );
    else if (d.reason === 'replica-veto')
      log.warn(
        at,
        'the Fabric nodes cannot reach the primary, but a replica still receives from it: it is alive, only cut from Fabric; no failover (vetoed)',
      );
    else if (d.reason === 'no-replica-evidence')
      log.warn(
        at,
        'the Fabric nodes cannot reach the primary and no replica can say whether it lives: no automatic failover ([failure_detector] failover_without_replica_evidence)',
      );
    else
      log.info(
        at,
        `the leader cannot reach this ${d.role}, but the other views do not agree: nothing done`,
      );
  }

  #submit(d: Dead, trigger: Trigger | undefined): Promise<ActOutcome> {
    const { model, now, intervalMs } = this.#deps;
    const busy = busyProcedure(model, d.group);
    if (busy !== undefined)
      return Promise.resolve(
        busy.requestId.startsWith(`detector:${d.kind}:${d.server}:`)
          ? { procedureId: busy.id }
          : { held: `procedure ${busy.id} (${busy.name}) is under way on group ${d.group}` },
      );
    const rid = requestIdFor(model, d.kind, d.server, now(), intervalMs);
    if (rid.state === 'exists') return Promise.resolve({ procedureId: rid.id });
    if (rid.state === 'held') return Promise.resolve({ held: rid.why });
    const running = this.#submitting.get(rid.id);
    if (running !== undefined) return running;
    const p = this.#start(d, rid.id, trigger).finally(() => this.#submitting.delete(rid.id));
    this.#submitting.set(rid.id, p);
    return p;
  }

  async #start(d: Dead, requestId: string, trigger: Trigger | undefined): Promise<ActOutcome> {
    const evidence: Evidence =
      trigger === undefined ? d.evidence : { ...d.evidence, trigger: { ...trigger } };
    // The dead primary's GTIDs as last seen go with the failover: its
    // candidates are judged against them for errant transactions.
    const lastSeen = this.#deps.lastSeen?.(d.server);
    const [name, args]: [string, JsonValue] =
      d.kind === 'primary-dead'
        ? [
            'group.failover',
            {
              group: d.group,
              server: d.server,
              evidence,
              automatic: true,
              ...(lastSeen === undefined ? {} : { lastSeen: { ...lastSeen } }),
            },
          ]
        : ['server.mark-faulty', { server: d.server, evidence, automatic: true }];
    const log = this.#deps.log.child({ procedure: name, requestId, server: d.address });
    try {
      const procedureId = await this.#deps.procedures.submit(name, args, requestId);
      log.info({ procedureId }, 'the failure detector submitted a procedure');
      return { procedureId };
    } catch (e) {
      // The procedure's admission refuses stale decisions and the cooldown;
      // the next round decides again from the newer model.
      const why = isFabricError(e) ? `${e.code}: ${e.message}` : String(e);
      log.debug({ err: e }, 'the failure detector could not submit');
      return { held: why };
    }
  }
}

/** A QUEUED or RUNNING procedure holding or awaiting the group's lock. */
export function busyProcedure(model: FabricModel, group: string): Procedure | undefined {
  const key = groupLockKey(group);
  const queue = model.lockQueue(key);
  for (const id of queue) {
    const p = model.procedure(id);
    if (p !== undefined && (p.state === 'QUEUED' || p.state === 'RUNNING')) return p;
  }
  return undefined;
}

export type RequestId =
  | { readonly state: 'new'; readonly id: string }
  | { readonly state: 'exists'; readonly id: string }
  | { readonly state: 'held'; readonly why: string };

/**
 * The request id of this decision's next procedure: the first attempt's,
 * unless that one ended FAILED (e.g. the primary answered its final
 * probe), then the next after a backoff that doubles per attempt.
 */
export function requestIdFor(
  model: FabricModel,
  kind: string,
  uuid: string,
  now: number,
  intervalMs: number,
): RequestId {
  const base = `detector:${kind}:${uuid}:${model.topologyEpoch}`;
  for (let n = 1; n <= MAX_ATTEMPTS; n++) {
    const rid = n === 1 ? base : `${base}:${n}`;
    const id = model.procedureIdForRequest(rid);
    if (id === undefined) return { state: 'new', id: rid };
    const p = model.procedure(id);
    if (p?.state !== 'FAILED') return { state: 'exists', id };
    const retryAt = (p.finishedAt ?? p.submittedAt) + Math.min(intervalMs * 2 ** n, MAX_BACKOFF_MS);
    if (now < retryAt)
      return { state: 'held', why: `procedure ${id} failed; retrying after ${retryAt - now} ms` };
  }
  return {
    state: 'held',
    why: `${MAX_ATTEMPTS} procedures for this decision failed; the failure detector gives up until the topology changes`,
  };
}
