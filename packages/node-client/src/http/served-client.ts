/**
 * The part of `SerialClient` the HTTP handler serves: every resource, without `close` (the
 * handler does not own the client). Derived from `SerialClient`, so the two cannot drift apart;
 * any object of this shape can be served (a proxy to another client, a test double).
 */
import type { SerialClient } from '../client.js';
import type { SerialStore } from '../store.js';
import type { List } from '../workflows/list.js';

/** @deprecated The same as `List`: use `List`. */
export type PagedList<T> = List<T>;

export type ServedClient = Omit<SerialClient, 'close'> & {
  /** The client's store, served by the store protocol unless `options.store` is given. */
  readonly store?: SerialStore;
};
