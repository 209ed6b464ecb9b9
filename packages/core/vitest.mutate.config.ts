/**
 * The tests StrykerJS runs against each mutant of `src/checksums/` and `src/formats/`: the unit
 * tests of those modules. The README examples (which read files outside the sandbox Stryker
 * copies the package into) and the matcher's and GS1's tests stay out.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'core-mutate',
    // Instrumented code on a busy machine runs several times slower than the plain suite.
    testTimeout: 60_000,
    include: ['test/checksums.test.ts', 'test/check-validators.test.ts', 'test/formats*.test.ts'],
  },
});
