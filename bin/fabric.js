#!/usr/bin/env node
// The `fabric` command. It runs the JavaScript that `npm run build` compiles
// into dist/ (`npm ci` builds it too): compiling TypeScript at every start
// cost about a second per call, and the node process restarts faster without.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    `fabric: ${main.pathname} is missing: build the project first with \`npm run build\` (npm ci builds it too)\n`,
  );
  process.exit(1);
}
await import(main.href);
