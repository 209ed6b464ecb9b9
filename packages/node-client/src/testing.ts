/**
 * `@serialkit/node-client/testing`: what a store author needs to prove a `SerialStore` correct.
 *
 * @example
 * import { describe, expect, test } from 'vitest';
 * import { runStoreConformance } from '@serialkit/node-client/testing';
 *
 * runStoreConformance({ test, expect, describe, createStore: () => myStore() });
 */
export {
  type ConformanceAssertion,
  type ConformanceDescribe,
  type ConformanceExpect,
  type ConformanceTest,
  runStoreConformance,
  type StoreConformanceOptions,
} from './testing/conformance.js';
export {
  findPostgresBinDir,
  type PostgresTestServer,
  type PostgresTestServerOptions,
  startPostgresTestServer,
} from './testing/postgres-server.js';
