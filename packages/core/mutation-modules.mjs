/**
 * The modules of the mutation run (`npm run mutate`, see stryker.config.mjs): for each, the files
 * mutated and the tests run against each mutant. A module is run on its own, with its own
 * incremental file and report (reports/stryker-incremental.<module>.json, reports/mutation.<module>.json),
 * so that a small machine can do one at a time and a rerun tests only what changed.
 * `STRYKER_MODULE` names the module of a run; vitest.mutate.config.ts reads the same table.
 * Types and re-exports hold no logic and are left out.
 */
const FORMAT_TESTS = ['test/formats*.test.ts'];

export const MUTATION_MODULES = {
  checksums: {
    mutate: ['src/checksums/**/*.ts', '!src/**/types.ts', '!src/**/index.ts'],
    tests: ['test/checksums.test.ts', 'test/check-validators.test.ts', ...FORMAT_TESTS],
  },
  'date-parts': { mutate: ['src/formats/date-parts.ts'], tests: FORMAT_TESTS },
  matching: {
    mutate: ['src/matching/**/*.ts', '!src/**/index.ts'],
    tests: ['test/matching.test.ts', 'test/matching-typed.test.ts'],
  },
  // The pattern language: parsing, the compiled program and its regular expression.
  'format-patterns': {
    mutate: [
      'src/formats/parse-pattern.ts',
      'src/formats/build-program.ts',
      'src/formats/char-classes.ts',
      'src/formats/compile*.ts',
      'src/formats/regex-format.ts',
      'src/formats/pattern-validator.ts',
      'src/formats/format-syntax-error.ts',
      'src/formats/describe-tokens.ts',
      'src/formats/format-hint.ts',
      'src/formats/create-issue.ts',
    ],
    tests: FORMAT_TESTS,
  },
  // What a format does with what a person typed: validate, align, normalize, suggest, generate.
  'format-input': {
    mutate: [
      'src/formats/validate-input.ts',
      'src/formats/align-input.ts',
      'src/formats/match-canonical.ts',
      'src/formats/normalize-input.ts',
      'src/formats/suggest-serial.ts',
      'src/formats/generate-serial.ts',
    ],
    tests: FORMAT_TESTS,
  },
};

/** The module `STRYKER_MODULE` names, with its name; throws for a name not in the table. */
export function selectedModule(name = process.env.STRYKER_MODULE) {
  const module = MUTATION_MODULES[name ?? ''];
  if (module === undefined) {
    throw new Error(
      `STRYKER_MODULE must name one of ${Object.keys(MUTATION_MODULES).join(', ')} (got ${name})`,
    );
  }
  return { name, ...module };
}
