import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface FabricRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `fabric` command (its TypeScript source, so no build is
 * needed) in a child process: what it prints and its exit code.
 */
export function runFabric(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<FabricRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, FABRIC_ENDPOINTS: '', FABRIC_ADDRESS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.once('error', reject);
    p.once('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}
