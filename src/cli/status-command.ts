import type { Command } from 'commander';
import type { FabricClient } from '../client/index.js';
import { withConnectOptions } from './connect.js';
import type { ConnectOptions } from './connect.js';
import { withFarmClient } from './mutation-command.js';
import { emit } from './output.js';
import type { GroupHealth, StatusView } from './status-view.js';
import { statusJson, statusText } from './status-view.js';

/** How long each group's health may take (it probes every server): a dead server must not stall the screen. */
const HEALTH_TIMEOUT_MS = 8_000;

async function healthOf(c: FabricClient, groupId: string): Promise<GroupHealth> {
  try {
    return { ok: true, servers: await c.groups.health(groupId, { timeoutMs: HEALTH_TIMEOUT_MS }) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** The four calls of one status screen, in parallel (health per group once the groups are known). */
async function gather(c: FabricClient): Promise<StatusView> {
  const [cluster, topology, procedures] = await Promise.all([
    c.status(),
    c.topology.dump(),
    c.procedures({ states: ['PROCEDURE_STATE_QUEUED', 'PROCEDURE_STATE_RUNNING'], limit: 50 }),
  ]);
  const health = await Promise.all(
    topology.groups.map(async (g) => [g.id, await healthOf(c, g.id)] as const),
  );
  return { cluster, topology, health: new Map(health), procedures: procedures.procedures };
}

/** fabric status */
export function registerStatusCommand(program: Command): void {
  withConnectOptions(
    program
      .command('status')
      .description(
        'one screen: the Fabric nodes (leader, lag), every group (primary, secondaries, lag, issues), shards, running procedures',
      ),
  ).action(async (o: ConnectOptions & { json?: boolean }) => {
    const v = await withFarmClient(o, gather);
    emit(o.json === true, statusJson(v), () => statusText(v));
  });
}
