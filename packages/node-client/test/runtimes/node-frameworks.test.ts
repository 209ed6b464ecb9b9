/**
 * The handler mounted in Express, Fastify and Hono on Node (`apps/*.ts`), each started on
 * 127.0.0.1 port 0 and sent real requests: verify with its CORS preflight, a return check, an
 * admin lookup, a streamed CSV import and error answers.
 */
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { describe, test } from 'vitest';
import type { HandlerOptions } from '../../src/http/handler.js';
import { harness, ORIGIN, WRITE_KEY } from '../http/helpers.js';
import { expressApp } from './apps/express.js';
import { fastifyApp } from './apps/fastify.js';
import { honoApp } from './apps/hono.js';
import { exercise } from './scenario.js';
import { listen, running } from './serve.js';

const options: HandlerOptions = {
  apiKeys: [{ key: WRITE_KEY, scope: 'write' }],
  publicOrigins: [ORIGIN],
};

describe('Node frameworks', () => {
  test('Express', async () => {
    const origin = await harness();
    const server = await listen(expressApp(origin.client, options));
    try {
      await exercise({ api: `${server.base}/serials-api`, key: WRITE_KEY, origin });
    } finally {
      await server.close();
    }
  });

  test('Fastify', async () => {
    const origin = await harness();
    const app = fastifyApp(origin.client, options);
    await app.ready();
    const server = await running(app.server);
    try {
      await exercise({ api: `${server.base}/serials-api`, key: WRITE_KEY, origin });
    } finally {
      await server.close();
      await app.close();
    }
  });

  test('Hono on @hono/node-server', async () => {
    const origin = await harness();
    const app = honoApp(origin.client, options);
    const server = await running(createAdaptorServer({ fetch: app.fetch }) as Server);
    try {
      await exercise({ api: server.base, key: WRITE_KEY, origin });
    } finally {
      await server.close();
    }
  });
});
