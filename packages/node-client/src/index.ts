/**
 * @serialkit/node-client: the client for any serial store, every merchant workflow, the HTTP
 * handler and the serialkit CLI.
 *
 * @example
 * import { createSerialClient, sqliteStore } from '@serialkit/node-client';
 * const client = createSerialClient({ store: sqliteStore({ filename: 'serialkit.db' }) });
 */
export { createSerialClient, type SerialClient, type SerialClientOptions } from './client.js';
export * from './coordination/index.js';
export * from './errors.js';
export * from './http/index.js';
export type * from './store.js';
export { type HttpStoreOptions, httpStore } from './stores/http.js';
export * from './stores/index.js';
export * from './workflows/index.js';
