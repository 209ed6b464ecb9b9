/**
 * `amendSerial`'s comparison and result, shared by every adapter so that what "the unit is as
 * expected" means is written once.
 */
import type { SerialRecord } from '@serialkit/core';
import type { SerialAmendment } from '../../store.js';

/** True when `current` may be amended: it exists, its status is allowed and its details match. */
export function amendmentApplies(
  current: SerialRecord | null,
  change: SerialAmendment,
): current is SerialRecord {
  if (!current || !change.from.includes(current.status)) return false;
  const expect = change.expect;
  if (!expect) return true;
  return (
    current.lot === expect.lot &&
    current.manufacturedAt === expect.manufacturedAt &&
    current.receivedAt === expect.receivedAt
  );
}

/** The unit after `change.set` (fields cleared by `null` are left out), updated at `event.at`. */
export function amendedRecord(current: SerialRecord, change: SerialAmendment): SerialRecord {
  const next: SerialRecord = { ...current, updatedAt: change.event.at };
  const set = change.set ?? {};
  if (set.status !== undefined) next.status = set.status;
  for (const field of ['lot', 'manufacturedAt', 'receivedAt'] as const) {
    const value = set[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next;
}
