/**
 * The handler on the edge: Cloudflare's workerd runs `apps/worker.ts` (bundled as wrangler would,
 * with `nodejs_compat`), whose store is the HTTP store of a Node serialkit service started here.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toNodeListener } from '../../src/http/node/listener.js';
import { type Harness, harness, ORIGIN, STORE_KEY } from '../http/helpers.js';
import { exercise } from './scenario.js';
import { listen, type Running } from './serve.js';
import { startWorker, type Worker } from './workerd.js';

const ENTRY = fileURLToPath(new URL('./apps/worker.ts', import.meta.url));
const EDGE_KEY = 'sk_edge_write_key_0123456789';

let origin: Harness;
let service: Running;
let edge: Worker;

beforeAll(async () => {
  origin = await harness({ storeProtocol: true });
  service = await listen(toNodeListener(origin.handler));
  edge = await startWorker(ENTRY, {
    SERIALKIT_STORE_URL: service.base,
    SERIALKIT_STORE_KEY: STORE_KEY,
    SERIALKIT_API_KEY: EDGE_KEY,
    SERIALKIT_PUBLIC_ORIGINS: ORIGIN,
  });
});
afterAll(async () => {
  await edge?.close();
  await service?.close();
});

describe('workerd', () => {
  test('public, admin and import routes answer from the store behind the HTTP store', async () => {
    await exercise({
      api: edge.base,
      key: EDGE_KEY,
      origin,
      platformHeaders: { 'cf-connecting-ip': '198.51.100.4' },
    });
  });

  test('the bundle needs only Node built-ins that nodejs_compat provides', () => {
    // The README's Cloudflare section names these; static files, the Node listener, metrics and
    // the SQLite and PostgreSQL stores stay out of a worker that imports what it uses.
    expect(edge.builtins).toEqual(['node:crypto', 'node:net', 'node:stream', 'stream']);
  });
});
