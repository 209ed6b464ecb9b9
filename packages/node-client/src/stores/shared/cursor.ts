/**
 * Opaque page cursors: the key of the last item of a page, tagged with what it pages over, in
 * base64url JSON. Keyset pagination stays correct while rows are inserted or changed between
 * pages, and costs an index seek instead of an OFFSET scan.
 */
import { BadRequestError } from '../../errors.js';
import type { StorePage } from '../../store.js';

/** What a cursor pages over; a cursor of one list is rejected by another. */
export type CursorKind =
  | 'skus'
  | 'serials'
  | 'events'
  | 'recalls'
  | 'webhook-deliveries'
  | 'webhook-dead-letters'
  | 'orders'
  | 'owners';

export function encodeCursor(kind: CursorKind, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

/** The key of a cursor, or null for no cursor. Throws `BadRequestError` for a malformed one. */
export function decodeCursor(
  kind: CursorKind,
  cursor: string | null | undefined,
  length: number,
): string[] | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== length + 1 ||
    parsed[0] !== kind ||
    !parsed.every((part) => typeof part === 'string')
  ) {
    throw new BadRequestError(`Invalid ${kind} cursor`, { details: { cursor } });
  }
  return parsed.slice(1) as string[];
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;

/** The page size to use for a requested `limit`: default 100, at least 1, at most 10,000. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE_SIZE);
}

/** Splits a `limit + 1` fetch into a page and the cursor of its last item. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string): StorePage<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: cursorOf(items[limit - 1] as T) };
}
