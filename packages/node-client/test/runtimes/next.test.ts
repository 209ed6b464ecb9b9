/**
 * The handler as Next.js route handlers (`apps/next-app/app/v1/[...path]/route.ts`, runtime
 * `nodejs`), served by Next's own server in dev mode (which compiles the route on its first
 * request; a `next build` does not fit the test budget), sent real requests over HTTP. The route's
 * store is the HTTP store of a Node serialkit service started here.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { toNodeListener } from '../../src/http/node/listener.js';
import { type Harness, harness, ORIGIN, STORE_KEY, WRITE_KEY } from '../http/helpers.js';
import { exercise } from './scenario.js';
import { listen, type Running } from './serve.js';

/**
 * The part of Next's programmatic server used here, typed locally: importing Next's types brings
 * its global declarations, which clash with this package's Node types.
 */
interface NextServer {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  close(): Promise<void>;
}
const next = createRequire(import.meta.url)('next') as (options: {
  dev: boolean;
  dir: string;
  hostname: string;
  port: number;
}) => NextServer;

const DIR = fileURLToPath(new URL('./apps/next-app', import.meta.url));

let origin: Harness;
let service: Running;
let site: Running;
let stopNext: () => Promise<void>;

beforeAll(async () => {
  origin = await harness({ storeProtocol: true });
  service = await listen(toNodeListener(origin.handler));
  Object.assign(process.env, {
    NEXT_TELEMETRY_DISABLED: '1',
    SERIALKIT_STORE_URL: service.base,
    SERIALKIT_STORE_KEY: STORE_KEY,
    SERIALKIT_API_KEY: WRITE_KEY,
    SERIALKIT_PUBLIC_ORIGINS: ORIGIN,
  });
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const app = next({ dev: true, dir: DIR, hostname: '127.0.0.1', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on('request', (req, res) => void handle(req, res));
  site = {
    base: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  stopNext = () => app.close();
}, 120_000);
afterAll(async () => {
  await site?.close();
  await stopNext?.();
  await service?.close();
});

describe('Next.js route handlers (runtime nodejs)', () => {
  test('public, admin and import routes', async () => {
    await exercise({
      api: site.base,
      key: WRITE_KEY,
      origin,
      platformHeaders: { 'x-forwarded-for': '198.51.100.4' },
    });
  }, 120_000);
});
