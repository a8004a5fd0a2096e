// The layering, held by `npm run lint` (docs/architecture.md, "The house"):
//
//   basics ← contract ← drivers ← sim
//                    ↖          ↖    ↖
//                      daemon ───────── (sim only in its composition roots)
//   kiosk-ui → contract, basics only
//
// Tests (`*.test.ts`, `tests/`), benchmarks and scripts may reach across layers; production
// modules may not reach into them. Type-only imports count: a cycle through types is still a
// cycle for whoever has to understand the code.
const test = '\\.test\\.ts$|^tests/';
const compositionRoots = '^daemon/daemon\\.ts$|^daemon/devices/|^daemon/cli/main\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'An import cycle, type-only imports included: split the shared part into its own module.',
      severity: 'error',
      from: { pathNot: test },
      to: { circular: true, pathNot: test },
    },
    {
      name: 'basics-imports-nothing',
      comment: 'basics/ is the floor: pure helpers that import nothing of the project.',
      severity: 'error',
      from: { path: '^basics/', pathNot: test },
      to: { path: '^(contract|daemon|drivers|sim|kiosk-ui|tests|scripts|bench)/' },
    },
    {
      name: 'contract-only-basics',
      comment: 'contract/ is what crosses a process boundary; it is self-contained: basics/ and zod only.',
      severity: 'error',
      from: { path: '^contract/', pathNot: test },
      to: { path: '^(daemon|drivers|sim|kiosk-ui|tests|scripts|bench)/' },
    },
    {
      name: 'drivers-below-daemon',
      comment: 'A driver talks to its device; it knows nothing of the daemon, the simulator or the UI.',
      severity: 'error',
      from: { path: '^drivers/', pathNot: test },
      to: { path: '^(daemon|sim|kiosk-ui|tests|scripts|bench)/' },
    },
    {
      name: 'sim-below-daemon',
      comment: 'The simulator implements the drivers\' interfaces and the contract; the daemon wires it in, never the other way.',
      severity: 'error',
      from: { path: '^sim/', pathNot: test },
      to: { path: '^(daemon|kiosk-ui|tests|scripts|bench)/' },
    },
    {
      name: 'ui-only-contract',
      comment: 'The UI is a client of the daemon: it sees the contract and the basics, never the daemon, drivers or simulator.',
      severity: 'error',
      from: { path: '^kiosk-ui/', pathNot: test },
      to: { path: '^(daemon|drivers|sim|tests|scripts|bench)/' },
    },
    {
      name: 'daemon-sim-in-roots-only',
      comment: 'Only the composition roots (daemon.ts, devices/, cli/main.ts) choose the simulator.',
      severity: 'error',
      from: { path: '^daemon/', pathNot: `${test}|${compositionRoots}` },
      to: { path: '^sim/' },
    },
    {
      name: 'daemon-not-ui',
      comment: 'The daemon serves the built UI as files; it never imports its modules.',
      severity: 'error',
      from: { path: '^daemon/', pathNot: test },
      to: { path: '^(kiosk-ui|tests|scripts|bench)/' },
    },
    {
      name: 'production-not-tests',
      comment: 'Production code never imports a test or a test kit.',
      severity: 'error',
      from: { pathNot: test },
      to: { path: test },
    },
    {
      name: 'test-kits-are-tests',
      comment: 'A test kit is a test module: put it under tests/ (production code never imports it).',
      severity: 'error',
      from: { path: '(test-kit|test-support|test-certificates)\\.ts$', pathNot: '^tests/' },
      to: {},
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules/|^kiosk-ui/dist/' },
  },
};
