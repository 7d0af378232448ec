// dependency-cruiser: import cycles and layering (style.md §4.4: imports only point down).
// Run with `npm run lint:deps` (cruises src/).
//
// Layers, bottom first: util < raft, mysql < storage, transport < fabric < executor
// < node < api < cli (api → executor → fabric → raft); client stands apart and talks
// to the cluster over gRPC only. src/mysql is the only code that speaks SQL to
// managed servers and depends on nothing of ours but src/util.

/** @param {string[]} folders */
const under = (folders) => `^src/(${folders.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
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
      name: 'storage-transport-stay-low',
      severity: 'error',
      comment: 'Storage and transport adapters sit below the node driver and everything above it.',
      from: { path: under(['storage', 'transport']) },
      to: { path: under(['node', 'fabric', 'executor', 'api', 'cli', 'client']) },
    },
    {
      name: 'fabric-only-raft-and-util',
      severity: 'error',
      comment:
        'The Fabric domain model is deterministic like the Raft core: it may import only ' +
        'src/raft and src/util.',
      from: { path: '^src/fabric/' },
      to: { pathNot: under(['fabric', 'raft', 'util']) },
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
      name: 'executor-not-from-api-or-cli',
      severity: 'error',
      comment: 'The executor is driven by the API and CLI, never the other way round.',
      from: { path: '^src/executor/' },
      to: { path: under(['api', 'cli']) },
    },
    {
      name: 'client-stays-thin',
      severity: 'error',
      comment:
        'The client/connector talks to the cluster over gRPC only; it must not pull in the ' +
        'server-side layers.',
      from: { path: '^src/client/' },
      to: { path: under(['node', 'executor', 'fabric', 'storage', 'transport']) },
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
