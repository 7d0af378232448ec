import type { Command } from 'commander';
import type { TopologyWatch } from '../client/index.js';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import { connect, withConnectOptions } from './connect.js';
import { topologyText } from './farm-tables.js';
import type { FarmCommandOptions } from './mutation-command.js';
import { withFarmClient } from './mutation-command.js';
import { emit } from './output.js';
import { parseInteger } from './strict-numbers.js';

/** Prints each topology as it arrives until Ctrl-C; reconnects (and says so) after failures. */
async function watch(fromEpoch: number, o: FarmCommandOptions): Promise<void> {
  const c = await connect(o);
  const print = (t: Topology__Output): void => {
    // One JSON document per line, so `| jq -c` and line readers can follow the stream.
    process.stdout.write(
      o.json === true
        ? `${JSON.stringify(t)}\n`
        : `${new Date().toISOString()}\n${topologyText(t)}\n\n`,
    );
  };
  const w: TopologyWatch = c.watchTopology(fromEpoch, print, (e, retrying) => {
    process.stderr.write(
      `fabric: topology watch: ${e.code}: ${e.message}${retrying ? '; reconnecting' : ''}\n`,
    );
  });
  const stop = (): void => {
    w.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await w.done;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    c.close();
  }
}

/** fabric topology dump | watch: the routing view connectors use (mysqlfabric's dump.*). */
export function registerTopologyCommands(program: Command): void {
  const topology = program
    .command('topology')
    .description('the routing view connectors use: groups, servers, Fabric nodes, epoch');
  withConnectOptions(
    topology.command('dump').description('the whole topology at the current epoch'),
  ).action(async (o: FarmCommandOptions) => {
    const t = await withFarmClient(o, (c) => c.topology.dump());
    emit(o.json === true, t, () => topologyText(t));
  });
  withConnectOptions(
    topology
      .command('watch')
      .description('print the topology at each new epoch until Ctrl-C (--json: one line each)')
      .option(
        '--from-epoch <n>',
        'the last epoch already known (default 0: print the current one)',
      ),
  ).action(async (o: FarmCommandOptions & { fromEpoch?: string }) => {
    const from =
      o.fromEpoch === undefined
        ? 0
        : parseInteger('--from-epoch', o.fromEpoch, 0, Number.MAX_SAFE_INTEGER);
    await watch(from, o);
  });
}
