/**
 * The farm services on a real gRPC server, behind small doubles: a real
 * FabricModel (populated by applying commands) as the FarmApi's view, a
 * scripted ProcedureApi and a NodeApi that leads (or follows a given
 * leader). Tests call them through the real FabricClient.
 */
import * as grpc from '@grpc/grpc-js';
import type { FarmApi, ServerHealth } from '../../src/api/farm-api.js';
import { PeerChannels } from '../../src/api/forward.js';
import { groupServiceHandlers } from '../../src/api/group-service.js';
import type { NodeApi } from '../../src/api/node-api.js';
import type { ProcedureApi } from '../../src/api/procedure-service.js';
import { serverServiceHandlers } from '../../src/api/server-service.js';
import { shardingServiceHandlers } from '../../src/api/sharding-service.js';
import { topologyServiceHandlers } from '../../src/api/topology-service.js';
import { FabricClient, fabricProtos } from '../../src/client/index.js';
import { FabricModel } from '../../src/fabric/index.js';
import type { Effect, JsonValue, Procedure, ProcedureState } from '../../src/fabric/index.js';
import { NotLeaderError } from '../../src/raft/index.js';
import type { ConfState, RaftStatus } from '../../src/raft/index.js';
import { commit, ok } from '../fabric/helpers.js';

/** FarmApi over a real model; `change` commits effects and tells the listeners, as a node's apply loop does. */
export class FakeFarm implements FarmApi {
  readonly model = new FabricModel();
  readonly healthRows = new Map<string, ServerHealth[]>();
  readonly uuids = new Map<string, string>();
  readonly #listeners = new Set<() => void>();
  #drained: (() => void) | undefined;

  get view(): FabricModel {
    return this.model;
  }

  health(groupId: string): Promise<ServerHealth[]> {
    return Promise.resolve(this.healthRows.get(groupId) ?? []);
  }

  lookupUuid(address: string): Promise<string> {
    return Promise.resolve(this.uuids.get(address) ?? '');
  }

  onApplied(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#drained?.();
    };
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  /** Resolves once nobody listens any more (every watch has unsubscribed). */
  unsubscribedAll(): Promise<void> {
    if (this.#listeners.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.#drained = resolve;
    });
  }

  /** Commits one step with these effects, then runs the listeners. */
  change(effects: readonly Effect[]): void {
    commit(this.model, effects);
    this.applied();
  }

  /** Runs the listeners, as after any applied batch (changed or not). */
  applied(): void {
    for (const l of [...this.#listeners]) l();
  }

  registerNode(id: string, address: string): void {
    ok(this.model.apply({ type: 'node-upsert', id, address }));
  }
}

/** g1 (primary a, secondary b) and g2 (spare c), with two Fabric nodes. */
export function populatedFarm(): FakeFarm {
  const f = new FakeFarm();
  f.change([
    { type: 'group-create', groupId: 'g1', description: 'first' },
    { type: 'group-create', groupId: 'g2', description: 'second' },
  ]);
  f.change([
    { type: 'server-add', groupId: 'g1', uuid: 'uuid-a', address: 'db-a:3306' },
    { type: 'server-add', groupId: 'g1', uuid: 'uuid-b', address: 'db-b:3306', weight: 2 },
    { type: 'server-add', groupId: 'g2', uuid: 'uuid-c', address: 'db-c:3306', status: 'SPARE' },
  ]);
  f.change([{ type: 'server-promote', uuid: 'uuid-a' }]);
  f.registerNode('n1', '127.0.0.1:7001');
  f.registerNode('n2', '127.0.0.1:7002');
  return f;
}

export interface Submitted {
  readonly name: string;
  readonly args: unknown;
  readonly requestId: string;
}

/** A procedure record as the model would hold it. */
export function procedureRecord(
  o: { id?: string; name?: string; state?: ProcedureState; error?: Procedure['error'] } = {},
): Procedure {
  const state = o.state ?? 'DONE';
  return {
    id: o.id ?? 'p1',
    name: o.name ?? 'group.create',
    requestId: 'r1',
    args: {},
    lockKeys: ['group:g1'],
    state,
    steps: [{ name: 'check', state: state === 'DONE' ? 'done' : 'started', attempts: 1 }],
    current: state === 'DONE' ? 1 : 0,
    ownerTerm: 1,
    submittedAt: 1_000,
    ...(state === 'DONE' || state === 'FAILED' ? { finishedAt: 1_250 } : {}),
    ...(state === 'DONE' ? { result: null as JsonValue } : {}),
    ...(o.error === undefined ? {} : { error: o.error }),
  };
}

/**
 * ProcedureApi double: records submits; `admit` may throw (the procedure's
 * admission check); `ending` is what whenEnded answers.
 */
export class FakeProcedures implements ProcedureApi {
  readonly submitted: Submitted[] = [];
  readonly waits: number[] = [];
  admit: (name: string, args: unknown) => void = () => undefined;
  ending: (name: string) => Procedure = (name) => procedureRecord({ name });
  running: (name: string) => Procedure = (name) => procedureRecord({ name, state: 'RUNNING' });

  procedure(): Procedure | undefined {
    const last = this.submitted.at(-1);
    return last === undefined ? undefined : this.running(last.name);
  }

  procedures(): readonly Procedure[] {
    return [];
  }

  submit(name: string, args: unknown, requestId: string): Promise<string> {
    this.admit(name, args);
    this.submitted.push({ name, args, requestId });
    return Promise.resolve('p1');
  }

  whenEnded(_id: string, timeoutMs: number): Promise<Procedure | undefined> {
    this.waits.push(timeoutMs);
    const last = this.submitted.at(-1);
    return Promise.resolve(last === undefined ? undefined : this.ending(last.name));
  }

  names(): readonly string[] {
    return [];
  }
}

/**
 * NodeApi double: leads, or follows `leader`; counts ReadIndex rounds. Its
 * committed configuration is `conf` (n1 alone unless a test sets it), the
 * members' addresses `addresses`.
 */
export class FakeNode implements NodeApi {
  readonly id: string;
  readonly clusterId = 'test';
  readonly applied = 1;
  reads = 0;
  readFails: Error | undefined;
  conf: ConfState = { voters: ['n1'], learners: [] };
  readonly addresses = new Map<string, string>();
  #leader: { id: string; address: string } | undefined;

  constructor(id = 'n1', leader?: { id: string; address: string }) {
    this.id = id;
    this.#leader = leader;
  }

  /** Only what the services read: the leader's id and the configuration. */
  status(): RaftStatus {
    return { id: this.id, leader: this.leader().id, conf: this.conf } as unknown as RaftStatus;
  }
  committedConf(): { index: number; conf: ConfState } {
    return { index: 1, conf: this.conf };
  }
  addressOf(id: string): string | undefined {
    return this.addresses.get(id);
  }
  leader(): { id: string; address: string } {
    if (this.#leader === undefined) return { id: this.id, address: '' };
    return this.#leader;
  }
  isLeader(): boolean {
    return this.#leader === undefined;
  }
  propose(): never {
    throw new Error('not used');
  }
  linearizableRead(): Promise<number> {
    this.reads += 1;
    if (this.readFails !== undefined) return Promise.reject(this.readFails);
    return Promise.resolve(1);
  }
  addLearner(): never {
    throw new Error('not used');
  }
  removeMember(): never {
    throw new Error('not used');
  }
  transferLeadership(): never {
    throw new Error('not used');
  }
}

/** A node with no leader: reads fail as a real one's ReadIndex would. */
export function leaderless(node: FakeNode): void {
  node.readFails = new NotLeaderError(node.id, '');
}

export interface Served {
  readonly address: string;
  readonly client: FabricClient;
  readonly leaders: PeerChannels;
  /** Shuts the server down as a stopping node does (watches end SHUTTING_DOWN), keeping the client. */
  halt(): Promise<void>;
  stop(): Promise<void>;
}

/** The farm services (group, server, topology, sharding) on 127.0.0.1 (`port` 0: any free one), with a client. */
export async function serve(
  node: FakeNode,
  procedures: ProcedureApi,
  farm: FakeFarm,
  port = 0,
): Promise<Served> {
  const protos = fabricProtos();
  const server = new grpc.Server();
  const leaders = new PeerChannels(grpc.credentials.createInsecure(), protos.services);
  const shutdown = new AbortController();
  server.addService(
    protos.group.GroupService.service,
    groupServiceHandlers(node, procedures, farm, leaders),
  );
  server.addService(
    protos.server.ServerService.service,
    serverServiceHandlers(node, procedures, farm, leaders),
  );
  server.addService(
    protos.topology.TopologyService.service,
    topologyServiceHandlers(node, farm, { shutdown: shutdown.signal }),
  );
  server.addService(
    protos.sharding.ShardingService.service,
    shardingServiceHandlers(node, procedures, farm, leaders),
  );
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (e, p) => {
      if (e !== null) reject(e);
      else resolve(p);
    });
  });
  const address = `127.0.0.1:${bound}`;
  const client = new FabricClient(address, { timeoutMs: 5_000 });
  return {
    address,
    client,
    leaders,
    halt: async () => {
      shutdown.abort();
      await new Promise<void>((resolve) => {
        server.tryShutdown(() => {
          resolve();
        });
      });
    },
    stop: async () => {
      client.close();
      leaders.close();
      shutdown.abort();
      server.forceShutdown();
      await Promise.resolve();
    },
  };
}

/** Collects values pushed by a callback and hands them out in order. */
export class Inbox<T> {
  readonly #items: T[] = [];
  readonly #waiting: ((v: T) => void)[] = [];

  push = (v: T): void => {
    const w = this.#waiting.shift();
    if (w === undefined) this.#items.push(v);
    else w(v);
  };

  next(): Promise<T> {
    const v = this.#items.shift();
    if (v !== undefined) return Promise.resolve(v);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  get pending(): number {
    return this.#items.length;
  }
}
