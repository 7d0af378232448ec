import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { connect, withConnectOptions } from './connect.js';
import type { ConnectOptions } from './connect.js';
import { emit } from './output.js';

/**
 * fabric kv put | get — the test key-value state machine, handy for trying a
 * cluster out. Hidden from the default help: operators manage farms, not it.
 */
export function registerKvCommands(program: Command): void {
  const kv = program
    .command('kv', { hidden: true })
    .description('the key-value test state machine every node runs beside the Fabric model');
  withConnectOptions(
    kv
      .command('put <key> <value>')
      .option('--request-id <id>', 'idempotency key (default: random)'),
  ).action(
    async (
      key: string,
      value: string,
      o: ConnectOptions & { json?: boolean; requestId?: string },
    ) => {
      const c = await connect(o);
      try {
        const r = await c.put(key, value, o.requestId ?? randomUUID());
        emit(
          o.json === true,
          r,
          () =>
            `ok: ${key} version ${r.version} at index ${r.index}${r.duplicate ? ' (duplicate request)' : ''}`,
        );
      } finally {
        c.close();
      }
    },
  );
  withConnectOptions(
    kv.command('get <key>').option('--stale', 'serve from this node without a ReadIndex round'),
  ).action(async (key: string, o: ConnectOptions & { json?: boolean; stale?: boolean }) => {
    const c = await connect(o);
    try {
      const r = await c.get(key, o.stale === true);
      emit(o.json === true, r, () =>
        r.found ? `${r.value} (version ${r.version})` : `${key}: not found`,
      );
      if (!r.found) process.exitCode = 1;
    } finally {
      c.close();
    }
  });
}
