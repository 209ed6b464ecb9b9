/**
 * Mutation testing of core's check algorithms, formats and matcher: `npm run mutate -w @serialkit/core`
 * runs every module of mutation-modules.mjs in turn (`npm run mutate -w @serialkit/core -- matching`
 * runs some), then summarises them in reports/mutation.md. One run is one module, named by
 * `STRYKER_MODULE`. Incremental: mutants whose code and covering tests did not change since the
 * module's last run keep their result (reports/stryker-incremental.<module>.json). One test
 * process at a time, so that it shares a small machine.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import { selectedModule } from './mutation-modules.mjs';

const module = selectedModule();

export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: module.mutate,
  coverageAnalysis: 'perTest',
  // Module-level tables are computed once at import: every test covers them, so each of their
  // mutants would rerun the whole suite. Their values are checked by the property tests.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  concurrency: 1,
  // Added to 1.5× the covering tests' own time: a mutant that loops forever costs this much.
  timeoutMS: 10000,
  incremental: true,
  incrementalFile: `reports/stryker-incremental.${module.name}.json`,
  reporters: ['progress', 'clear-text', 'json'],
  jsonReporter: { fileName: `reports/mutation.${module.name}.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
