import { mkdirSync, writeFileSync } from 'node:fs';

/** Writes a benchmark's result to bench/results/<name>.json and says so. */
export function writeResult(name: string, result: unknown): void {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`./results/${name}.json`, import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(`written: bench/results/${name}.json`);
}
