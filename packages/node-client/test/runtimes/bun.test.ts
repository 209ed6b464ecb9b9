/**
 * The handler in Bun: `apps/bun.ts` serves it with `Bun.serve`, its store the HTTP store of a
 * Node serialkit service started here. Bun loads the built package (`npm run build` first), as an
 * app that installed it from the registry would.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toNodeListener } from '../../src/http/node/listener.js';
import { type Harness, harness, ORIGIN, STORE_KEY } from '../http/helpers.js';
import { type BunApp, startBun } from './bun.js';
import { exercise } from './scenario.js';
import { listen, type Running } from './serve.js';

const ENTRY = fileURLToPath(new URL('./apps/bun.ts', import.meta.url));
const BUN_KEY = 'sk_bun_write_key_0123456789';

let origin: Harness;
let service: Running;
let app: BunApp;

beforeAll(async () => {
  origin = await harness({ storeProtocol: true });
  service = await listen(toNodeListener(origin.handler));
  app = await startBun(ENTRY, {
    SERIALKIT_STORE_URL: service.base,
    SERIALKIT_STORE_KEY: STORE_KEY,
    SERIALKIT_API_KEY: BUN_KEY,
    SERIALKIT_PUBLIC_ORIGINS: ORIGIN,
  });
});
afterAll(async () => {
  await app?.close();
  await service?.close();
});

describe('bun', () => {
  test('public, admin and import routes answer from the store behind the HTTP store', async () => {
    expect(app.version).toMatch(/^1\.\d+\.\d+$/);
    await exercise({ api: app.base, key: BUN_KEY, origin });
  });
});
