/**
 * The sharding API against the real sharding procedures (branch shard-cmds)
 * and the real model: what the RPCs submit is what the procedures admit,
 * their outputs come back as ids, and lookups see the shards they made.
 * Nothing here reaches MySQL (link-global is a no-op for a DISABLED
 * shard): shards are added DISABLED and enabled in the model directly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import type { ProcedureApi } from '../../src/api/procedure-service.js';
import { FabricCallError } from '../../src/client/index.js';
import type { JsonValue, Procedure } from '../../src/fabric/index.js';
import { shardingFarm } from '../executor/sharding-harness.js';
import type { ShardingHarness } from '../executor/sharding-harness.js';
import { FakeFarm, FakeNode, serve } from './farm-harness.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

/**
 * ProcedureApi over the sharding harness: admission as the node's, every
 * step run to the end on wait (a step reaching MySQL fails the test: the
 * harness has no servers).
 */
class HarnessProcedures implements ProcedureApi {
  readonly #h: ShardingHarness;

  constructor(h: ShardingHarness) {
    this.#h = h;
  }

  procedure(id: string): Procedure | undefined {
    return this.#h.model.procedure(id);
  }

  procedures(): readonly Procedure[] {
    return [];
  }

  submit(name: string, args: unknown, requestId: string): Promise<string> {
    try {
      return Promise.resolve(this.#h.submit(name, args as JsonValue, requestId).id);
    } catch (e) {
      // Admission refuses by throwing; the real runtime's submit rejects.
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  async whenEnded(id: string): Promise<Procedure | undefined> {
    for (;;) {
      const p = this.#h.model.procedure(id);
      if (p?.state !== 'RUNNING') return p;
      this.#h.complete(id, await this.#h.run(id));
    }
  }

  names(): readonly string[] {
    return this.#h.registry.names();
  }
}

/** FakeFarm's listeners over the harness's model. */
class HarnessFarm extends FakeFarm {
  readonly #h: ShardingHarness;
  constructor(h: ShardingHarness) {
    super();
    this.#h = h;
  }
  override get view(): ShardingHarness['model'] {
    return this.#h.model;
  }
}

function fails(code: string, grpcCode: grpc.status) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof FabricCallError, String(e));
    assert.equal(e.code, code, e.message);
    assert.equal(e.grpcCode, grpcCode);
    return true;
  };
}

test(
  'sharding contract: definitions, tables and shards made through the API route keys',
  GUARD,
  async () => {
    const h = shardingFarm();
    const s = await serve(new FakeNode(), new HarnessProcedures(h), new HarnessFarm(h));
    const c = s.client.sharding;
    try {
      const { mapId } = await c.createDefinition('RANGE', 'g1');
      assert.equal(mapId, 1);
      await c.addTable(mapId, 'db.subscribers', 'sub_no');
      const first = await c.addShard(mapId, 'g2', { bound: '0', state: 'DISABLED' });
      const second = await c.addShard(mapId, 'g3', { bound: '01000', state: 'DISABLED' });
      assert.deepEqual([first.shardId, first.bound], [1, '0']);
      assert.deepEqual([second.shardId, second.bound], [2, '1000'], 'the canonical bound');
      await assert.rejects(
        c.lookupServers('db.subscribers', 5),
        fails('NO_SHARDS', grpc.status.FAILED_PRECONDITION),
      );
      h.change([
        { type: 'shard-set-state', shardId: 1, state: 'ENABLED' },
        { type: 'shard-set-state', shardId: 2, state: 'ENABLED' },
      ]);
      const low = await c.lookupServers('db.subscribers', 5);
      assert.deepEqual([low.shardId, low.groupId], [1, 'g2']);
      const high = await c.lookupServers('db.subscribers', '1500');
      assert.deepEqual([high.shardId, high.groupId], [2, 'g3']);
      assert.deepEqual(
        (await c.listDefinitions()).map((m) => [m.id, m.type, m.global_group_id]),
        [[1, 'SHARD_MAPPING_TYPE_RANGE', 'g1']],
      );
      // The procedures' admission refuses with the model's codes, through the API.
      await assert.rejects(
        c.addTable(mapId, 'db.subscribers', 'x'),
        fails('SHARD_TABLE_EXISTS', grpc.status.ALREADY_EXISTS),
      );
      await assert.rejects(
        c.addShard(mapId, 'g1', { bound: '5' }),
        fails('GROUP_IN_USE', grpc.status.FAILED_PRECONDITION),
      );
      await assert.rejects(
        c.addShard(mapId, 'g5', { bound: 'abc' }),
        fails('INVALID_ARGUMENT', grpc.status.INVALID_ARGUMENT),
      );
      await assert.rejects(
        c.createDefinition('HASH', 'nosuch'),
        fails('GROUP_NOT_FOUND', grpc.status.NOT_FOUND),
      );
      await c.removeTable('db.subscribers');
      assert.deepEqual(await c.listTables(), []);
    } finally {
      await s.stop();
    }
  },
);
