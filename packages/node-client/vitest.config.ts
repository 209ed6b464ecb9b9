import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against core's sources, so no build is needed between a change and a test run.
    alias: { '@serialkit/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'node-client',
    include: ['test/**/*.test.ts'],
    // A throwaway PostgreSQL server (about 1.5 s) for the postgres store tests; see the file.
    globalSetup: ['test/setup/postgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
