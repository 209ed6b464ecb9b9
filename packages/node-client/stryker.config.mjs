/**
 * Mutation testing of the modules where a bug costs a merchant or a shopper most:
 * `npm run mutate -w @serialkit/node-client`, summarised in reports/mutation.md. Incremental:
 * only mutants in changed code, or whose tests changed, run again. Not part of `npm test`.
 * `STRYKER_MUTATE` narrows the files (comma-separated) for a quick look.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: process.env.STRYKER_MUTATE?.split(',') ?? [
    'src/workflows/verify.ts',
    'src/workflows/returns.ts',
    'src/workflows/shipments.ts',
    'src/workflows/recalls.ts',
    'src/http/auth.ts',
    'src/http/rate-limit.ts',
    'src/http/idempotency.ts',
  ],
  coverageAnalysis: 'perTest',
  // Module-level constants are read once at import, which the test process (no isolation, for
  // speed) does not repeat per mutant: their mutants cannot be judged here, and are listed apart.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 20_000,
  inPlace: true,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
