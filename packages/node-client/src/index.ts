/**
 * @serialkit/node-client: the client for any serial store, every merchant workflow, the HTTP
 * handler and the serialkit CLI.
 */
export * from './errors.js';
export type * from './store.js';
