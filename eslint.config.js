// ESLint flat config. See style.md §4.15 for the baseline and
// eslint/determinism-fence.js for the rules that keep src/raft and src/fabric pure.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

import {
  EXECUTOR_FENCE_FILES,
  FENCE_FILES,
  PROJECT_SYNTAX_BANS,
  executorFenceRules,
  fenceRules,
} from './eslint/determinism-fence.js';

/** node:test entry points whose returned promise the runner tracks itself. */
const NODE_TEST_CALLS = {
  from: 'package',
  package: 'node:test',
  name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
};

export default defineConfig(
  globalIgnores([
    'node_modules/',
    'dist/',
    'coverage/',
    'bench/results/',
    '.sim-failures/',
    'src/gen/',
  ]),

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [NODE_TEST_CALLS] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      // A switch without `default` must name every member of the union. An explicit
      // `default` counts as exhaustive: role step functions deliberately ignore most
      // message types.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // stylistic-type-checked prefers `x!` over `x as T`, but strict-type-checked bans
      // `x!` (no-non-null-assertion), so together they forbid both. Keep the ban on `!`
      // and allow the explicit, greppable `as T`.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // Terms, indexes and tick counts are numbers and appear in every log line.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-syntax': ['error', ...PROJECT_SYNTAX_BANS],
    },
  },

  // Plain JS (this file, eslint/, .dependency-cruiser.cjs) is not in tsconfig:
  // lint it without type information.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  // Tool config files must default-export their config.
  {
    files: ['eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },

  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests index into fixtures they just built; `!` there is an assertion.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-properties': [
        'error',
        ...['test', 'it', 'describe', 'suite'].map((object) => ({
          object,
          property: 'only',
          message: '.only would silently skip the rest of the suite in CI.',
        })),
      ],
    },
  },

  // The determinism fence (style.md §4.5).
  { files: FENCE_FILES, rules: fenceRules },
  // The executor's fence: time only through the injected clock, I/O only through its ports.
  { files: EXECUTOR_FENCE_FILES, rules: executorFenceRules },

  // Last: turn off every rule that fights the formatter.
  prettier,
);
