/**
 * @serialkit/node-client: the client for any serial store and every merchant workflow. The HTTP
 * service is at `@serialkit/node-client/http`, the conformance suite at `/testing`, and the
 * `serialkit` CLI is this package's bin.
 *
 * @example
 * import { createSerialClient, sqliteStore } from '@serialkit/node-client';
 * const client = createSerialClient({ store: sqliteStore({ filename: 'serialkit.db' }) });
 */
export { createSerialClient, type SerialClient, type SerialClientOptions } from './client.js';
export * from './errors.js';
export type * from './store.js';
export { type HttpStoreOptions, httpStore } from './stores/http.js';
export * from './stores/index.js';
export * from './webhooks/index.js';
export * from './workflows/index.js';
