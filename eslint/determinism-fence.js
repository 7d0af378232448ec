// The determinism fence: lint rules that keep src/raft and src/fabric pure.
//
// The Raft core (and the Fabric domain model built on it) must give the same
// output for the same state and input, so the simulator can replay any seed.
// Time enters only through tick(), randomness only through the injected Rng,
// and all I/O (disk, network, MySQL, logging) belongs to the driver and the
// adapters outside the fence. These rules make a leak a lint error.
//
// eslint.config.js applies `fenceRules` to `FENCE_FILES`, and
// test/lint/determinism-fence.test.ts lints probe snippets with the same object,
// so the test proves the rules the project actually uses.

/** Folders inside the fence (flat-config `files` globs). */
export const FENCE_FILES = [
  'src/raft/**/*.ts',
  'src/fabric/**/*.ts',
  'src/detector/verdict/**/*.ts',
  'src/routing/**/*.ts',
];

const WHY = 'the Raft core is deterministic: time only via tick(), randomness via the injected Rng';
const WHY_IO = `${WHY}; I/O belongs to the driver (src/node) and the adapters`;

/**
 * `no-restricted-syntax` entries that hold everywhere. Flat config replaces a
 * rule's options instead of merging them, so every override of
 * `no-restricted-syntax` must spread this list back in.
 */
export const PROJECT_SYNTAX_BANS = [
  {
    selector: 'ExportDefaultDeclaration',
    message: 'Use named exports (style.md §4.12): default exports hide the name at import sites.',
  },
  {
    selector: 'TSEnumDeclaration',
    message: 'Use an `as const` object or tuple with a derived union type instead of a TS enum.',
  },
];

const FENCE_SYNTAX_BANS = [
  {
    selector: ':function[async=true]',
    message: `No async functions: ${WHY}. Promise resolution order is a hidden scheduler.`,
  },
  {
    selector: 'AwaitExpression',
    message: `No await: ${WHY}. Promise resolution order is a hidden scheduler.`,
  },
  {
    selector: 'ForOfStatement[await=true]',
    message: `No for await: ${WHY}. Promise resolution order is a hidden scheduler.`,
  },
  {
    selector: 'ImportExpression',
    message: `No dynamic import(): ${WHY_IO}.`,
  },
];

/** @param {string} name @param {string} reason */
const bannedGlobal = (name, reason) => ({ name, message: `${name} is banned here: ${reason}.` });

const BANNED_GLOBALS = [
  bannedGlobal('Date', `${WHY}. Count ticks instead`),
  bannedGlobal('setTimeout', `${WHY}. Count ticks instead`),
  bannedGlobal('setInterval', `${WHY}. Count ticks instead`),
  bannedGlobal('setImmediate', `${WHY}. Count ticks instead`),
  bannedGlobal('clearTimeout', `${WHY}. Count ticks instead`),
  bannedGlobal('clearInterval', `${WHY}. Count ticks instead`),
  bannedGlobal('queueMicrotask', `${WHY}. Return work to the caller instead`),
  bannedGlobal('process', `${WHY}. Configuration and environment are passed in`),
  bannedGlobal('performance', `${WHY}. Count ticks instead`),
  bannedGlobal('crypto', `${WHY}. Use the injected Rng`),
  bannedGlobal('Promise', `${WHY}. The core is synchronous; the driver owns async work`),
  // Closing the obvious bypasses (globalThis.Date, global.setTimeout, ...).
  bannedGlobal('globalThis', `${WHY}. It is a back door to the banned globals`),
  bannedGlobal('global', `${WHY}. It is a back door to the banned globals`),
];

/** Exact module names (no-restricted-imports `paths` match exactly). */
const BANNED_MODULES = [
  'fs',
  'net',
  'crypto',
  'timers',
  'level',
  'classic-level',
  'mysql2',
  'pino',
  'protobufjs',
];

/** Module families (gitignore-style patterns, as no-restricted-imports expects). */
const BANNED_MODULE_PATTERNS = [
  { group: ['node:*'], message: `Node built-in modules are banned here: ${WHY_IO}.` },
  { group: ['@grpc/*'], message: `gRPC is banned here: ${WHY_IO} (src/transport).` },
  {
    group: ['fs/*', 'timers/*', 'mysql2/*', 'protobufjs/*', 'level/*', 'classic-level/*'],
    message: `This module is banned here: ${WHY_IO}.`,
  },
];

/**
 * Rule entries for files inside the fence. Spread into a flat-config object
 * with `files: FENCE_FILES`.
 * @type {import('eslint').Linter.RulesRecord}
 */
export const fenceRules = {
  'no-restricted-globals': ['error', ...BANNED_GLOBALS],
  'no-restricted-properties': [
    'error',
    {
      object: 'Math',
      property: 'random',
      message: `Math.random is banned here: ${WHY}. Draw from the injected Rng.`,
    },
  ],
  'no-restricted-syntax': ['error', ...PROJECT_SYNTAX_BANS, ...FENCE_SYNTAX_BANS],
  'no-restricted-imports': [
    'error',
    {
      paths: BANNED_MODULES.map((name) => ({
        name,
        message: `'${name}' is banned here: ${WHY_IO}.`,
      })),
      patterns: BANNED_MODULE_PATTERNS,
    },
  ],
};

// The executor's clock fence. Procedure steps do I/O (MySQL, files) and are
// async by nature, so src/executor keeps those; but time enters only through
// the injected clock (ExecutorPort.now/delay, StepContext.now/sleep), which
// the node binds to the real clock and the simulator to simulated time, so a
// seed replays a procedure's timing too.

/** src/executor, under the clock fence (flat-config `files` globs). */
export const EXECUTOR_FENCE_FILES = ['src/executor/**/*.ts'];

const WHY_CLOCK =
  'the executor reads time only through the injected clock (ctx.now/ctx.sleep, ExecutorPort.now/delay), so the simulator can replay a seed';
const WHY_EXECUTOR_IO =
  'the executor reaches the world only through its ports (ServerConnector, Fencer, ExecutorPort), so the simulator can replay a seed';

/** I/O modules the executor must not use itself (its bindings live in src/server and src/mysql). */
const EXECUTOR_IO_MODULES = ['fs', 'net', 'child_process', 'mysql2', 'level', 'classic-level'];

/** @type {import('eslint').Linter.RulesRecord} */
export const executorFenceRules = {
  'no-restricted-globals': [
    'error',
    ...[
      'Date',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'clearTimeout',
      'clearInterval',
      'performance',
    ].map((name) => bannedGlobal(name, WHY_CLOCK)),
  ],
  'no-restricted-properties': [
    'error',
    {
      object: 'Math',
      property: 'random',
      message: `Math.random is banned here: ${WHY_CLOCK}; randomness comes from the caller.`,
    },
  ],
  'no-restricted-imports': [
    'error',
    {
      paths: [
        ...['timers', 'node:timers', 'perf_hooks', 'node:perf_hooks'].map((name) => ({
          name,
          message: `'${name}' is banned here: ${WHY_CLOCK}.`,
        })),
        ...EXECUTOR_IO_MODULES.flatMap((m) => [m, `node:${m}`]).map((name) => ({
          name,
          message: `'${name}' is banned here: ${WHY_EXECUTOR_IO}.`,
        })),
      ],
      patterns: [
        {
          group: ['timers/*', 'node:timers/*'],
          message: `Timer modules are banned here: ${WHY_CLOCK}.`,
        },
        {
          group: ['fs/*', 'node:fs/*', 'mysql2/*'],
          message: `I/O modules are banned here: ${WHY_EXECUTOR_IO}.`,
        },
      ],
    },
  ],
};
