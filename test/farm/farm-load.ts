/**
 * Load and observation for switchover tests and the switchover benchmark:
 * a writer that follows the topology Watch stream, and a monitor that
 * samples every server's read_only to catch two writable servers at once.
 */
import type { Connection } from 'mysql2/promise';
import type { FabricClient, TopologyWatch } from '../../src/client/index.js';
import type { LocalMariadb, ServerAccount } from '../../src/mysql/index.js';
import { sleep } from '../cluster/cluster.js';
import { APP_DATABASE } from '../mysql/fleet.js';
import { connectTo, ReadOnlyPoller } from './read-only-poller.js';
import type { CleanupScope, Farm } from './farm.js';

/**
 * Inserts rows with increasing ids, one at a time, into the primary the
 * topology names, as the non-admin app user. An insert counts as
 * acknowledged only when the server answered OK; a failed one (read_only,
 * killed connection) is not retried with the same id, so every acked id
 * must exist afterwards and nothing else is asserted about the rest.
 */
export class FarmWriter {
  readonly acked: number[] = [];
  /** Successful writes as [time, address]: where and when writes landed. */
  readonly landed: { at: number; address: string }[] = [];
  failures = 0;
  #primary = '';
  #next: number;
  #stopped = false;
  #loop: Promise<void> | undefined;
  readonly #watch: TopologyWatch;
  readonly #account: ServerAccount;

  constructor(client: FabricClient, account: ServerAccount, group = 'g1', firstId = 1_000_000) {
    this.#account = account;
    this.#next = firstId;
    this.#watch = client.topology.watch(0, (tp) => {
      const p = tp.servers.find(
        (s) => s.group_id === group && s.status === 'SERVER_STATUS_PRIMARY',
      );
      this.#primary = p?.address ?? '';
    });
  }

  get primary(): string {
    return this.#primary;
  }

  start(): void {
    this.#loop = this.#run();
  }

  async #run(): Promise<void> {
    let conn: { address: string; c: Connection } | undefined;
    while (!this.#stopped) {
      const target = this.#primary;
      if (target === '') {
        await sleep(5);
        continue;
      }
      try {
        if (conn?.address !== target) {
          conn?.c.destroy();
          conn = undefined;
          const port = Number(target.slice(target.lastIndexOf(':') + 1));
          conn = { address: target, c: await connectTo(port, this.#account, APP_DATABASE) };
        }
        const id = this.#next++;
        await conn.c.query('INSERT INTO t VALUES (?, ?)', [id, 'load']);
        this.acked.push(id);
        this.landed.push({ at: performance.now(), address: target });
      } catch {
        this.failures++;
        conn?.c.destroy();
        conn = undefined;
        await sleep(5);
      }
    }
    conn?.c.destroy();
  }

  /** Longest time between two acknowledged writes within [from, to] (performance.now()). */
  longestGap(from: number, to: number): number {
    const ts = this.landed.map((l) => l.at).filter((x) => x >= from && x <= to);
    let gap = 0;
    for (let i = 1; i < ts.length; i++) gap = Math.max(gap, (ts[i] ?? 0) - (ts[i - 1] ?? 0));
    return gap;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#watch.close();
    await this.#loop;
  }
}

/**
 * Samples @@read_only on every server, continuously, over the admin
 * account's own connections (fencing kills client connections, not the
 * admin's). A sample with two writable servers is a split brain.
 */
export class WritableMonitor {
  samples = 0;
  readonly violations: { at: number; writable: string[] }[] = [];
  /** Writable servers in the latest complete sample. */
  lastWritable: string[] = [];
  #stopped = false;
  #loop: Promise<void> | undefined;
  readonly #servers: readonly LocalMariadb[];
  readonly #account: ServerAccount;

  constructor(servers: readonly LocalMariadb[], account: ServerAccount) {
    this.#servers = servers;
    this.#account = account;
  }

  start(): void {
    this.#loop = this.#run();
  }

  async #run(): Promise<void> {
    const poller = new ReadOnlyPoller(this.#servers, this.#account);
    while (!this.#stopped) {
      const writable = await poller.writable();
      this.samples++;
      this.lastWritable = writable;
      if (writable.length > 1) this.violations.push({ at: performance.now(), writable });
      await sleep(2);
    }
    poller.close();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#loop;
  }
}

/** A writer (as the app user, following n1's Watch) and a read_only monitor, both stopped when `t` ends. */
export function startLoad(
  t: CleanupScope,
  farm: Farm,
): { writer: FarmWriter; monitor: WritableMonitor } {
  const writer = new FarmWriter(farm.client('n1'), farm.fleet.accounts.app);
  const monitor = new WritableMonitor(farm.fleet.servers, farm.fleet.accounts.admin);
  writer.start();
  monitor.start();
  t.after(async () => {
    await writer.stop();
    await monitor.stop();
  });
  return { writer, monitor };
}
