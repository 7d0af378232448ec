/**
 * The determinism fence (eslint/determinism-fence.js) must reject time,
 * randomness, async and I/O inside src/raft and src/fabric.
 *
 * Snippets are linted as if they lived at src/raft/__fence_probe__.ts. The
 * probe file does not exist, so the type-aware project config cannot parse it;
 * the probe is linted with a config holding only the fence rules, built from
 * the same object eslint.config.js uses. A separate test checks that
 * eslint.config.js really applies that object to src/raft and src/fabric.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

import { FENCE_FILES, fenceRules } from '../../eslint/determinism-fence.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = 'src/raft/__fence_probe__.ts';

const fenceOnly = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: FENCE_FILES,
      languageOptions: { parser: tseslint.parser },
      rules: fenceRules,
    },
  ],
});

async function lintProbe(code: string): Promise<Linter.LintMessage[]> {
  const [result] = await fenceOnly.lintText(code, { filePath: PROBE });
  assert.ok(result, 'ESLint returned no result for the probe');
  return result.messages;
}

function describeMessages(messages: readonly Linter.LintMessage[]): string {
  return messages.map((m) => `${String(m.ruleId)}: ${m.message}`).join('\n') || '(no messages)';
}

/** [what is banned, snippet, rule that must report it] */
const BANNED: readonly (readonly [string, string, string])[] = [
  ['Date.now()', 'export const now = (): number => Date.now();', 'no-restricted-globals'],
  ['new Date()', 'export const d = new Date(0);', 'no-restricted-globals'],
  ['Math.random()', 'export const r = (): number => Math.random();', 'no-restricted-properties'],
  ['setTimeout(...)', 'setTimeout(() => undefined, 10);', 'no-restricted-globals'],
  ['setInterval(...)', 'setInterval(() => undefined, 10);', 'no-restricted-globals'],
  ['queueMicrotask(...)', 'queueMicrotask(() => undefined);', 'no-restricted-globals'],
  ['process', "export const env = process.env['X'];", 'no-restricted-globals'],
  ['performance.now()', 'export const t = performance.now();', 'no-restricted-globals'],
  ['crypto.randomUUID()', 'export const id = crypto.randomUUID();', 'no-restricted-globals'],
  ['Promise', 'export const p = Promise.resolve(1);', 'no-restricted-globals'],
  ['globalThis.Date', 'export const D = globalThis.Date;', 'no-restricted-globals'],
  [
    "import fs from 'node:fs'",
    "import fs from 'node:fs';\nexport const f = fs;",
    'no-restricted-imports',
  ],
  [
    "import from 'fs'",
    "import { readFileSync } from 'fs';\nexport const f = readFileSync;",
    'no-restricted-imports',
  ],
  [
    "import from 'timers/promises'",
    "import { setTimeout as s } from 'timers/promises';\nexport const f = s;",
    'no-restricted-imports',
  ],
  [
    "import type from 'node:net'",
    "import type { Socket } from 'node:net';\nexport type S = Socket;",
    'no-restricted-imports',
  ],
  [
    "import { Level } from 'level'",
    "import { Level } from 'level';\nexport const L = Level;",
    'no-restricted-imports',
  ],
  [
    "import from 'classic-level'",
    "import { ClassicLevel } from 'classic-level';\nexport const L = ClassicLevel;",
    'no-restricted-imports',
  ],
  [
    "import from '@grpc/grpc-js'",
    "import * as grpc from '@grpc/grpc-js';\nexport const g = grpc;",
    'no-restricted-imports',
  ],
  [
    "import from 'mysql2/promise'",
    "import mysql from 'mysql2/promise';\nexport const m = mysql;",
    'no-restricted-imports',
  ],
  [
    "import from 'pino'",
    "import pino from 'pino';\nexport const p = pino;",
    'no-restricted-imports',
  ],
  [
    "import from 'protobufjs'",
    "import protobuf from 'protobufjs';\nexport const p = protobuf;",
    'no-restricted-imports',
  ],
  [
    "export from 'node:crypto'",
    "export { randomBytes } from 'node:crypto';",
    'no-restricted-imports',
  ],
  ['an async function', 'export async function f(): Promise<void> {}', 'no-restricted-syntax'],
  ['an async arrow', 'export const f = async (): Promise<number> => 1;', 'no-restricted-syntax'],
  ['an async method', 'export class C { async m(): Promise<void> {} }', 'no-restricted-syntax'],
  [
    'await',
    'declare const p: PromiseLike<number>;\nexport const v = await p;',
    'no-restricted-syntax',
  ],
  ['dynamic import()', "export const m = import('./types.js');", 'no-restricted-syntax'],
];

describe('lint: determinism fence', () => {
  for (const [what, code, ruleId] of BANNED) {
    test(`lint: fence rejects ${what}`, async () => {
      const messages = await lintProbe(code);
      const hit = messages.find((m) => m.ruleId === ruleId && m.severity === 2);
      assert.ok(hit, `expected a ${ruleId} error, got:\n${describeMessages(messages)}`);
      assert.match(hit.message, /deterministic|hidden scheduler/);
    });
  }

  test('lint: fence accepts deterministic code', async () => {
    const clean = [
      "import type { Entry } from './types.js';",
      "import { NONE } from './types.js';",
      '',
      'export interface Rng { next(): number }',
      '',
      'export class Ticker {',
      '  #elapsed = 0;',
      '  readonly #rng: Rng;',
      '  constructor(rng: Rng) { this.#rng = rng; }',
      '  tick(): boolean {',
      '    this.#elapsed += 1;',
      '    const date = { now: this.#elapsed };',
      '    return date.now >= 10 + Math.floor(this.#rng.next() * Math.max(1, 10));',
      '  }',
      '}',
      '',
      'export function lastIndex(entries: readonly Entry[]): number {',
      '  return entries.at(-1)?.index ?? 0;',
      '}',
      '',
      'export const leader = NONE;',
    ].join('\n');
    const messages = await lintProbe(clean);
    assert.deepEqual(messages, [], describeMessages(messages));
  });
});

describe('lint: eslint.config.js wires the fence', () => {
  const project = new ESLint({ cwd: ROOT });

  async function rulesFor(file: string): Promise<Partial<Linter.RulesRecord>> {
    const config = (await project.calculateConfigForFile(file)) as Linter.Config;
    return config.rules ?? {};
  }

  for (const file of ['src/raft/__fence_probe__.ts', 'src/fabric/model/__fence_probe__.ts']) {
    test(`lint: fence applies to ${file}`, async () => {
      const rules = await rulesFor(file);
      for (const [name, expected] of Object.entries(fenceRules)) {
        const actual = rules[name];
        assert.ok(Array.isArray(actual) && Array.isArray(expected), `${name} is not configured`);
        assert.equal(actual[0], 2, `${name} must be an error`);
        assert.deepEqual(
          actual.slice(1),
          expected.slice(1),
          `${name} options differ from the fence`,
        );
      }
    });
  }

  test('lint: fence does not apply outside src/raft and src/fabric', async () => {
    const rules = await rulesFor('src/node/__fence_probe__.ts');
    assert.equal(rules['no-restricted-globals'], undefined);
    assert.equal(rules['no-restricted-imports'], undefined);
  });
});
