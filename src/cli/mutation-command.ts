import type { Command } from 'commander';
import type { FabricClient, MutationOptions } from '../client/index.js';
import type { Procedure__Output } from '../gen/fabric/v1/Procedure.js';
import { connect, withConnectOptions } from './connect.js';
import type { ConnectOptions } from './connect.js';
import { emit } from './output.js';
import { parseInteger } from './strict-numbers.js';

/** The server refuses longer waits (src/api/farm-validate.ts MAX_WAIT_MS). */
const MAX_WAIT_MS = 3_600_000;

/** Options of every farm command. */
export interface FarmCommandOptions extends ConnectOptions {
  readonly json?: boolean;
}

/** Options of every mutating farm command (commander's shape). */
export interface MutationCommandOptions extends FarmCommandOptions {
  readonly wait: boolean;
  readonly timeout?: string;
  readonly requestId?: string;
}

/** Adds the connection options and --no-wait, --timeout, --request-id. */
export function withMutationOptions(c: Command): Command {
  return withConnectOptions(c)
    .option('--no-wait', 'answer at once with the procedure id instead of waiting for it to end')
    .option('--timeout <ms>', 'how long to wait for the procedure (default 30000)')
    .option(
      '--request-id <id>',
      'idempotency key: retrying with it never runs twice (default: random)',
    );
}

/** The client's options for the command line's, checked before any call. */
export function mutationOptions(o: MutationCommandOptions): MutationOptions {
  return {
    noWait: !o.wait,
    ...(o.timeout === undefined
      ? {}
      : { timeoutMs: parseInteger('--timeout', o.timeout, 1, MAX_WAIT_MS) }),
    ...(o.requestId === undefined ? {} : { requestId: o.requestId }),
  };
}

/** A client for one command; closed when it ends. */
export async function withFarmClient<T>(
  o: ConnectOptions,
  fn: (c: FabricClient) => Promise<T>,
): Promise<T> {
  const c = await connect(o);
  try {
    return await fn(c);
  } finally {
    c.close();
  }
}

/** "(procedure <id>, <n> ms)": which procedure did it, and how long it took. */
export function procedureNote(p: Procedure__Output): string {
  const took = p.finished_at_ms > 0 ? `, ${p.finished_at_ms - p.submitted_at_ms} ms` : '';
  return `(procedure ${p.id}${took})`;
}

/**
 * Runs a mutating command: one line saying what was done (`done` may look
 * up the result), or, with --no-wait, that it was submitted and how to
 * wait for it. Errors propagate: main.ts prints the server's message.
 */
export async function runMutation(
  o: MutationCommandOptions,
  command: string,
  call: (c: FabricClient, opts: MutationOptions) => Promise<Procedure__Output>,
  done: (c: FabricClient, p: Procedure__Output) => string | Promise<string>,
): Promise<void> {
  const opts = mutationOptions(o);
  await withFarmClient(o, async (c) => {
    const p = await call(c, opts);
    const text =
      p.state === 'PROCEDURE_STATE_DONE'
        ? `${await done(c, p)} ${procedureNote(p)}`
        : `${command}: submitted as procedure ${p.id}; wait for it with: fabric procedure wait ${p.id}`;
    emit(o.json === true, p, () => text);
  });
}
