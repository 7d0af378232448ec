/**
 * The executor's fence (eslint/determinism-fence.js): src/executor reads
 * time only through the injected clock and does no I/O of its own. Probes are linted with the
 * fence rules alone (the probe files do not exist, so the type-aware
 * project config cannot parse them); a second test checks eslint.config.js
 * applies the same rules to all of src/executor, the clock binding living outside.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

import { EXECUTOR_FENCE_FILES, executorFenceRules } from '../../eslint/determinism-fence.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = 'src/executor/__fence_probe__.ts';

const fenceOnly = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: EXECUTOR_FENCE_FILES,
      languageOptions: { parser: tseslint.parser },
      rules: executorFenceRules,
    },
  ],
});

async function lint(code: string): Promise<Linter.LintMessage[]> {
  const [result] = await fenceOnly.lintText(code, { filePath: PROBE });
  assert.ok(result);
  return result.messages;
}

const BANNED: readonly (readonly [string, string])[] = [
  ['Date.now()', 'export const t = Date.now();'],
  [
    'node:fs/promises',
    "import { writeFile } from 'node:fs/promises';\nexport const w = writeFile;",
  ],
  ['child_process', "import { spawn } from 'node:child_process';\nexport const s = spawn;"],
  ['setTimeout', 'setTimeout(() => undefined, 5);'],
  ['performance.now()', 'export const t = performance.now();'],
  ['Math.random()', 'export const r = Math.random();'],
  [
    'node:timers/promises',
    "import { setTimeout as wait } from 'node:timers/promises';\nexport const w = wait;",
  ],
];

for (const [what, code] of BANNED)
  test(`executor fence: rejects ${what}`, async () => {
    const messages = await lint(code);
    assert.ok(
      messages.some(
        (m) =>
          m.severity === 2 &&
          (m.message.includes('injected clock') || m.message.includes('through its ports')),
      ),
      messages.map((m) => m.message).join('\n') || '(no messages)',
    );
  });

test('executor fence: accepts steps that use the context clock, their ports and async', async () => {
  const messages = await lint(
    [
      'export async function run(ctx: { now(): number; sleep(ms: number): Promise<void> }, server: { setReadOnly(on: boolean): Promise<void> }): Promise<number> {',
      '  const started = ctx.now();',
      '  await ctx.sleep(10);',
      '  await server.setReadOnly(true);',
      '  return ctx.now() - started;',
      '}',
    ].join('\n'),
  );
  assert.deepEqual(messages, []);
});

test('executor fence: eslint.config.js applies it to all of src/executor; the clock binding lives outside', async () => {
  const project = new ESLint({ cwd: ROOT });
  const rulesFor = async (file: string): Promise<Partial<Linter.RulesRecord>> =>
    ((await project.calculateConfigForFile(file)) as Linter.Config).rules ?? {};
  for (const file of ['src/executor/__probe__.ts', 'src/executor/farm/__probe__.ts']) {
    const actual = (await rulesFor(file))['no-restricted-globals'];
    const expected = executorFenceRules['no-restricted-globals'];
    assert.ok(Array.isArray(actual) && Array.isArray(expected), `${file}: not fenced`);
    assert.equal(actual[0], 2, `${file}: the fence must be an error`);
    assert.deepEqual(actual.slice(1), expected.slice(1), file);
  }
  const binding = await rulesFor('src/server/system-clock.ts');
  assert.deepEqual(binding['no-restricted-globals'] ?? ['off'], ['off']);
});
