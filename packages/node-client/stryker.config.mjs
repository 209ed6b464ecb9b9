/**
 * Mutation testing of the modules where a bug costs a merchant or a shopper most:
 * `npm run mutate -w @serialkit/node-client` runs every module of mutation-modules.mjs in turn
 * (`npm run mutate -w @serialkit/node-client -- verify returns` runs some), then summarises them
 * in reports/mutation.md. One run is one module, named by `STRYKER_MODULE`, with its own
 * incremental file: only mutants in changed code, or whose tests changed, run again. Not part of
 * `npm test`.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import { fileURLToPath } from 'node:url';
import { selectedModule } from './mutation-modules.mjs';

const module = selectedModule();
// The tests run in a copy of the package (.stryker-tmp), so that the sources can be edited while
// a run goes on; they read core's sources from here (see vitest.mutate.config.ts).
process.env.SERIALKIT_CORE_SOURCE = fileURLToPath(new URL('../core/src/index.ts', import.meta.url));

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: module.mutate,
  coverageAnalysis: 'perTest',
  // Module-level constants are read once at import, which the test process (no isolation, for
  // speed) does not repeat per mutant: their mutants cannot be judged here, and are listed apart.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/stryker-incremental.${module.name}.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation.${module.name}.json` },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
