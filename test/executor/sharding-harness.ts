/**
 * Drives the sharding procedures against a real FabricModel without a
 * node: submission through the executor's own admission (buildSubmission),
 * then each step started, run and completed by hand, as the runner would.
 * Steps that reach MySQL (link-global, unlink-global) are only run where a
 * test wants to see them reached.
 */
import assert from 'node:assert/strict';

import type { FarmDeps } from '../../src/executor/farm/index.js';
import { ProcedureRegistry } from '../../src/executor/procedure-definition.js';
import type { StepContext, StepResult } from '../../src/executor/procedure-definition.js';
import { shardingProcedures } from '../../src/executor/sharding/index.js';
import { buildSubmission } from '../../src/executor/submission.js';
import type { Effect, FabricModel, JsonValue, Procedure } from '../../src/fabric/index.js';
import { commit, farm, ok } from '../fabric/helpers.js';

export class ShardingHarness {
  readonly model: FabricModel;
  readonly registry = new ProcedureRegistry();
  #seq = 0;

  constructor(model: FabricModel) {
    this.model = model;
    const deps = {
      model,
      servers: {
        server: () => assert.fail('a sharding metadata step reached MySQL'),
        forget: () => Promise.resolve(),
      },
      switchoverTimeoutMs: 1_000,
      failoverCooldownMs: 0,
      finalProbeTimeoutMs: 10,
      fencer: { mode: 'none', fence: () => Promise.resolve('') },
    } satisfies FarmDeps;
    for (const def of shardingProcedures(deps)) this.registry.register(def);
  }

  /** Admits and commits a submission; returns the new procedure. Throws what admission throws. */
  submit(name: string, args: JsonValue, requestId = `req-${++this.#seq}`): Procedure {
    const procedureId = `p-${requestId}`;
    const s = buildSubmission(this.registry, this.model, {
      name,
      args,
      requestId,
      procedureId,
      at: 1_000,
      term: 1,
    });
    if (s.kind !== 'submit') return this.#procedure(s.procedureId);
    ok(this.model.apply(s.command));
    return this.#procedure(procedureId);
  }

  /** Starts the procedure's current step in `term` and runs it once (no commit). */
  async run(procedureId: string, term = 1): Promise<StepResult> {
    const p = this.#procedure(procedureId);
    ok(this.model.apply({ type: 'step-start', procedureId, step: p.current, term, at: 2_000 }));
    const def = this.registry.get(p.name)?.steps[p.current];
    assert.ok(def, `no step ${p.current} in ${p.name}`);
    return def.run(context(p));
  }

  /** Commits a step's result as the runner would (step-done of the current step). */
  complete(procedureId: string, r: StepResult, term = 1): void {
    ok(this.model.apply(this.doneCommand(procedureId, r, term)));
  }

  doneCommand(procedureId: string, r: StepResult, term = 1, step?: number) {
    return {
      type: 'step-done',
      procedureId,
      step: step ?? this.#procedure(procedureId).current,
      term,
      at: 3_000,
      output: r.output,
      effects: r.effects,
    } as const;
  }

  /** Runs and commits steps until the procedure is DONE; returns its result. */
  async runToEnd(procedureId: string): Promise<JsonValue | undefined> {
    while (this.#procedure(procedureId).state === 'RUNNING')
      this.complete(procedureId, await this.run(procedureId));
    const p = this.#procedure(procedureId);
    assert.equal(p.state, 'DONE', JSON.stringify(p.error));
    return p.result;
  }

  /** Submits and runs to the end. */
  async call(name: string, args: JsonValue): Promise<JsonValue | undefined> {
    return this.runToEnd(this.submit(name, args).id);
  }

  change(effects: readonly Effect[]): void {
    commit(this.model, effects);
  }

  #procedure(id: string): Procedure {
    const p = this.model.procedure(id);
    assert.ok(p, `no procedure ${id}`);
    return p;
  }
}

function context(p: Procedure): StepContext {
  return {
    procedureId: p.id,
    args: p.args,
    outputs: {},
    attempt: 1,
    signal: new AbortController().signal,
    progress: undefined,
    checkpoint: () => Promise.resolve(),
    now: () => 2_000,
    sleep: () => Promise.resolve(),
  };
}

/**
 * g1 (primary a, secondary b), g2 (primary c), g3 (primary d), g4 (no
 * primary), g5 (primary e): g1 serves as the global group.
 */
export function shardingFarm(): ShardingHarness {
  const m = farm(true);
  commit(
    m,
    ['g3', 'g4', 'g5'].map((g): Effect => ({ type: 'group-create', groupId: g, description: '' })),
  );
  commit(m, [
    { type: 'server-add', groupId: 'g3', uuid: 'd', address: 'db-d:3306' },
    { type: 'server-add', groupId: 'g4', uuid: 'f', address: 'db-f:3306' },
    { type: 'server-add', groupId: 'g5', uuid: 'e', address: 'db-e:3306' },
  ]);
  commit(
    m,
    ['a', 'c', 'd', 'e'].map((uuid): Effect => ({ type: 'server-promote', uuid })),
  );
  return new ShardingHarness(m);
}
