/**
 * What every store shares about registered owners: the filter as a predicate (the memory store's
 * semantics, which the SQL stores' WHERE clauses follow), the row shape SQL stores read, and the
 * erased form of an owner.
 */
import type { Owner, OwnerStatus } from '@serialkit/core';
import type { OwnerFilter } from '../../store.js';
import { encodeCursor } from './cursor.js';
import type { SqlParams } from './filter.js';

/** An `owners` row (SQLite and PostgreSQL). */
export interface OwnerRow {
  id: string;
  sku: string;
  serial: string;
  status: string;
  name: string | null;
  email: string | null;
  registered_at: string;
  erased_at: string | null;
}

/** The columns of `owners`, in table order. */
export const OWNER_COLUMNS = [
  'id',
  'sku',
  'serial',
  'status',
  'name',
  'email',
  'registered_at',
  'erased_at',
] as const;

export function rowToOwner(row: OwnerRow): Owner {
  const owner: Owner = {
    id: row.id,
    sku: row.sku,
    serial: row.serial,
    status: row.status as OwnerStatus,
    registeredAt: row.registered_at,
  };
  if (row.name !== null) owner.name = row.name;
  if (row.email !== null) owner.email = row.email;
  if (row.erased_at !== null) owner.erasedAt = row.erased_at;
  return owner;
}

/** The values of an owner in `OWNER_COLUMNS` order. */
export function ownerValues(owner: Owner): (string | null)[] {
  return [
    owner.id,
    owner.sku,
    owner.serial,
    owner.status,
    owner.name ?? null,
    owner.email ?? null,
    owner.registeredAt,
    owner.erasedAt ?? null,
  ];
}

/** The statuses a filter allows (null: any). */
export function ownerStatuses(filter: OwnerFilter): OwnerStatus[] | null {
  if (filter.status === undefined) return null;
  return Array.isArray(filter.status) ? filter.status : [filter.status];
}

export function matchesOwner(filter: OwnerFilter, owner: Owner): boolean {
  const statuses = ownerStatuses(filter);
  return (
    (filter.sku === undefined || owner.sku === filter.sku) &&
    (filter.serial === undefined || owner.serial === filter.serial) &&
    (statuses === null || statuses.includes(owner.status)) &&
    (filter.email === undefined || owner.email === filter.email)
  );
}

/** The cursor after an owner in (registeredAt, id) order. */
export function ownerCursor(owner: Owner): string {
  return encodeCursor('owners', [owner.registeredAt, owner.id]);
}

/** `OwnerFilter` (and the keyset cursor) → SQL conditions over `owners`, values bound. */
export function ownerConditions(
  filter: OwnerFilter,
  after: string[] | null,
  params: SqlParams,
): string[] {
  const conditions: string[] = [];
  if (filter.sku !== undefined) conditions.push(`sku = ${params.add(filter.sku)}`);
  if (filter.serial !== undefined) conditions.push(`serial = ${params.add(filter.serial)}`);
  const statuses = ownerStatuses(filter);
  if (statuses !== null) conditions.push(params.in('status', statuses));
  if (filter.email !== undefined) conditions.push(`email = ${params.add(filter.email)}`);
  if (after) {
    conditions.push(`(registered_at, id) > (${params.add(after[0])}, ${params.add(after[1])})`);
  }
  return conditions;
}
