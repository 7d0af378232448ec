/**
 * The simulator's command line:
 *   npm run sim -- --seed 42 --steps 2000          replay one seed, print its trace
 *   npm run sim -- --seeds 1000 --steps 2000       run seeds 1..1000 (or --from N)
 *   npm run sim -- --seed 7 --broken figure8       run against the deliberately broken core
 */
import { parseArgs } from 'node:util';
import { runSeed, replayCommand } from './run.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    seeds: { type: 'string' },
    from: { type: 'string', default: '1' },
    steps: { type: 'string', default: '2000' },
    nodes: { type: 'string' },
    broken: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
  strict: true,
});

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`sim: --${name} must be a non-negative integer, got '${v}'`);
    process.exit(2);
  }
  return n;
}

if (values.broken !== undefined && values.broken !== 'figure8') {
  console.error(`sim: --broken accepts only 'figure8', got '${values.broken}'`);
  process.exit(2);
}
const steps = int('steps', values.steps) ?? 2000;
const over = {
  brokenFigure8: values.broken === 'figure8',
  ...(values.nodes === undefined ? {} : { clusterSize: int('nodes', values.nodes) ?? 3 }),
};
const single = int('seed', values.seed);
const count = single === undefined ? (int('seeds', values.seeds) ?? 1) : 1;
const from = single ?? int('from', values.from) ?? 1;

let failures = 0;
const started = performance.now();
for (let seed = from; seed < from + count; seed++) {
  const { result, options } = await runSeed(seed, steps, over);
  const s = result.stats;
  if (single !== undefined || values.verbose || !result.ok) {
    console.log(`seed ${seed}: ${result.ok ? 'ok' : 'FAILED'} — ${JSON.stringify(s)}`);
    if (single !== undefined) console.log(`options: ${JSON.stringify(options)}`);
  }
  if (!result.ok) {
    failures++;
    console.log(
      `  ${result.phase ?? ''} failure at tick ${String(result.step)}: ${result.failure ?? ''}`,
    );
    console.log(`  replay: ${replayCommand(seed, steps, over)}`);
    if (single !== undefined) for (const line of result.trace) console.log(`    ${line}`);
  }
}
const secs = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${count - failures} passed, ${failures} failed`);
console.log(`sim: ${count} seed(s) x ${steps} steps in ${secs} s`);
process.exit(failures === 0 ? 0 : 1);
