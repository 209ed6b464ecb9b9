/**
 * `@serialkit/node-client/http`: serialkit as an HTTP service. The web-standard handler
 * (`(Request) => Promise<Response>`, mountable in Node's http server, Hono, Express, Next.js route
 * handlers and workers), its Node adapter, static files, metrics, the OpenAPI document, and the
 * state that several server instances share (rate limits, idempotency keys).
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createSerialClient, sqliteStore } from '@serialkit/node-client';
 * import { createHandler, toNodeListener } from '@serialkit/node-client/http';
 *
 * const client = createSerialClient({ store: sqliteStore({ filename: 'serialkit.db' }) });
 * const handler = createHandler(client, { apiKeys: { [process.env.SERIALKIT_API_KEY!]: 'write' } });
 * createServer(toNodeListener(handler)).listen(8787, '127.0.0.1');
 */
export * from './http/index.js';
