/**
 * The modules of the mutation run (`npm run mutate`, see stryker.config.mjs): for each, the files
 * mutated and the tests run against each mutant. A module is run on its own, with its own
 * incremental file and report (reports/stryker-incremental.<module>.json, reports/mutation.<module>.json),
 * so that a small machine can do one at a time and a rerun tests only what changed.
 * `STRYKER_MODULE` names the module of a run; vitest.mutate.config.ts reads the same table.
 */
export const MUTATION_MODULES = {
  http: {
    mutate: ['src/http/auth.ts', 'src/http/rate-limit.ts', 'src/http/idempotency.ts'],
    tests: [
      'test/http/auth.test.ts',
      'test/http/rate-limit.test.ts',
      'test/http/idempotency.test.ts',
    ],
  },
  verify: {
    mutate: ['src/workflows/verify.ts', 'src/workflows/timing-padding.ts'],
    tests: [
      'test/workflows/verify*.test.ts',
      'test/workflows/timing-padding.test.ts',
      'test/workflows/scanned.test.ts',
      'test/workflows/corrections.test.ts',
      'test/workflows/warranty.test.ts',
      'test/workflows/void-history.test.ts',
      'test/http/public.test.ts',
    ],
  },
  returns: {
    mutate: ['src/workflows/returns.ts'],
    tests: [
      'test/workflows/returns*.test.ts',
      'test/workflows/unit-shipments.test.ts',
      'test/workflows/scanned.test.ts',
      'test/http/return-proof.test.ts',
    ],
  },
  shipments: {
    mutate: ['src/workflows/shipments.ts'],
    tests: [
      'test/workflows/shipments*.test.ts',
      'test/workflows/unit-shipments.test.ts',
      'test/workflows/scanned.test.ts',
      'test/workflows/orders.test.ts',
    ],
  },
  recalls: {
    mutate: ['src/workflows/recalls.ts'],
    tests: [
      'test/workflows/recall*.test.ts',
      'test/workflows/scanned.test.ts',
      'test/http/admin.test.ts',
    ],
  },
  // The memory store, against the conformance suite every store runs.
  'memory-store': {
    mutate: [
      'src/stores/memory.ts',
      'src/stores/memory-webhooks.ts',
      'src/stores/memory-event-log.ts',
    ],
    tests: ['test/stores/memory.test.ts'],
  },
  // The SQLite store and the SQL it shares with PostgreSQL (filters, rows, cursors), against the
  // conformance suite and the SQLite store's own tests.
  'sqlite-store': {
    mutate: ['src/stores/sqlite/*.ts', 'src/stores/shared/*.ts', '!src/stores/sqlite/schema.ts'],
    tests: ['test/stores/sqlite.test.ts', 'test/stores/sqlite-migration.test.ts'],
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
