import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { MUTATION_MODULES } from './mutation-modules.mjs';

// The tests that guard the module of a mutation run (`STRYKER_MODULE`, see mutation-modules.mjs;
// all modules' tests without it), without the PostgreSQL server the full suite starts: each
// mutant re-runs the tests that cover it, so every second of set-up is paid hundreds of times.
// The full suite still runs them on PostgreSQL in `npm test`.
const modules = process.env.STRYKER_MODULE
  ? [MUTATION_MODULES[process.env.STRYKER_MODULE as keyof typeof MUTATION_MODULES]]
  : Object.values(MUTATION_MODULES);

export default defineConfig({
  resolve: {
    alias: {
      '@serialkit/core':
        process.env.SERIALKIT_CORE_SOURCE ??
        fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
    },
  },
  test: {
    name: 'node-client-mutation',
    include: [...new Set(modules.flatMap((module) => module?.tests ?? []))],
    testTimeout: 30_000,
    pool: 'threads',
    isolate: false,
  },
});
