// dependency-cruiser: import cycles and layering (style.md §4.4: imports only point down).
// Run with `npm run lint:deps` (cruises src/).
//
// The layers, bottom first, as one total order (README "Architecture" repeats it):
// a module may import its own layer and the layers before it, never one after.
// src/client and src/connector stand apart: they talk to the cluster over gRPC and
// may import only generated protos, src/wire (metadata keys, defaults, codes shared
// with the server), the routing module (src/routing) and src/util.
const LAYERS = [
  'util',
  'routing',
  'gen',
  'wire',
  'raft',
  'storage',
  'transport',
  'node',
  'kv',
  'fabric',
  'mysql',
  'executor',
  'detector',
  'api',
  'server',
  'cli',
];

/** @param {string[]} folders */
const under = (folders) => `^src/(${folders.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // One rule per layer: nothing below it may import it.
    ...LAYERS.map((layer, i) => ({
      name: `layer-order-${layer}`,
      severity: 'error',
      comment: `Layer order (${LAYERS.join(' < ')}): src/${layer} may import only earlier layers.`,
      from: { path: `^src/${layer}/` },
      to: { path: under(LAYERS.slice(i + 1)) },
    })),
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles hide layering mistakes and break module initialisation order.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'raft-imports-nothing-outside',
      severity: 'error',
      comment:
        'The Raft core is a pure state machine: it may import only src/raft and src/util ' +
        '(no npm packages, no Node built-ins). See also the ESLint determinism fence.',
      from: { path: '^src/raft/' },
      to: { pathNot: under(['raft', 'util']) },
    },
    {
      name: 'routing-imports-nothing',
      severity: 'error',
      comment:
        'The routing function (key -> shard) is shared by the server and the connector: ' +
        'it imports nothing else of the project, so the connector pulls in no server code.',
      from: { path: '^src/routing/' },
      to: { path: '^src/', pathNot: under(['routing']) },
    },
    {
      name: 'fabric-only-raft-and-util',
      severity: 'error',
      comment:
        'The Fabric domain model is deterministic like the Raft core: it may import only ' +
        'src/raft, src/routing and src/util.',
      from: { path: '^src/fabric/' },
      to: { pathNot: under(['fabric', 'raft', 'routing', 'util']) },
    },
    {
      name: 'mysql-only-util',
      severity: 'error',
      comment:
        'The MySQL layer talks to managed servers and nothing else: it may import only ' +
        'src/util (and npm packages), so every layer above can use it without cycles.',
      from: { path: '^src/mysql/' },
      to: { path: '^src/', pathNot: under(['mysql', 'util']) },
    },
    {
      name: 'client-stays-thin',
      severity: 'error',
      comment:
        'The admin client and the connector talk to the cluster over gRPC only: they may ' +
        'import generated protos, src/wire, src/routing and src/util, never a server-side layer.',
      from: { path: under(['client', 'connector']) },
      to: {
        path: '^src/',
        pathNot: under(['client', 'connector', 'gen', 'wire', 'routing', 'util']),
      },
    },
    {
      name: 'only-the-top-uses-the-client',
      severity: 'error',
      comment:
        'Server layers reach peers through src/api and their own ports, not through the ' +
        'admin client; only the composition root (src/server) and the CLI use it.',
      from: { path: '^src/', pathNot: under(['client', 'connector', 'server', 'cli']) },
      to: { path: under(['client', 'connector']) },
    },
    {
      name: 'src-not-to-tests',
      severity: 'error',
      comment: 'Production code must not import tests, the simulator or benchmarks.',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'Every import must resolve. This also proves that `./x.js` specifiers resolve to ' +
        '`./x.ts` sources; if they did not, the layering rules above would see nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'Packages imported from src must be declared in package.json.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment: 'src/ runs in production, where devDependencies are not installed.',
      from: { path: '^src/' },
      to: {
        dependencyTypes: ['npm-dev'],
        // Type-only imports vanish at runtime.
        dependencyTypesNot: ['type-only'],
        pathNot: ['node_modules/@types/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Parse the TypeScript sources before compilation, so type-only imports
    // count too (a type-only cycle is still a design cycle).
    tsPreCompilationDeps: true,
    // Resolution follows tsconfig; dependency-cruiser maps `import './x.js'` to
    // ./x.ts itself, as tsc does under nodenext (not-to-unresolvable checks it).
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
