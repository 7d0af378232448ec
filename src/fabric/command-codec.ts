import { FabricError } from '../util/fabric-error.js';
import type { Command, CommandType } from './commands.js';
import { COMMAND_TYPES } from './commands.js';
import { readEffect } from './effect-codec.js';
import { FieldReader } from './field-reader.js';
import { canonicalJson } from './json.js';

const encoder = new TextEncoder();
// fatal: a command that is not valid UTF-8 is refused, not silently repaired.
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A command as log-entry bytes (canonical JSON: equal commands give equal
 * bytes). Validated first, so a proposer learns of a malformed command
 * (say a NaN, which JSON would quietly turn into null) before proposing it.
 */
export function encodeCommand(command: Command): Uint8Array {
  return encoder.encode(canonicalJson(validateCommand(command)));
}

/**
 * Log-entry bytes back to a command. Throws FabricError(INVALID_ARGUMENT)
 * naming the offending field; the state machine turns that into a
 * rejection, so a bad entry is answered on every replica, never applied.
 */
export function decodeCommand(bytes: Uint8Array): Command {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (e) {
    throw new FabricError(
      'INVALID_ARGUMENT',
      'fabric: malformed command: not UTF-8 JSON',
      { field: 'command' },
      { cause: e },
    );
  }
  return validateCommand(value);
}

/** Checks a decoded (or in-memory) command's shape and returns a typed copy of its fields. */
export function validateCommand(value: unknown): Command {
  const f = FieldReader.of(value, 'command');
  const command = READERS[f.oneOf('type', COMMAND_TYPES)](f);
  f.done();
  return command;
}

const READERS: Readonly<Record<CommandType, (f: FieldReader) => Command>> = {
  submit: (f) => ({
    type: 'submit',
    requestId: f.str('requestId'),
    procedureId: f.str('procedureId'),
    name: f.str('name'),
    args: f.json('args'),
    lockKeys: f.strList('lockKeys'),
    steps: f.strList('steps', 1),
    at: f.int('at'),
    term: f.int('term'),
  }),
  'step-start': (f) => ({ type: 'step-start', ...stepFields(f) }),
  'step-checkpoint': (f) => ({
    type: 'step-checkpoint',
    ...stepFields(f),
    attempt: f.int('attempt', 1),
    progress: f.json('progress'),
  }),
  'step-done': (f) => ({
    type: 'step-done',
    ...stepFields(f),
    output: f.json('output'),
    effects: f.list('effects').map(({ value, path }) => readEffect(value, path)),
  }),
  'step-failed': (f) => ({
    type: 'step-failed',
    ...stepFields(f),
    error: readStepError(f.obj('error')),
    retryable: f.bool('retryable'),
    maxAttempts: f.int('maxAttempts', 1),
  }),
  prune: (f) => ({
    type: 'prune',
    at: f.int('at'),
    maxCompleted: f.int('maxCompleted'),
    maxAgeMs: f.int('maxAgeMs'),
    dedupWindowMs: f.int('dedupWindowMs'),
  }),
  'node-upsert': (f) => ({ type: 'node-upsert', id: f.str('id'), address: f.str('address') }),
  'node-remove': (f) => ({ type: 'node-remove', id: f.str('id') }),
};

function stepFields(f: FieldReader): {
  procedureId: string;
  step: number;
  term: number;
  at: number;
} {
  return {
    procedureId: f.str('procedureId'),
    step: f.int('step'),
    term: f.int('term'),
    at: f.int('at'),
  };
}

function readStepError(f: FieldReader): { code: string; message: string; cause?: string } {
  const error = {
    code: f.str('code'),
    message: f.text('message'),
    ...(f.has('cause') ? { cause: f.text('cause') } : {}),
  };
  f.done();
  return error;
}
