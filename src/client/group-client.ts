import type { Group__Output } from '../gen/fabric/v1/Group.js';
import type { GroupServiceClient } from '../gen/fabric/v1/GroupService.js';
import type { Procedure__Output } from '../gen/fabric/v1/Procedure.js';
import type { Server__Output } from '../gen/fabric/v1/Server.js';
import type { ServerHealth__Output } from '../gen/fabric/v1/ServerHealth.js';
import { mutate } from './mutation.js';
import type { MutationOptions, ReadOptions } from './mutation.js';
import { lookupServers } from './server-query.js';
import type { ServerQuery } from './server-query.js';
import type { UnaryCaller } from './unary-caller.js';

/** Health probes every server; it gets longer than a plain read by default. */
const HEALTH_TIMEOUT_MS = 30_000;

/**
 * fabric.v1.GroupService (mysqlfabric's `group` commands). Mutating calls
 * resolve with the procedure once it is DONE (at once with noWait) and
 * reject with the typed error of a FAILED one.
 */
export class GroupClient {
  readonly #stub: GroupServiceClient;
  readonly #caller: UnaryCaller;

  constructor(stub: GroupServiceClient, caller: UnaryCaller) {
    this.#stub = stub;
    this.#caller = caller;
  }

  create(
    groupId: string,
    o: MutationOptions & { readonly description?: string } = {},
  ): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.Create(
        { group_id: groupId, description: o.description ?? '', ...f },
        md,
        opts,
        cb,
      ),
    );
  }

  destroy(groupId: string, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.Destroy({ group_id: groupId, ...f }, md, opts, cb),
    );
  }

  setDescription(
    groupId: string,
    description: string,
    o: MutationOptions = {},
  ): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.SetDescription({ group_id: groupId, description, ...f }, md, opts, cb),
    );
  }

  add(
    groupId: string,
    address: string,
    o: MutationOptions & { readonly updateOnly?: boolean } = {},
  ): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.Add(
        { group_id: groupId, address, update_only: o.updateOnly === true, ...f },
        md,
        opts,
        cb,
      ),
    );
  }

  /** `server` by uuid or host:port. */
  remove(groupId: string, server: string, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.Remove({ group_id: groupId, server, ...f }, md, opts, cb),
    );
  }

  /** Without `server`, the procedure picks the best candidate. */
  promote(
    groupId: string,
    o: MutationOptions & {
      readonly server?: string;
      readonly force?: boolean;
      readonly updateOnly?: boolean;
    } = {},
  ): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.Promote(
        {
          group_id: groupId,
          server: o.server ?? '',
          force: o.force === true,
          update_only: o.updateOnly === true,
          ...f,
        },
        md,
        opts,
        cb,
      ),
    );
  }

  demote(
    groupId: string,
    o: MutationOptions & { readonly updateOnly?: boolean } = {},
  ): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.Demote(
        { group_id: groupId, update_only: o.updateOnly === true, ...f },
        md,
        opts,
        cb,
      ),
    );
  }

  activate(groupId: string, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.Activate({ group_id: groupId, ...f }, md, opts, cb),
    );
  }

  deactivate(groupId: string, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.Deactivate({ group_id: groupId, ...f }, md, opts, cb),
    );
  }

  /** Every group, or only `groupId` (an error if it does not exist). */
  async lookupGroups(groupId = '', o: ReadOptions = {}): Promise<Group__Output[]> {
    const r = await this.#caller.call<{ groups: Group__Output[] }>(
      (md, opts, cb) =>
        this.#stub.LookupGroups(
          { group_id: groupId, allow_stale: o.allowStale === true },
          md,
          opts,
          cb,
        ),
      o.timeoutMs,
    );
    return r.groups;
  }

  lookupServers(groupId: string, q: ServerQuery = {}): Promise<Server__Output[]> {
    return lookupServers(this.#caller, this.#stub.LookupServers.bind(this.#stub), groupId, q);
  }

  async health(groupId: string, o: ReadOptions = {}): Promise<ServerHealth__Output[]> {
    const r = await this.#caller.call<{ servers: ServerHealth__Output[] }>(
      (md, opts, cb) =>
        this.#stub.Health({ group_id: groupId, allow_stale: o.allowStale === true }, md, opts, cb),
      o.timeoutMs ?? HEALTH_TIMEOUT_MS,
    );
    return r.servers;
  }
}
