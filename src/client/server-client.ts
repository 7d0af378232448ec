import type { Procedure__Output } from '../gen/fabric/v1/Procedure.js';
import type { ServerServiceClient } from '../gen/fabric/v1/ServerService.js';
import { SERVER_MODE, SERVER_STATUS } from './farm-names.js';
import type { ServerModeName, ServerStatusName } from './farm-names.js';
import { mutate } from './mutation.js';
import type { MutationOptions } from './mutation.js';
import type { UnaryCaller } from './unary-caller.js';

/**
 * fabric.v1.ServerService (mysqlfabric's `server` commands). `server` is a
 * uuid or host:port. Mutating calls behave as GroupClient's.
 */
export class ServerClient {
  readonly #stub: ServerServiceClient;
  readonly #caller: UnaryCaller;

  constructor(stub: ServerServiceClient, caller: UnaryCaller) {
    this.#stub = stub;
    this.#caller = caller;
  }

  setStatus(
    server: string,
    status: ServerStatusName,
    o: MutationOptions & { readonly updateOnly?: boolean } = {},
  ): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.SetStatus(
        { server, status: SERVER_STATUS.value(status), update_only: o.updateOnly === true, ...f },
        md,
        opts,
        cb,
      ),
    );
  }

  /** The server checks the weight (finite, > 0); NaN and Infinity travel as such. */
  setWeight(server: string, weight: number, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.SetWeight({ server, weight, ...f }, md, opts, cb),
    );
  }

  setMode(
    server: string,
    mode: ServerModeName,
    o: MutationOptions = {},
  ): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.SetMode({ server, mode: SERVER_MODE.value(mode), ...f }, md, opts, cb),
    );
  }

  /** The identity of the server at `address` ('' for a MariaDB server with none stored yet). */
  async lookupUuid(address: string, timeoutMs?: number): Promise<string> {
    const r = await this.#caller.call<{ uuid: string }>(
      (md, opts, cb) => this.#stub.LookupUuid({ address }, md, opts, cb),
      timeoutMs,
    );
    return r.uuid;
  }
}
