import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests that guard the mutated modules (see stryker.config.mjs), without the PostgreSQL
// server the full suite starts: each mutant re-runs the tests that cover it, so every second
// of set-up is paid hundreds of times. The full suite still runs them on PostgreSQL in `npm test`.
export default defineConfig({
  resolve: {
    alias: { '@serialkit/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'node-client-mutation',
    include: [
      'test/workflows/**/*.test.ts',
      'test/http/**/*.test.ts',
      'test/stores/memory.test.ts',
      'test/stores/sqlite.test.ts',
    ],
    testTimeout: 30_000,
    pool: 'threads',
    isolate: false,
  },
});
