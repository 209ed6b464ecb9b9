/**
 * A CommonJS project can `require()` the built package: every entry resolves to its CommonJS
 * build through the package's own `exports` map, and works: a client on the SQLite store, the
 * HTTP handler, the typed service client and the conformance suite's entry. Runs a real `node`
 * on a `.cjs` file inside the package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../.require-check.cjs', import.meta.url));

afterAll(() => rmSync(SCRIPT, { force: true }));

test('require() of every entry loads the CommonJS build, which works', () => {
  expect(
    existsSync(new URL('../dist/index.cjs', import.meta.url)),
    'run `npm run build` first',
  ).toBe(true);
  writeFileSync(
    SCRIPT,
    `'use strict';
const { createSerialClient, sqliteStore, NotFoundError } = require('@serialkit/node-client');
const { createHandler } = require('@serialkit/node-client/http');
const { createServiceClient } = require('@serialkit/node-client/service');
const { runStoreConformance } = require('@serialkit/node-client/testing');

(async () => {
  const client = createSerialClient({ store: sqliteStore({ filename: ':memory:' }) });
  await client.skus.update('KB-100', {
    name: 'Keyboard',
    serialTracking: { enabled: true, format: 'KB-{D:4}' },
  });
  await client.serials.register('KB-100', ['KB-0001']);
  const handler = createHandler(client);
  const fetchFromHandler = (input, init) => handler(new Request(input, init));
  const service = createServiceClient({ baseUrl: 'http://serials.test', fetch: fetchFromHandler });
  const verdict = await service.verify({ input: 'kb 0001' });
  const missing = await client.serials.lookup('KB-9999').catch((error) => error);
  process.stdout.write(JSON.stringify({
    resolved: ['', '/http', '/service', '/testing'].map((entry) =>
      require.resolve('@serialkit/node-client' + entry),
    ),
    status: (await client.serials.lookup('KB-0001')).record.status,
    verdict: verdict.status,
    notFound: NotFoundError.isInstance(missing),
    conformance: typeof runStoreConformance,
  }));
  await client.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`,
  );
  const out = JSON.parse(
    execFileSync(process.execPath, [SCRIPT], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
  );
  for (const resolved of out.resolved) expect(resolved).toMatch(/dist[\\/]\w+\.cjs$/);
  expect(out).toMatchObject({
    status: 'in_stock',
    verdict: 'genuine',
    notFound: true,
    conformance: 'function',
  });
});
