/**
 * vitest globalSetup: a PostgreSQL server for the store tests. Uses SERIALKIT_TEST_DATABASE_URL
 * when set; otherwise starts a throwaway cluster for this run (never skips: without PostgreSQL
 * the run fails with instructions). Tests read the URL with `inject('postgresUrl')` and isolate
 * themselves in their own schema.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresTestServer } from '../../src/testing/postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.SERIALKIT_TEST_DATABASE_URL;
  if (external) {
    project.provide('postgresUrl', external);
    return async () => {};
  }
  const server = await startPostgresTestServer();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
