/**
 * The SQLite store's webhook primitives (migration 4). SQLite has one writer at a time and
 * event ids come from AUTOINCREMENT, so id order is commit order and `readEventLog` reads by id.
 */
import type {
  LogEntry,
  WebhookDeadLetter,
  WebhookDelivery,
  WebhookSubscriptionRecord,
} from '@serialkit/core';
import type {
  PageOptions,
  StorePage,
  WebhookCursorMove,
  WebhookLeaseRequest,
} from '../../store.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { eventPosition } from '../shared/event-position.js';
import { EVENT_COLUMNS, type EventRow, rowToLogEntry } from '../shared/records.js';
import type { SqliteDatabaseLike } from './driver.js';

export function putSubscription(db: SqliteDatabaseLike, sub: WebhookSubscriptionRecord): void {
  // A new row starts at the end of the log; an existing one keeps its cursor and lease.
  db.prepare(
    `INSERT INTO webhook_subscriptions (id, created_at, body, position)
     VALUES (?, ?, ?, (SELECT max(id) FROM events))
     ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, body = excluded.body`,
  ).run(sub.id, sub.createdAt, JSON.stringify(sub));
}

export function getSubscription(
  db: SqliteDatabaseLike,
  id: string,
): WebhookSubscriptionRecord | null {
  const row = db.prepare('SELECT body FROM webhook_subscriptions WHERE id = ?').get(id) as
    | { body: string }
    | undefined;
  return row ? (JSON.parse(row.body) as WebhookSubscriptionRecord) : null;
}

export function listSubscriptions(db: SqliteDatabaseLike): WebhookSubscriptionRecord[] {
  const rows = db
    .prepare('SELECT body FROM webhook_subscriptions ORDER BY created_at, id')
    .all() as { body: string }[];
  return rows.map((row) => JSON.parse(row.body) as WebhookSubscriptionRecord);
}

export function deleteSubscription(db: SqliteDatabaseLike, id: string): boolean {
  return db
    .transaction(() => {
      db.prepare('DELETE FROM webhook_deliveries WHERE subscription_id = ?').run(id);
      db.prepare('DELETE FROM webhook_dead_letters WHERE subscription_id = ?').run(id);
      return db.prepare('DELETE FROM webhook_subscriptions WHERE id = ?').run(id).changes > 0;
    })
    .immediate();
}

export function leaseCursor(
  db: SqliteDatabaseLike,
  request: WebhookLeaseRequest,
): { position: string | null } | null {
  const row = db
    .prepare(
      `UPDATE webhook_subscriptions SET lease_owner = ?, lease_until = ?
       WHERE id = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)
       RETURNING position`,
    )
    .get(request.owner, request.until, request.subscriptionId, request.owner, request.at) as
    | { position: number | bigint | null }
    | undefined;
  if (!row) return null;
  return { position: row.position === null ? null : String(row.position) };
}

export function advanceCursor(db: SqliteDatabaseLike, move: WebhookCursorMove): boolean {
  const from = move.from === null ? null : eventPosition(move.from);
  const { changes } = db
    .prepare(
      `UPDATE webhook_subscriptions SET position = ?
       WHERE id = ? AND lease_owner = ? AND position IS ?`,
    )
    .run(eventPosition(move.to), move.subscriptionId, move.owner, from);
  return changes > 0;
}

export function readEventLog(
  db: SqliteDatabaseLike,
  after: string | null,
  limit: number,
): LogEntry[] {
  const rows = db
    .prepare(
      `SELECT ${EVENT_COLUMNS.join(', ')} FROM events WHERE id > ? ORDER BY id LIMIT ${pageSize(limit)}`,
    )
    .all(eventPosition(after)) as EventRow[];
  return rows.map(rowToLogEntry);
}

export function appendDeliveries(db: SqliteDatabaseLike, deliveries: WebhookDelivery[]): void {
  const insert = db.prepare(
    `INSERT INTO webhook_deliveries (subscription_id, body)
     SELECT ?, ? WHERE EXISTS (SELECT 1 FROM webhook_subscriptions WHERE id = ?)`,
  );
  db.transaction(() => {
    for (const d of deliveries) insert.run(d.subscriptionId, JSON.stringify(d), d.subscriptionId);
  }).immediate();
}

export function listDeliveries(
  db: SqliteDatabaseLike,
  subscriptionId: string,
  page: PageOptions,
): StorePage<WebhookDelivery> {
  const limit = pageSize(page.limit);
  const before = decodeCursor('webhook-deliveries', page.cursor, 1);
  const rows = db
    .prepare(
      `SELECT id, body FROM webhook_deliveries WHERE subscription_id = ? AND id < ?
       ORDER BY id DESC LIMIT ${limit + 1}`,
    )
    .all(subscriptionId, before === null ? Number.MAX_SAFE_INTEGER : Number(before[0])) as {
    id: number;
    body: string;
  }[];
  const paged = pageOf(rows, limit, (last) =>
    encodeCursor('webhook-deliveries', [String(last.id)]),
  );
  return {
    items: paged.items.map((row) => JSON.parse(row.body) as WebhookDelivery),
    nextCursor: paged.nextCursor,
  };
}

export function putDeadLetter(db: SqliteDatabaseLike, letter: WebhookDeadLetter): void {
  db.prepare(
    `INSERT INTO webhook_dead_letters (subscription_id, message_id, failed_at, body)
     SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM webhook_subscriptions WHERE id = ?)
     ON CONFLICT (subscription_id, message_id)
     DO UPDATE SET failed_at = excluded.failed_at, body = excluded.body`,
  ).run(
    letter.subscriptionId,
    letter.messageId,
    letter.failedAt,
    JSON.stringify(letter),
    letter.subscriptionId,
  );
}

export function listDeadLetters(
  db: SqliteDatabaseLike,
  subscriptionId: string,
  page: PageOptions,
): StorePage<WebhookDeadLetter> {
  const limit = pageSize(page.limit);
  const after = decodeCursor('webhook-dead-letters', page.cursor, 2);
  const rows = db
    .prepare(
      `SELECT body FROM webhook_dead_letters
       WHERE subscription_id = ? ${after ? 'AND (failed_at, message_id) > (?, ?)' : ''}
       ORDER BY failed_at, message_id LIMIT ${limit + 1}`,
    )
    .all(subscriptionId, ...(after ?? [])) as { body: string }[];
  return pageOf(
    rows.map((row) => JSON.parse(row.body) as WebhookDeadLetter),
    limit,
    (last) => encodeCursor('webhook-dead-letters', [last.failedAt, last.messageId]),
  );
}

export function deleteDeadLetter(
  db: SqliteDatabaseLike,
  subscriptionId: string,
  messageId: string,
): boolean {
  return (
    db
      .prepare('DELETE FROM webhook_dead_letters WHERE subscription_id = ? AND message_id = ?')
      .run(subscriptionId, messageId).changes > 0
  );
}
