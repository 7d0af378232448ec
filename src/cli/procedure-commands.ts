import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Procedure__Output } from '../gen/fabric/v1/Procedure.js';
import type { ProcedureState } from '../gen/fabric/v1/ProcedureState.js';
import { connect, withConnectOptions } from './connect.js';
import type { ConnectOptions } from './connect.js';
import { parsed, readable } from './json-fields.js';
import { emit, table } from './output.js';
import { parseInteger } from './strict-numbers.js';
import { FabricError } from '../util/fabric-error.js';

interface Common extends ConnectOptions {
  readonly json?: boolean;
}

const STATES: Readonly<Record<string, ProcedureState>> = {
  queued: 'PROCEDURE_STATE_QUEUED',
  running: 'PROCEDURE_STATE_RUNNING',
  done: 'PROCEDURE_STATE_DONE',
  failed: 'PROCEDURE_STATE_FAILED',
};

/** The server refuses longer waits (src/api/farm-validate.ts MAX_WAIT_MS). */
const MAX_WAIT_MS = 3_600_000;
/** A sanity bound on --limit (the node has no cap of its own). */
const MAX_LIST = 10_000;

/** The procedure's arguments: a JSON object, checked before any call. */
function parseArgsJson(text: string): unknown {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new FabricError(
      'INVALID_ARGUMENT',
      `args-json is not valid JSON (${(e as Error).message}): use an object, e.g. '{"group":"g1"}'`,
      { field: 'args-json' },
    );
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new FabricError(
      'INVALID_ARGUMENT',
      `args-json must be a JSON object, e.g. '{"group":"g1"}'`,
      { field: 'args-json' },
    );
  return v;
}

const stateText = (s: string): string => s.replace('PROCEDURE_STATE_', '').toLowerCase();
const time = (ms: number): string => (ms === 0 ? '' : new Date(ms).toISOString());

/** `procedure show` in text: the head, arguments, result, steps, progress and step outputs. */
export function procedureText(p: Procedure__Output): string {
  const head =
    `procedure ${p.id} (${p.name}): ${stateText(p.state)}\n` +
    `request ${p.request_id}, locks ${p.lock_keys.join(', ') || '(none)'}, submitted ${time(p.submitted_at_ms)}` +
    (p.finished_at_ms > 0 ? `, finished ${time(p.finished_at_ms)}` : '') +
    (p.error !== null && p.state === 'PROCEDURE_STATE_FAILED'
      ? `\nfailed at ${p.failed_step}: ${p.error.code}: ${p.error.message}${p.error.cause === '' ? '' : ` (cause: ${p.error.cause})`}`
      : '') +
    '\n' +
    section('arguments', p.args_json) +
    section('result', p.result_json);
  const rows = p.steps.map((s, i) => [
    String(i + 1),
    s.name,
    s.state,
    String(s.attempts),
    String(s.term),
    s.started_at_ms > 0 && s.finished_at_ms > 0 ? `${s.finished_at_ms - s.started_at_ms} ms` : '',
    s.error === null ? '' : `${s.error.code}: ${s.error.message}`,
  ]);
  return (
    head +
    table(['#', 'STEP', 'STATE', 'ATTEMPTS', 'TERM', 'TOOK', 'LAST ERROR'], rows) +
    progressLines(p) +
    p.steps
      .map((s, i) =>
        s.output_json === ''
          ? ''
          : `\n${section(`output of step ${i + 1} (${s.name})`, s.output_json).trimEnd()}`,
      )
      .join('')
  );
}

/**
 * "title:" and the JSON as indented lines (a failover's evidence, who saw
 * what, is in its arguments and its mark-faulty step's output); '' when absent.
 */
function section(title: string, json: string): string {
  const v = parsed(json);
  if (v === null || (typeof v === 'object' && Object.keys(v).length === 0)) return '';
  return `${title}:\n${readable(v)}\n`;
}

/** A long step's last checkpoint: where a new leader would resume it. */
function progressLines(p: Procedure__Output): string {
  return p.steps
    .map((s, i) =>
      s.progress === null
        ? ''
        : `\nprogress of step ${i + 1} (${s.name}): ${s.progress.progress_json}, checkpointed by attempt ${s.progress.attempt} at ${time(s.progress.at_ms)}`,
    )
    .join('');
}

/** fabric procedure list | show | wait | run */
export function registerProcedureCommands(program: Command): void {
  const proc = program
    .command('procedure')
    .description('the durable history of procedures, and waiting for them');
  withConnectOptions(proc.command('list').description('procedures, newest first'))
    .option('--state <state...>', `only these states: ${Object.keys(STATES).join(', ')}`)
    .option('--lock <key>', 'only procedures on this lock key, e.g. group:g1')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (o: Common & { state?: string[]; lock?: string; limit: string }) => {
      const states = (o.state ?? []).map((s) => {
        const v = STATES[s.toLowerCase()];
        if (v === undefined)
          throw new FabricError(
            'INVALID_ARGUMENT',
            `--state ${JSON.stringify(s)} is invalid: use one of ${Object.keys(STATES).join(', ')}`,
            { field: '--state' },
          );
        return v;
      });
      const limit = parseInteger('--limit', o.limit, 1, MAX_LIST);
      const c = await connect(o);
      try {
        const r = await c.procedures({ states, lock_key: o.lock ?? '', limit });
        emit(o.json === true, r, () =>
          table(
            ['ID', 'NAME', 'STATE', 'STEP', 'SUBMITTED', 'LOCKS'],
            r.procedures.map((p) => [
              p.id,
              p.name,
              stateText(p.state),
              `${Math.min(p.current_step + 1, p.steps.length)}/${p.steps.length}`,
              time(p.submitted_at_ms),
              p.lock_keys.join(','),
            ]),
          ),
        );
      } finally {
        c.close();
      }
    });
  withConnectOptions(
    proc.command('show <id>').description('one procedure with its steps, timings and errors'),
  ).action(async (id: string, o: Common) => {
    const c = await connect(o);
    try {
      const r = await c.procedure(id);
      emit(o.json === true, r, () =>
        r.procedure === null ? `${id}: not found` : procedureText(r.procedure),
      );
    } finally {
      c.close();
    }
  });
  withConnectOptions(
    proc
      .command('wait <id>')
      .description('block until the procedure ends')
      .option('--timeout <ms>', 'how long to wait', '30000'),
  ).action(async (id: string, o: Common & { timeout: string }) => {
    const timeoutMs = parseInteger('--timeout', o.timeout, 1, MAX_WAIT_MS);
    const c = await connect(o);
    try {
      const r = await c.waitProcedure(id, timeoutMs);
      emit(o.json === true, r, () =>
        r.procedure === null ? `${id}: not found` : procedureText(r.procedure),
      );
      if (r.procedure?.state === 'PROCEDURE_STATE_FAILED') process.exitCode = 1;
    } finally {
      c.close();
    }
  });
  withConnectOptions(
    proc
      .command('run <name> [args-json]')
      .description('run a registered procedure (synchronous unless --no-wait)')
      .option('--no-wait', 'return the procedure id at once')
      .option('--request-id <id>', 'idempotency key (default: random)'),
  ).action(
    async (
      name: string,
      args: string | undefined,
      o: Common & { wait: boolean; requestId?: string },
    ) => {
      const parsed = parseArgsJson(args ?? '{}');
      const c = await connect(o);
      try {
        const r = await c.submitProcedure(name, parsed, o.requestId ?? randomUUID(), o.wait);
        emit(o.json === true, r, () =>
          r.procedure === null ? 'submitted' : procedureText(r.procedure),
        );
        if (r.procedure?.state === 'PROCEDURE_STATE_FAILED') process.exitCode = 1;
      } finally {
        c.close();
      }
    },
  );
}
