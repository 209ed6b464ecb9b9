/**
 * Mutation testing of core's check algorithms and formats: `npm run mutate -w @serialkit/core`.
 * Incremental: mutants whose code and covering tests did not change since the last run keep their
 * result (reports/stryker-incremental.json). One test process at a time, so that it shares a
 * small machine. `STRYKER_MUTATE` narrows the files (comma-separated globs) for a quick look.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const mutate = process.env.STRYKER_MUTATE?.split(',') ?? [
  'src/checksums/**/*.ts',
  'src/formats/**/*.ts',
  // Types and re-exports hold no logic.
  '!src/**/types.ts',
  '!src/**/index.ts',
];

export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate,
  coverageAnalysis: 'perTest',
  // Module-level tables are computed once at import: every test covers them, so each of their
  // mutants would rerun the whole suite. Their values are checked by the property tests.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  concurrency: 1,
  // Added to 1.5× the covering tests' own time: a mutant that loops forever costs this much.
  timeoutMS: 10000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['progress', 'clear-text', 'json'],
  jsonReporter: { fileName: 'reports/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
