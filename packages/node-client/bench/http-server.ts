/**
 * The server side of the HTTP benchmark and soak test, run in its own process so the load
 * generator does not share its event loop:
 *
 *   node --import tsx bench/http-server.ts serialkit <db>   # createHandler on SQLite, no rate limit
 *   node --import tsx bench/http-server.ts layer            # createHandler, verify answering a constant
 *   node --import tsx bench/http-server.ts bare             # constant JSON: the ceiling
 *
 * Sends `{ port }` to the parent over IPC once listening, and `{ rss }` when asked `'rss'`.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveCoreFromSource } from './lib/core-source.js';
import { BENCH_API_KEY } from './lib/server-process.js';

const [mode = 'bare', db] = process.argv.slice(2);

/** What the bare server answers: a verify result of typical size. */
const CONSTANT = JSON.stringify({
  status: 'genuine',
  serial: 'SN-2024-0000013',
  product: { sku: 'HP-200', name: 'Aurora ANC headphones' },
  recall: null,
  reasons: [],
  issues: [],
  checkedAt: '2024-06-01T12:00:00.000Z',
});

async function listener(): Promise<{ listener: RequestListener; close: () => Promise<void> }> {
  if (mode === 'bare') {
    return {
      listener: (req, res) => {
        // Read the body like a real endpoint would, then answer.
        req.resume();
        req.on('end', () => {
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(CONSTANT),
          });
          res.end(CONSTANT);
        });
      },
      close: async () => {},
    };
  }
  resolveCoreFromSource();
  const { createHandler } = await import('../src/http/handler.js');
  const { toNodeListener } = await import('../src/http/node/listener.js');
  if (mode === 'layer') {
    // The HTTP layer alone: routing, body, validation, answer; the workflow costs nothing.
    const constant = JSON.parse(CONSTANT);
    const client = { verify: async () => constant };
    const handler = createHandler(client as never, { rateLimit: false });
    return { listener: toNodeListener(handler), close: async () => {} };
  }
  if (!db) throw new Error('usage: http-server.ts serialkit <db>');
  const { createSerialClient } = await import('../src/client.js');
  const { sqliteStore } = await import('../src/stores/index.js');
  const store = sqliteStore({ filename: db });
  await store.migrate();
  const client = createSerialClient({ store });
  const handler = createHandler(client, {
    apiKeys: [{ key: BENCH_API_KEY, scope: 'write' }],
    rateLimit: false,
    // The soak script sends many return checks from one address on purpose.
    returnCheckLimit: false,
    onError: (error) => console.error(error),
  });
  return { listener: toNodeListener(handler), close: () => client.close() };
}

const { listener: handle, close } = await listener();
const server = createServer(handle);
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('message', (message) => {
  if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
  if (message === 'stop') {
    server.closeAllConnections();
    server.close(() => {
      close().finally(() => process.exit(0));
    });
  }
});
process.on('disconnect', () => process.exit(0));
