import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const GUARD = { timeout: 90_000 };

test(
  'cli sandbox: the banner prints the export line to paste and fabric status',
  GUARD,
  async () => {
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, 'sandbox', '--nodes', '2', '--servers', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const exited = new Promise<number | null>((resolve) => p.once('close', resolve));
    await new Promise<void>((resolve, reject) => {
      p.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ctrl-C stops')) resolve();
      });
      p.stderr.on('data', (d: Buffer) => (out += d.toString()));
      void exited.then(() => {
        reject(new Error(`sandbox exited before it was ready:\n${out}`));
      });
    });
    p.kill('SIGINT');
    await exited;
    assert.match(
      out,
      /\n {2}export FABRIC_ENDPOINTS=127\.0\.0\.1:\d+,127\.0\.0\.1:\d+\n {2}npx fabric status\n/,
    );
  },
);
