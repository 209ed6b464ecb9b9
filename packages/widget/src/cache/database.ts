import type { FormatHints, VerifyRequest } from '@serialkit/core';

/** The format hints of one service, as last received. */
export interface CachedFormatHints {
  /** The service, as an absolute URL (see {@link endpointKey}). */
  endpoint: string;
  /** The hints' `version`. */
  version: string;
  /** The ETag to send as `If-None-Match` (`"<version>"`). */
  etag: string;
  hints: FormatHints;
  /** When the service last confirmed this copy (ms since the epoch). */
  checkedAt: number;
}

/** A verification made while offline, sent when the browser is back online. */
export interface QueuedCheck {
  id?: number;
  endpoint: string;
  request: VerifyRequest;
  queuedAt: number;
}

/** The object stores: cached hints by endpoint, queued checks by id (indexed by endpoint). */
interface Stores {
  formats: { key: string; value: CachedFormatHints };
  queue: { key: number; value: QueuedCheck };
}

type Store = keyof Stores;

/**
 * The few IndexedDB operations the element makes, each in a transaction of its own that has
 * completed (so is durable) when the promise resolves.
 */
export interface WidgetDatabase {
  get<S extends Store>(store: S, key: Stores[S]['key']): Promise<Stores[S]['value'] | undefined>;
  put<S extends Store>(store: S, value: Stores[S]['value']): Promise<Stores[S]['key']>;
  add<S extends Store>(store: S, value: Stores[S]['value']): Promise<Stores[S]['key']>;
  delete<S extends Store>(store: S, key: Stores[S]['key']): Promise<void>;
  /** The queued checks of an endpoint. */
  queuedFor(endpoint: string): Promise<QueuedCheck[]>;
}

/** The IndexedDB database of the element (one per origin, shared by every instance). */
export const DATABASE_NAME = 'serialkit-widget';

let database: Promise<WidgetDatabase | undefined> | undefined;

/** Resolves with the request's result once its transaction has completed. */
function run<T>(
  db: IDBDatabase,
  store: Store,
  mode: IDBTransactionMode,
  op: (s: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(store, mode);
    const request = op(transaction.objectStore(store));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('formats', { keyPath: 'endpoint' });
      db.createObjectStore('queue', { keyPath: 'id', autoIncrement: true }).createIndex(
        'endpoint',
        'endpoint',
      );
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The database, or undefined where IndexedDB is unavailable (some private modes, sandboxed
 * frames): the element then works without a cache.
 */
export function openDatabase(): Promise<WidgetDatabase | undefined> {
  database ??= open().then(
    (db): WidgetDatabase => {
      // Another tab upgrades the schema: let it, and reopen on the next use.
      db.onversionchange = () => {
        db.close();
        database = undefined;
      };
      return {
        get: (store, key) => run(db, store, 'readonly', (s) => s.get(key)),
        put: (store, value) => run(db, store, 'readwrite', (s) => s.put(value)),
        add: (store, value) => run(db, store, 'readwrite', (s) => s.add(value)),
        delete: (store, key) => run(db, store, 'readwrite', (s) => s.delete(key)),
        queuedFor: (endpoint) =>
          run(db, 'queue', 'readonly', (s) => s.index('endpoint').getAll(endpoint)),
      };
    },
    () => undefined,
  );
  return database;
}

/** A stable key for an endpoint: '' and relative endpoints resolve against the page. */
export function endpointKey(endpoint: string): string {
  try {
    return new URL(endpoint || '/', document.baseURI).href.replace(/\/+$/, '');
  } catch {
    return endpoint;
  }
}
