import type { FailureCount, ReplicationHealth } from '../verdict/index.js';
import type { FabricModel, ReplicationState as ModelReplication } from '../../fabric/index.js';
import { isFabricError } from '../../util/fabric-error.js';
import type { Logger } from '../../util/logger.js';
import { busyProcedure, requestIdFor } from './actions.js';
import type { ProcedureSubmitter } from './actions.js';

export interface ReplicationSyncDeps {
  readonly model: FabricModel;
  readonly procedures: ProcedureSubmitter;
  readonly log: Logger;
  readonly now: () => number;
  readonly intervalMs: number;
  /** Rounds a new state must persist before it is committed ([failure_detector] detections). */
  readonly rounds: number;
}

const MODEL_STATE: Readonly<Record<ReplicationHealth['state'], ModelReplication>> = {
  ok: 'OK',
  lagging: 'LAGGING',
  stopped: 'STOPPED',
};

/**
 * Leader: writes the replicas' replication state into the model
 * (server.set-replication), so the topology tells connectors where not to
 * read. A state is committed only once it has held for `rounds`
 * consecutive rounds: a lag that wavers around the threshold, or the
 * moment a replica is repointed, must not flood the log with procedures.
 * Nothing is submitted while another procedure holds or awaits the group
 * (a failover repoints the replicas; their state is judged afterwards), nor
 * while the group's primary fails the leader's probes: replicas that lost a
 * dying primary say nothing about themselves, and the failover repoints
 * them anyway. A PRIMARY's replication is not its routing state.
 */
export class ReplicationSync {
  readonly #deps: ReplicationSyncDeps;
  /** Server uuid → the state that differs from the model, and for how many rounds it has. */
  readonly #pending = new Map<string, { state: ModelReplication; rounds: number }>();
  readonly #submitting = new Set<string>();

  constructor(deps: ReplicationSyncDeps) {
    this.#deps = deps;
  }

  /**
   * One round: compares the judged states with the model and submits what
   * has settled. `failures` are the leader's own failed probes.
   */
  sync(
    states: ReadonlyMap<string, ReplicationHealth>,
    failures: ReadonlyMap<string, FailureCount>,
  ): void {
    const { model } = this.#deps;
    for (const uuid of this.#pending.keys()) if (!states.has(uuid)) this.#pending.delete(uuid);
    for (const [uuid, st] of states) {
      const s = model.server(uuid);
      const want = MODEL_STATE[st.state];
      const primary = s === undefined ? null : (model.group(s.groupId)?.primary ?? null);
      const primaryFailing = primary !== null && failures.has(primary);
      if (s === undefined || s.status === 'PRIMARY' || primaryFailing) {
        this.#pending.delete(uuid);
        continue;
      }
      if ((s.replication ?? 'OK') === want) {
        this.#pending.delete(uuid);
        continue;
      }
      const had = this.#pending.get(uuid);
      const rounds = had?.state === want ? had.rounds + 1 : 1;
      this.#pending.set(uuid, { state: want, rounds });
      if (rounds >= this.#deps.rounds && busyProcedure(model, s.groupId) === undefined)
        this.#submit(uuid, s.address, want, st);
    }
  }

  #submit(uuid: string, address: string, state: ModelReplication, st: ReplicationHealth): void {
    const { model, now, intervalMs, procedures } = this.#deps;
    const rid = requestIdFor(model, `replication-${state}`, uuid, now(), intervalMs);
    if (rid.state !== 'new' || this.#submitting.has(rid.id)) return;
    const detail =
      st.state === 'stopped'
        ? st.error
        : st.state === 'lagging'
          ? `${st.lagSeconds} s behind its source`
          : '';
    const log = this.#deps.log.child({ server: address, requestId: rid.id, replication: state });
    this.#submitting.add(rid.id);
    void procedures
      .submit(
        'server.set-replication',
        { server: uuid, state, detail: detail.slice(0, 1024) },
        rid.id,
      )
      .then(
        (procedureId) => {
          log.info({ procedureId }, `replication of ${address} is now ${state} in the topology`);
        },
        (err: unknown) => {
          log.debug({ err, code: isFabricError(err) ? err.code : '' }, 'set-replication refused');
        },
      )
      .finally(() => this.#submitting.delete(rid.id));
  }
}
