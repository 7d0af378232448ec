import { execFile } from 'node:child_process';
import type { Fencer, FenceTarget } from '../executor/farm/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import type { HaConfig } from './config.js';

/** What a fence program may print that is kept in the procedure's history. */
const OUTPUT_LIMIT = 1_024;

/**
 * [ha] fence: the Fencer the failover uses. With fence = "command" it runs
 * the operator's program (a STONITH, cloud API or firewall call, as MHA's
 * shutdown_script and Orchestrator's pre-failover hooks) with the old
 * primary's address as its last argument and in FABRIC_FENCE_SERVER (plus
 * FABRIC_FENCE_GROUP, FABRIC_FENCE_UUID), without a shell, killed after
 * fence_timeout_ms. Exit 0 means the server can no longer take writes.
 */
export function fencerFor(ha: HaConfig, logger: Logger): Fencer {
  const log = logger.child({ component: 'fence' });
  return {
    mode: ha.fence,
    fence: (target, signal) => runFence(ha, target, signal, log),
  };
}

function runFence(
  ha: HaConfig,
  target: FenceTarget,
  signal: AbortSignal,
  log: Logger,
): Promise<string> {
  const [program, ...args] = ha.fenceCommand;
  if (program === undefined)
    return Promise.reject(new FabricError('FENCE_FAILED', '[ha] fence_command is empty'));
  const at = { server: target.address, group: target.group, program };
  log.warn(at, 'fencing the old primary before the failover promotes another server');
  return new Promise((resolve, reject) => {
    execFile(
      program,
      [...args, target.address],
      {
        timeout: ha.fenceTimeoutMs,
        killSignal: 'SIGKILL',
        signal,
        maxBuffer: 64 * 1024,
        env: {
          ...process.env,
          FABRIC_FENCE_SERVER: target.address,
          FABRIC_FENCE_GROUP: target.group,
          FABRIC_FENCE_UUID: target.uuid,
        },
      },
      (err, stdout, stderr) => {
        const said = `${stdout}${stderr}`.trim().slice(0, OUTPUT_LIMIT);
        if (err === null) {
          log.info({ ...at, output: said }, 'the fence command succeeded');
          resolve(said);
          return;
        }
        const why = failure(err, ha.fenceTimeoutMs);
        log.error({ ...at, output: said, why }, 'the fence command failed');
        reject(
          new FabricError('FENCE_FAILED', `${program} ${why}${said === '' ? '' : `: ${said}`}`, {
            server: target.address,
          }),
        );
      },
    );
  });
}

function failure(err: Error & { code?: unknown; killed?: boolean }, timeoutMs: number): string {
  if (err.killed === true) return `did not finish within ${timeoutMs} ms ([ha] fence_timeout_ms)`;
  if (err.code === 'ENOENT') return 'was not found';
  if (typeof err.code === 'number') return `exited with status ${err.code}`;
  return `failed: ${err.message}`;
}
