/** Registered owners in SQLite: the `owners` table of migration 4. */
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
import { SqlParams, where } from '../shared/filter.js';
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
import type { SqliteDatabaseLike } from './driver.js';
import { sqlite } from './statements.js';

const COLUMNS = OWNER_COLUMNS.join(', ');
const PLACEHOLDERS = OWNER_COLUMNS.map(() => '?').join(', ');

export function insertOwner(
  db: SqliteDatabaseLike,
  owner: Owner,
  event?: EventInsert,
): InsertOwnerResult {
  if (event) timestampToMillis(event.at, 'event.at');
  const data = event ? eventDataJson(event.data) : null;
  return db
    .transaction((): InsertOwnerResult => {
      if (db.prepare('SELECT 1 FROM owners WHERE id = ?').get(owner.id) !== undefined) {
        throw new ConflictError(`Owner ${owner.id} exists`, { details: { id: owner.id } });
      }
      const result = db
        .prepare(
          `INSERT INTO owners (${COLUMNS}) VALUES (${PLACEHOLDERS})
           ON CONFLICT (sku, serial) WHERE status = 'active' DO NOTHING`,
        )
        .run(...ownerValues(owner));
      if (result.changes !== 1) return { inserted: false };
      if (event) {
        // After the owner's row: a unit that is not there undoes it (the transaction rolls back).
        const unit = db
          .prepare('SELECT 1 FROM serials WHERE sku = ? AND serial = ?')
          .get(event.sku, event.serial);
        if (unit === undefined) throw unknownUnitError(event.sku, event.serial);
        db.prepare('INSERT INTO events (sku, serial, type, at, data) VALUES (?, ?, ?, ?, ?)').run(
          event.sku,
          event.serial,
          event.type,
          event.at,
          data,
        );
      }
      return { inserted: true };
    })
    .immediate();
}

export function getOwner(db: SqliteDatabaseLike, id: string): Owner | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM owners WHERE id = ?`).get(id) as
    | OwnerRow
    | undefined;
  return row ? rowToOwner(row) : null;
}

export function listOwners(
  db: SqliteDatabaseLike,
  filter: OwnerFilter,
  page: PageOptions,
): StorePage<Owner> {
  const limit = pageSize(page.limit);
  const params = new SqlParams(sqlite);
  const conditions = ownerConditions(filter, decodeCursor('owners', page.cursor, 2), params);
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM owners ${where(conditions)} ORDER BY registered_at, id LIMIT ${limit + 1}`,
    )
    .all(...params.values) as OwnerRow[];
  return pageOf(rows.map(rowToOwner), limit, ownerCursor);
}

export function eraseOwner(db: SqliteDatabaseLike, id: string, event: EventInsert): Owner | null {
  const data = eventDataJson(event.data);
  return db
    .transaction((): Owner | null => {
      const owner = getOwner(db, id);
      if (!owner || owner.status === 'erased') return owner;
      db.prepare(
        `UPDATE owners SET name = NULL, email = NULL, status = 'erased', erased_at = ? WHERE id = ?`,
      ).run(event.at, id);
      db.prepare('INSERT INTO events (sku, serial, type, at, data) VALUES (?, ?, ?, ?, ?)').run(
        event.sku,
        event.serial,
        event.type,
        event.at,
        data,
      );
      return getOwner(db, id);
    })
    .immediate();
}
