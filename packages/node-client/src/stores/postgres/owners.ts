/** Registered owners in PostgreSQL: the `owners` table of migration 6. */
import type { Owner } from '@serialkit/core';
import { ConflictError } from '../../errors.js';
import type {
  EventInsert,
  InsertOwnerResult,
  OwnerFilter,
  PageOptions,
  StorePage,
} from '../../store.js';
import { decodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { eventDataJson } from '../shared/event-data.js';
import { type SqlDialect, SqlParams, where } from '../shared/filter.js';
import {
  OWNER_COLUMNS,
  type OwnerRow,
  ownerConditions,
  ownerCursor,
  ownerValues,
  rowToOwner,
} from '../shared/owners.js';
import { timestampToMillis } from '../shared/timestamps.js';
import { unknownUnitError } from '../shared/unknown-unit.js';
import type { PgQueryResultLike } from './driver.js';

/** Runs one statement (on the pool, or on a transaction's client). */
export type PgQuery = (text: string, values: unknown[]) => Promise<PgQueryResultLike>;

const COLUMNS = OWNER_COLUMNS.join(', ');
const PLACEHOLDERS = OWNER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');

/**
 * With `event`, in a transaction (`query` runs on its client): the event goes in after the
 * owner's row, and a unit that is not there throws, which rolls the owner back.
 */
export async function insertOwner(
  query: PgQuery,
  tables: { owners: string; events: string; serials: string },
  owner: Owner,
  event?: EventInsert,
): Promise<InsertOwnerResult> {
  if (event) timestampToMillis(event.at, 'event.at');
  const data = event ? eventDataJson(event.data) : null;
  // Any conflict (the id, or the unit's one active owner) keeps nothing; the id is then told
  // apart, since a reused id is the caller's mistake, not a second owner.
  const { rows } = await query(
    `INSERT INTO ${tables.owners} (${COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT DO NOTHING RETURNING id`,
    ownerValues(owner),
  );
  if (rows.length === 1) {
    if (!event) return { inserted: true };
    const appended = await query(
      `INSERT INTO ${tables.events} (sku, serial, type, at, data)
       SELECT $1, $2, $3, $4, $5::jsonb
       WHERE EXISTS (SELECT 1 FROM ${tables.serials} WHERE sku = $1 AND serial = $2)
       RETURNING 1`,
      [event.sku, event.serial, event.type, event.at, data],
    );
    if (appended.rows.length === 0) throw unknownUnitError(event.sku, event.serial);
    return { inserted: true };
  }
  const existing = await query(`SELECT 1 FROM ${tables.owners} WHERE id = $1`, [owner.id]);
  if (existing.rows.length > 0) {
    throw new ConflictError(`Owner ${owner.id} exists`, { details: { id: owner.id } });
  }
  return { inserted: false };
}

export async function getOwner(query: PgQuery, table: string, id: string): Promise<Owner | null> {
  const { rows } = await query(`SELECT ${COLUMNS} FROM ${table} WHERE id = $1`, [id]);
  const row = rows[0] as OwnerRow | undefined;
  return row ? rowToOwner(row) : null;
}

export async function listOwners(
  query: PgQuery,
  table: string,
  dialect: SqlDialect,
  filter: OwnerFilter,
  page: PageOptions,
): Promise<StorePage<Owner>> {
  const limit = pageSize(page.limit);
  const params = new SqlParams(dialect);
  const conditions = ownerConditions(filter, decodeCursor('owners', page.cursor, 2), params);
  const { rows } = await query(
    `SELECT ${COLUMNS} FROM ${table} ${where(conditions)} ORDER BY registered_at, id LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  return pageOf((rows as unknown as OwnerRow[]).map(rowToOwner), limit, ownerCursor);
}

/** In a transaction: `query` runs on its client. */
export async function eraseOwner(
  query: PgQuery,
  tables: { owners: string; events: string },
  id: string,
  event: EventInsert,
): Promise<Owner | null> {
  const data = eventDataJson(event.data);
  const { rows } = await query(`SELECT ${COLUMNS} FROM ${tables.owners} WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  const row = rows[0] as OwnerRow | undefined;
  if (!row) return null;
  const owner = rowToOwner(row);
  if (owner.status === 'erased') return owner;
  const updated = await query(
    `UPDATE ${tables.owners} SET name = NULL, email = NULL, status = 'erased', erased_at = $2
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, event.at],
  );
  await query(
    `INSERT INTO ${tables.events} (sku, serial, type, at, data) VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [event.sku, event.serial, event.type, event.at, data],
  );
  return rowToOwner(updated.rows[0] as unknown as OwnerRow);
}
