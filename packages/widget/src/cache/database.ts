import type { FormatHints, VerifyRequest } from '@serialkit/core';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

export { endpointKey } from './endpoint-key.js';

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

interface WidgetDatabase extends DBSchema {
  formats: { key: string; value: CachedFormatHints };
  queue: { key: number; value: QueuedCheck; indexes: { endpoint: string } };
}

/** The IndexedDB database of the element (one per origin, shared by every instance). */
export const DATABASE_NAME = 'serialkit-widget';

let database: Promise<IDBPDatabase<WidgetDatabase> | undefined> | undefined;

/**
 * The database, or undefined where IndexedDB is unavailable (some private modes, sandboxed
 * frames): the element then works without a cache.
 */
export function openDatabase(): Promise<IDBPDatabase<WidgetDatabase> | undefined> {
  database ??= openDB<WidgetDatabase>(DATABASE_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('formats', { keyPath: 'endpoint' });
      db.createObjectStore('queue', { keyPath: 'id', autoIncrement: true }).createIndex(
        'endpoint',
        'endpoint',
      );
    },
    // Another tab upgrades the schema: let it, and reopen on the next use.
    blocking() {
      void database?.then((db) => db?.close());
      database = undefined;
    },
  }).catch(() => undefined);
  return database;
}
