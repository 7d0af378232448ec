/**
 * A seeded stream of Fabric model commands for the snapshot and
 * determinism tests: mostly plausible (aimed at live procedures and
 * existing objects, so most paths are accepted), some deliberately wrong
 * (stale terms, wrong steps, broken rules, malformed shapes).
 */
import {
  EFFECT_TYPES,
  REPLICATION_STATES,
  REACHABILITIES,
  SERVER_MODES,
  SERVER_STATUSES,
  SHARD_MAP_TYPES,
  SHARD_STATES,
} from '../../src/fabric/index.js';
import type {
  Command,
  Effect,
  EffectType,
  FabricModel,
  ShardMapType,
} from '../../src/fabric/index.js';
import { SeededRng } from '../../src/raft/index.js';

const GROUPS = ['g0', 'g1', 'g2', 'g3', 'g4', 'g5'];
const SERVERS = Array.from({ length: 12 }, (_, i) => `s${i}`);
const TABLES = ['db.t0', 'db.t1', 'db.t2', 'app.users'];
const NODES = ['n0', 'n1', 'n2'];

export class CommandFuzzer {
  readonly #rng: SeededRng;
  #at = 1_000;
  #term = 1;
  #n = 0;
  readonly #requestIds: string[] = [];

  constructor(seed: number) {
    this.#rng = new SeededRng(seed);
  }

  /** The next command, chosen by looking at the model it will be applied to. */
  next(m: FabricModel): Command {
    this.#at += this.#rng.int(500);
    if (this.#rng.int(40) === 0) this.#term += 1; // a leader change
    const roll = this.#rng.int(100);
    if (roll < 20) return this.#submit();
    if (roll < 40) return this.#stepStart(m);
    if (roll < 66) return this.#stepDone(m);
    if (roll < 70) return this.#stepCheckpoint(m);
    if (roll < 80) return this.#stepFailed(m);
    if (roll < 84) return this.#prune();
    if (roll < 92) return this.#node();
    return this.#malformed(m);
  }

  #pick<T>(xs: readonly T[]): T {
    const x = xs[this.#rng.int(xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  }

  #chance(percent: number): boolean {
    return this.#rng.int(100) < percent;
  }

  /** Usually the current term; sometimes an older one (a deposed leader still talking). */
  #term_(): number {
    return this.#chance(8) ? Math.max(0, this.#term - 1 - this.#rng.int(2)) : this.#term;
  }

  #submit(): Command {
    this.#n += 1;
    const reuse = this.#requestIds.length > 0 && this.#chance(10);
    const requestId = reuse ? this.#pick(this.#requestIds) : `r${this.#n}`;
    if (!reuse) this.#requestIds.push(requestId);
    const keys = Array.from({ length: this.#rng.int(3) }, () =>
      this.#chance(70) ? `group:${this.#pick(GROUPS)}` : `shard:${1 + this.#rng.int(4)}`,
    );
    return {
      type: 'submit',
      requestId,
      procedureId:
        this.#chance(3) && this.#n > 1 ? `p${this.#rng.int(this.#n - 1) + 1}` : `p${this.#n}`,
      name: this.#pick(['group.create', 'group.promote', 'server.set_status', 'sharding.move']),
      args: { n: this.#n, keys },
      lockKeys: keys,
      steps: Array.from({ length: 1 + this.#rng.int(3) }, (_, i) => `step${i}`),
      at: this.#at,
      term: this.#term,
    };
  }

  /**
   * A RUNNING procedure (usually), else any known one. `started` prefers
   * procedures whose current step is started (what step-done/failed need).
   */
  #target(m: FabricModel, started = false): { id: string; step: number } {
    const all = m.runnable();
    const ready = all.filter((r) => r.record.state === 'started');
    const running = started && ready.length > 0 && this.#chance(85) ? ready : all;
    if (running.length > 0 && this.#chance(90)) {
      const r = this.#pick(running);
      return { id: r.procedure.id, step: this.#chance(92) ? r.step : this.#rng.int(4) };
    }
    const known = m.procedures();
    if (known.length === 0) return { id: 'p-none', step: 0 };
    const p = this.#pick(known);
    return { id: p.id, step: this.#rng.int(4) };
  }

  #stepStart(m: FabricModel): Command {
    const { id, step } = this.#target(m);
    return { type: 'step-start', procedureId: id, step, term: this.#term_(), at: this.#at };
  }

  #stepDone(m: FabricModel): Command {
    const { id, step } = this.#target(m, true);
    // Mostly one effect: a list is refused as a whole if any effect is.
    const n = this.#chance(25) ? 0 : this.#chance(75) ? 1 : 2 + this.#rng.int(2);
    const effects = Array.from({ length: n }, () => this.#effect(m));
    return {
      type: 'step-done',
      procedureId: id,
      step,
      term: this.#term_(),
      at: this.#at,
      output: this.#chance(50) ? null : { step, n: this.#rng.int(1000) },
      effects,
    };
  }

  /** Mostly the running attempt; sometimes a stale one or an oversized record. */
  #stepCheckpoint(m: FabricModel): Command {
    const { id, step } = this.#target(m, true);
    const attempts = m.procedure(id)?.steps[step]?.attempts ?? 1;
    return {
      type: 'step-checkpoint',
      procedureId: id,
      step,
      term: this.#term_(),
      at: this.#at,
      attempt: this.#chance(90) ? Math.max(1, attempts) : 1 + this.#rng.int(3),
      progress: this.#chance(5) ? { blob: 'x'.repeat(5000) } : { next: this.#rng.int(1000) },
    };
  }

  #stepFailed(m: FabricModel): Command {
    const { id, step } = this.#target(m, true);
    return {
      type: 'step-failed',
      procedureId: id,
      step,
      term: this.#term_(),
      at: this.#at,
      error: this.#chance(50)
        ? { code: 'MYSQL', message: 'gone away' }
        : { code: 'TIMEOUT', message: 'slow', cause: 'network' },
      retryable: this.#chance(70),
      maxAttempts: 1 + this.#rng.int(3),
    };
  }

  #prune(): Command {
    return {
      type: 'prune',
      at: this.#at,
      maxCompleted: this.#rng.int(30),
      maxAgeMs: this.#rng.int(50_000),
      dedupWindowMs: this.#rng.int(100_000),
    };
  }

  #node(): Command {
    const id = this.#pick(NODES);
    return this.#chance(70)
      ? { type: 'node-upsert', id, address: `fabric-${this.#rng.int(4)}:32274` }
      : { type: 'node-remove', id };
  }

  #malformed(m: FabricModel): Command {
    const good = this.#stepDone(m) as Command & { type: 'step-done' };
    const broken: unknown[] = [
      { ...good, step: -1 },
      { ...good, effects: [{ type: 'server-set-weight', uuid: 's1' }] },
      { ...good, extra: true },
      { type: 'nope' },
      { ...good, output: Number.NaN },
    ];
    return this.#pick(broken) as Command;
  }

  /** A random effect over a small universe, mostly aimed at objects that exist. */
  #effect(m: FabricModel): Effect {
    const grow = this.#grow(m);
    if (grow !== undefined) return grow;
    const type: EffectType = this.#pick(EFFECT_TYPES);
    const known = m.servers().map((s) => s.uuid);
    const uuid = known.length > 0 && this.#chance(80) ? this.#pick(known) : this.#pick(SERVERS);
    const groupId = this.#pick(GROUPS);
    const mapId = this.#id(m.shardMaps(), m.nextShardMapId());
    const shardId = this.#id(m.shards(), m.nextShardId());
    switch (type) {
      case 'group-create':
        return { type, groupId, description: `d${this.#rng.int(9)}` };
      case 'group-set-description':
        return { type, groupId, description: `d${this.#rng.int(9)}` };
      case 'group-destroy':
      case 'group-activate':
      case 'group-deactivate':
        return { type, groupId };
      case 'group-set-primary':
        return { type, groupId, uuid: this.#chance(20) ? null : uuid };
      case 'group-assign-gtid-domain':
        return { type, groupId };
      case 'server-add':
        return {
          type,
          groupId,
          uuid: this.#pick(SERVERS),
          address: `h${this.#rng.int(14)}:3306`,
          ...(this.#chance(30) ? { status: this.#status() } : {}),
          ...(this.#chance(20) ? { weight: this.#weight() } : {}),
        };
      case 'server-remove':
      case 'server-promote':
      case 'server-demote':
      case 'server-mark-faulty':
        return { type, uuid };
      case 'server-set-status':
        return { type, uuid, status: this.#status() };
      case 'server-set-mode':
        return { type, uuid, mode: this.#pick(SERVER_MODES) };
      case 'server-set-weight':
        return { type, uuid, weight: this.#weight() };
      case 'server-set-address':
        return { type, uuid, address: `h${this.#rng.int(14)}:3306` };
      case 'server-set-replication':
        return { type, uuid, state: this.#pick(REPLICATION_STATES) };
      case 'server-set-reachability':
        return { type, uuid, reachability: this.#pick(REACHABILITIES) };
      case 'shard-map-create':
        return {
          type,
          mapId: this.#chance(70) ? m.nextShardMapId() : mapId,
          mapType: this.#pick(SHARD_MAP_TYPES),
          globalGroupId: groupId,
        };
      case 'shard-map-remove':
        return { type, mapId };
      case 'shard-table-add':
        return { type, mapId, table: this.#pick(TABLES), column: 'id' };
      case 'shard-table-remove':
        return { type, table: this.#pick(TABLES) };
      case 'shard-add':
        return {
          type,
          shardId: this.#chance(70) ? m.nextShardId() : shardId,
          mapId,
          lowerBound: this.#bound(m.shardMap(mapId)?.type),
          groupId,
          state: this.#pick(SHARD_STATES),
        };
      case 'shard-remove':
        return { type, shardId };
      case 'shard-set-group':
        return { type, shardId, groupId };
      case 'shard-set-state':
        return { type, shardId, state: this.#pick(SHARD_STATES) };
      case 'bump-epoch':
        return { type };
    }
  }

  /** Mostly an id that exists; sometimes the next free one or a small one that may be gone. */
  #id(existing: readonly { readonly id: number }[], next: number): number {
    if (existing.length > 0 && this.#chance(80)) return this.#pick(existing).id;
    return this.#chance(50) ? next : 1 + this.#rng.int(next);
  }

  /** A lower bound in the map type's form, a few values so that some collide; sometimes the wrong form. */
  #bound(type: ShardMapType | undefined): string {
    const n = this.#rng.int(4);
    if (this.#chance(10)) return this.#pick(['x', '', '2024-13-99', '-']);
    switch (type) {
      case 'RANGE':
      case undefined:
        return String(n * 100);
      case 'RANGE_STRING':
        return this.#pick(['', 'a', 'm', 'zz']);
      case 'RANGE_DATETIME':
        return `202${n}-01-01T00:00:00`;
      case 'HASH':
        return (n * 4).toString(16).padEnd(32, '0');
    }
  }

  /** Mostly statuses set-status and add accept; sometimes the ones they refuse. */
  #status(): (typeof SERVER_STATUSES)[number] {
    return this.#chance(85)
      ? this.#pick(['SECONDARY', 'SPARE', 'CONFIGURING'] as const)
      : this.#pick(SERVER_STATUSES);
  }

  /** Mostly valid weights; sometimes 0. */
  #weight(): number {
    return this.#chance(90) ? (1 + this.#rng.int(6)) / 2 : 0;
  }

  /** Keeps the farm from staying empty: uniform random effects destroy as often as they build. */
  #grow(m: FabricModel): Effect | undefined {
    const groups = m.groups().map((g) => g.id);
    const missingGroups = GROUPS.filter((g) => !groups.includes(g));
    if (groups.length < 4 && missingGroups.length > 0 && this.#chance(40))
      return { type: 'group-create', groupId: this.#pick(missingGroups), description: '' };
    const servers = m.servers();
    const missing = SERVERS.filter((u) => !servers.some((v) => v.uuid === u));
    if (groups.length > 0 && servers.length < 8 && missing.length > 0 && this.#chance(40)) {
      const uuid = this.#pick(missing);
      return { type: 'server-add', groupId: this.#pick(groups), uuid, address: `${uuid}:3306` };
    }
    return undefined;
  }
}
