import type { DetectorServiceClient } from '../gen/fabric/v1/DetectorService.js';
import type { DetectorServiceProbeResponse__Output } from '../gen/fabric/v1/DetectorServiceProbeResponse.js';
import type { ServerObservation } from '../gen/fabric/v1/ServerObservation.js';
import type { UnaryCaller } from './unary-caller.js';

/**
 * fabric.v1.DetectorService, internal: how a Fabric node hands its probe
 * observations to the leader, and how the leader asks a node for an
 * immediate probe round. Not for applications (see ThreatClient).
 */
export class DetectorClient {
  readonly #stub: DetectorServiceClient;
  readonly #caller: UnaryCaller;

  constructor(stub: DetectorServiceClient, caller: UnaryCaller) {
    this.#stub = stub;
    this.#caller = caller;
  }

  /** True when the receiver kept the report (it leads, and the sender votes). */
  async report(
    nodeId: string,
    observations: readonly ServerObservation[],
    timeoutMs?: number,
  ): Promise<boolean> {
    const r = await this.#caller.call<{ accepted: boolean }>(
      (md, opts, cb) =>
        this.#stub.Report({ node_id: nodeId, observations: [...observations] }, md, opts, cb),
      timeoutMs,
    );
    return r.accepted;
  }

  /** Has the receiver probe these servers (uuids) now. */
  probe(
    serverUuids: readonly string[],
    timeoutMs?: number,
  ): Promise<DetectorServiceProbeResponse__Output> {
    return this.#caller.call(
      (md, opts, cb) => this.#stub.Probe({ server_uuids: [...serverUuids] }, md, opts, cb),
      timeoutMs,
    );
  }
}
