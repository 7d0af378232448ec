import type { Decision, FailureCount } from '../verdict/index.js';
import type { FabricModel, JsonValue, Reachability } from '../../fabric/index.js';
import { isFabricError } from '../../util/fabric-error.js';
import type { Logger } from '../../util/logger.js';
import { busyProcedure, requestIdFor } from './actions.js';
import type { ProcedureSubmitter } from './actions.js';

export interface ReachabilitySyncDeps {
  readonly model: FabricModel;
  readonly procedures: ProcedureSubmitter;
  readonly log: Logger;
  readonly now: () => number;
  readonly intervalMs: number;
}

/**
 * Leader: records a vetoed failover in the model (server.set-reachability
 * REPLICAS_ONLY, with the judge's evidence in the procedure's arguments),
 * so the history says why nothing happened and the topology and health
 * show "unreachable from Fabric, alive for its replicas"; and clears it
 * (REACHABLE) once the leader's own probes answer again. One procedure per
 * change: request ids are derived from the topology epoch.
 */
export class ReachabilitySync {
  readonly #deps: ReachabilitySyncDeps;
  readonly #submitting = new Set<string>();

  constructor(deps: ReachabilitySyncDeps) {
    this.#deps = deps;
  }

  sync(decisions: readonly Decision[], failures: ReadonlyMap<string, FailureCount>): void {
    const { model } = this.#deps;
    for (const d of decisions) {
      if (d.kind !== 'unconfirmed' || d.reason !== 'replica-veto') continue;
      if (model.server(d.server)?.reachability === 'REPLICAS_ONLY') continue;
      this.#submit(d.server, d.group, 'REPLICAS_ONLY', d.evidence);
    }
    for (const s of model.servers()) {
      if (s.reachability !== 'REPLICAS_ONLY' || failures.has(s.uuid)) continue;
      this.#submit(s.uuid, s.groupId, 'REACHABLE', null);
    }
  }

  #submit(uuid: string, group: string, to: Reachability, evidence: JsonValue): void {
    const { model, now, intervalMs, procedures } = this.#deps;
    if (busyProcedure(model, group) !== undefined) return;
    const rid = requestIdFor(model, `reachability-${to}`, uuid, now(), intervalMs);
    if (rid.state !== 'new' || this.#submitting.has(rid.id)) return;
    const address = model.server(uuid)?.address ?? uuid;
    const log = this.#deps.log.child({ server: address, requestId: rid.id, reachability: to });
    this.#submitting.add(rid.id);
    void procedures
      .submit('server.set-reachability', { server: uuid, reachability: to, evidence }, rid.id)
      .then(
        (procedureId) => {
          log.info(
            { procedureId },
            to === 'REACHABLE'
              ? `the Fabric nodes reach ${address} again`
              : `${address} is unreachable from Fabric but alive for its replicas: failover vetoed, recorded`,
          );
        },
        (err: unknown) => {
          log.debug({ err, code: isFabricError(err) ? err.code : '' }, 'set-reachability refused');
        },
      )
      .finally(() => this.#submitting.delete(rid.id));
  }
}
