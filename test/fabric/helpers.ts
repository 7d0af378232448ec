/** Builders and a small driver for the Fabric model tests. */
import assert from 'node:assert/strict';

import { FabricModel } from '../../src/fabric/index.js';
import type {
  ApplyResult,
  Command,
  CommandResult,
  Effect,
  JsonValue,
  Rejection,
  StepDoneResult,
  SubmitResult,
} from '../../src/fabric/index.js';
import type { FabricErrorCode } from '../../src/util/fabric-error.js';

/** Asserts an accepted command and returns its result. */
export function ok(r: ApplyResult): CommandResult {
  if (!r.ok) assert.fail(`expected ok, got ${r.code}: ${r.message}`);
  return r.result;
}

/** Applies a command that must be refused with `code` and must change nothing (snapshot bytes). */
export function refused(m: FabricModel, c: Command, code: FabricErrorCode): Rejection {
  const before = m.snapshot();
  const r = m.apply(c);
  if (r.ok) assert.fail(`expected ${code}, got ok: ${JSON.stringify(r.result)}`);
  assert.equal(r.code, code, r.message);
  assert.deepEqual(m.snapshot(), before, 'a rejected command changed the model');
  return r;
}

export interface SubmitOptions {
  readonly id?: string;
  readonly requestId?: string;
  readonly name?: string;
  readonly lockKeys?: readonly string[];
  readonly steps?: readonly string[];
  readonly args?: JsonValue;
  readonly at?: number;
  readonly term?: number;
}

let seq = 0;

/** A submit command with unique ids unless given. */
export function submitCmd(o: SubmitOptions = {}): Command {
  seq += 1;
  const id = o.id ?? `p${seq}`;
  return {
    type: 'submit',
    requestId: o.requestId ?? `req-${id}`,
    procedureId: id,
    name: o.name ?? 'test.proc',
    args: o.args ?? null,
    lockKeys: o.lockKeys ?? [],
    steps: o.steps ?? ['only'],
    at: o.at ?? 1000,
    term: o.term ?? 1,
  };
}

export function submit(m: FabricModel, o: SubmitOptions = {}): SubmitResult {
  const r = ok(m.apply(submitCmd(o)));
  if (r.type !== 'submit') assert.fail(`expected a submit result, got ${r.type}`);
  return r;
}

/** step-start of the procedure's current step. */
export function startCmd(m: FabricModel, id: string, term = 1, at = 2000): Command {
  const p = m.procedure(id);
  assert.ok(p, `no procedure ${id}`);
  return { type: 'step-start', procedureId: id, step: p.current, term, at };
}

export function doneCmd(
  m: FabricModel,
  id: string,
  effects: readonly Effect[] = [],
  o: { term?: number; at?: number; output?: JsonValue; step?: number } = {},
): Command {
  const p = m.procedure(id);
  assert.ok(p, `no procedure ${id}`);
  return {
    type: 'step-done',
    procedureId: id,
    step: o.step ?? p.current,
    term: o.term ?? 1,
    at: o.at ?? 3000,
    output: o.output ?? null,
    effects,
  };
}

export function failCmd(
  m: FabricModel,
  id: string,
  o: { term?: number; retryable?: boolean; maxAttempts?: number; code?: string } = {},
): Command {
  const p = m.procedure(id);
  assert.ok(p, `no procedure ${id}`);
  return {
    type: 'step-failed',
    procedureId: id,
    step: p.current,
    term: o.term ?? 1,
    at: 4000,
    error: { code: o.code ?? 'MYSQL_DOWN', message: 'connection refused' },
    retryable: o.retryable ?? true,
    maxAttempts: o.maxAttempts ?? 3,
  };
}

/** Starts and completes the current step with these effects. */
export function step(
  m: FabricModel,
  id: string,
  effects: readonly Effect[] = [],
  output: JsonValue = null,
): StepDoneResult {
  ok(m.apply(startCmd(m, id)));
  const r = ok(m.apply(doneCmd(m, id, effects, { output })));
  return r as StepDoneResult;
}

/** Runs a one-step procedure whose step commits these effects; they must be accepted. */
export function commit(m: FabricModel, effects: readonly Effect[]): StepDoneResult {
  const { procedureId } = submit(m);
  return step(m, procedureId, effects);
}

/** Runs a one-step procedure whose effects must be refused with `code`, changing nothing. */
export function commitRefused(
  m: FabricModel,
  effects: readonly Effect[],
  code: FabricErrorCode,
): Rejection {
  const { procedureId } = submit(m);
  ok(m.apply(startCmd(m, procedureId)));
  return refused(m, doneCmd(m, procedureId, effects), code);
}

/** A model with groups g1, g2 (and servers g1: a, b; g2: c) when asked. */
export function farm(withServers = true): FabricModel {
  const m = new FabricModel();
  commit(m, [
    { type: 'group-create', groupId: 'g1', description: 'first' },
    { type: 'group-create', groupId: 'g2', description: 'second' },
  ]);
  if (withServers)
    commit(m, [
      { type: 'server-add', groupId: 'g1', uuid: 'a', address: 'db-a:3306' },
      { type: 'server-add', groupId: 'g1', uuid: 'b', address: 'db-b:3306' },
      { type: 'server-add', groupId: 'g2', uuid: 'c', address: 'db-c:3306' },
    ]);
  return m;
}

/** Asserts the model's invariants hold. */
export function sound(m: FabricModel): void {
  assert.deepEqual(m.invariantProblems(), []);
}
