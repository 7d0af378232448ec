/** The layer order is written once in .dependency-cruiser.cjs; README's architecture section must repeat it exactly. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);

interface Rule {
  readonly name: string;
}

test('layers: README states the order dependency-cruiser enforces', () => {
  const config = require('../../.dependency-cruiser.cjs') as { forbidden: Rule[] };
  const enforced = config.forbidden
    .map((r) => /^layer-order-(.+)$/.exec(r.name)?.[1])
    .filter((l): l is string => l !== undefined);
  assert.ok(enforced.length >= 10, `expected the layer rules, found ${enforced.join(', ')}`);
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /## Architecture[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block !== undefined, 'README has no layer order block under "## Architecture"');
  const stated = block.split('<').map((s) => s.trim());
  assert.deepEqual(stated, enforced);
});

test('layers: every folder of src/ has a place in the order or stands apart', () => {
  const config = require('../../.dependency-cruiser.cjs') as { forbidden: Rule[] };
  const layers = new Set(config.forbidden.map((r) => /^layer-order-(.+)$/.exec(r.name)?.[1]));
  const apart = new Set(['client', 'connector']);
  const folders = readdirSync(new URL('../../src', import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const missing = folders.filter((f) => !layers.has(f) && !apart.has(f));
  assert.deepEqual(missing, [], `folders without a layer: ${missing.join(', ')}`);
});
