import type { Command } from 'commander';
import { SERVER_MODE, SERVER_STATUS } from '../client/farm-names.js';
import { withConnectOptions } from './connect.js';
import { runMutation, withFarmClient, withMutationOptions } from './mutation-command.js';
import type { FarmCommandOptions, MutationCommandOptions } from './mutation-command.js';
import { emit } from './output.js';
import { parseWeight } from './strict-numbers.js';

/** fabric server …: mysqlfabric's server commands. */
export function registerServerCommands(program: Command): void {
  const server = program
    .command('server')
    .description("one managed server's status, mode and weight");
  withMutationOptions(
    server
      .command('set-status <server> <status>')
      .description(`set a server's status (${SERVER_STATUS.names.join(', ')}; see the rules)`)
      .option('--update-only', 'record the status only; do not touch replication'),
  ).action(
    async (ref: string, text: string, o: MutationCommandOptions & { updateOnly?: boolean }) => {
      const status = SERVER_STATUS.parse('status', text);
      await runMutation(
        o,
        `server set-status ${ref} ${status}`,
        (c, m) => c.servers.setStatus(ref, status, { ...m, updateOnly: o.updateOnly === true }),
        () => `set ${ref} to ${status}`,
      );
    },
  );
  withMutationOptions(
    server
      .command('set-weight <server> <weight>')
      .description("set a server's read weight (a number > 0)"),
  ).action(async (ref: string, text: string, o: MutationCommandOptions) => {
    const weight = parseWeight('weight', text);
    await runMutation(
      o,
      `server set-weight ${ref} ${weight}`,
      (c, m) => c.servers.setWeight(ref, weight, m),
      () => `set the weight of ${ref} to ${weight}`,
    );
  });
  withMutationOptions(
    server
      .command('set-mode <server> <mode>')
      .description(`set a server's mode (${SERVER_MODE.names.join(', ')})`),
  ).action(async (ref: string, text: string, o: MutationCommandOptions) => {
    const mode = SERVER_MODE.parse('mode', text);
    await runMutation(
      o,
      `server set-mode ${ref} ${mode}`,
      (c, m) => c.servers.setMode(ref, mode, m),
      () => `set ${ref} to mode ${mode}`,
    );
  });
  withConnectOptions(
    server
      .command('lookup-uuid <address>')
      .description('ask the server at host:port for its uuid (it need not be managed)'),
  ).action(async (address: string, o: FarmCommandOptions) => {
    const uuid = await withFarmClient(o, (c) => c.servers.lookupUuid(address));
    emit(o.json === true, { uuid }, () => (uuid === '' ? `${address}: no uuid stored yet` : uuid));
  });
}
