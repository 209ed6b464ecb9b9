/**
 * The tests StrykerJS runs against each mutant of a module (`STRYKER_MODULE`, see
 * mutation-modules.mjs; all modules' tests without it): the unit tests of that module. The README
 * examples (which read files outside the sandbox Stryker copies the package into) stay out.
 */
import { defineConfig } from 'vitest/config';
import { MUTATION_MODULES } from './mutation-modules.mjs';

const modules = process.env.STRYKER_MODULE
  ? [MUTATION_MODULES[process.env.STRYKER_MODULE as keyof typeof MUTATION_MODULES]]
  : Object.values(MUTATION_MODULES);

export default defineConfig({
  test: {
    name: 'core-mutate',
    // Instrumented code on a busy machine runs several times slower than the plain suite.
    testTimeout: 60_000,
    include: [...new Set(modules.flatMap((module) => module?.tests ?? []))],
  },
});
