import type { FormatHints } from '@serialkit/core';
import { ApiError } from '../api/api-error.js';
import type { ApiClient } from '../api/client.js';
import { type CachedFormatHints, openDatabase } from './database.js';

/** How long a confirmed copy is used without asking the service again, in this page. */
const FRESH_FOR_MS = 5 * 60_000;

// Elements of one page share one request per endpoint, and one confirmation every FRESH_FOR_MS.
const inFlight = new Map<string, Promise<FormatHints | undefined>>();
const confirmedAt = new Map<string, number>();

/** The cached hints of an endpoint, if any. */
export async function readCachedHints(endpoint: string): Promise<CachedFormatHints | undefined> {
  try {
    return await (await openDatabase())?.get('formats', endpoint);
  } catch {
    return undefined;
  }
}

async function writeCachedHints(entry: CachedFormatHints): Promise<void> {
  try {
    await (await openDatabase())?.put('formats', entry);
  } catch {
    // A full or unavailable disk only costs a request next time.
  }
}

/**
 * Current format hints for an endpoint: asks the service with `If-None-Match` when a copy is
 * cached (a 304 keeps it), stores a new version, and falls back to the cached copy when the
 * service cannot be reached. Undefined when there are neither hints nor a copy.
 */
export function revalidateHints(
  endpoint: string,
  api: ApiClient,
  cached: CachedFormatHints | undefined,
): Promise<FormatHints | undefined> {
  const running = inFlight.get(endpoint);
  if (running) return running;
  if (cached && Date.now() - (confirmedAt.get(endpoint) ?? 0) < FRESH_FOR_MS)
    return Promise.resolve(cached.hints);
  const task = (async () => {
    try {
      const response = await api.formats(cached?.etag);
      confirmedAt.set(endpoint, Date.now());
      if (response.notModified) {
        if (cached) return cached.hints;
        // A 304 without a copy cannot happen with our requests; ask again unconditionally.
        const fresh = await api.formats();
        if (fresh.notModified) return undefined;
        return store(endpoint, fresh.hints, fresh.etag);
      }
      return store(endpoint, response.hints, response.etag);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return cached?.hints;
    } finally {
      inFlight.delete(endpoint);
    }
  })();
  inFlight.set(endpoint, task);
  return task;
}

async function store(endpoint: string, hints: FormatHints, etag: string | undefined) {
  await writeCachedHints({
    endpoint,
    version: hints.version,
    etag: etag ?? `"${hints.version}"`,
    hints,
    checkedAt: Date.now(),
  });
  return hints;
}

/** Forgets which endpoints were confirmed in this page, so the next load asks again. */
export function forgetConfirmedHints(): void {
  confirmedAt.clear();
}
