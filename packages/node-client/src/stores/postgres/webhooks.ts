/**
 * The PostgreSQL store's webhook primitives (migration 6). Each is one statement, so each is
 * atomic without an explicit transaction. A cursor and its lease live on the subscription's
 * row: leasing and moving are compare-and-set UPDATEs, so dispatchers of several instances on
 * one database never hold the same cursor at once. Event ids are handed out in commit order
 * (see the migration's trigger), so `readEventLog` reads by id.
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
import type { PgQueryResultLike } from './driver.js';

type Query = (text: string, values?: unknown[]) => Promise<PgQueryResultLike>;

/** The tables of one schema (quoted). */
export interface WebhookTables {
  events: string;
  subscriptions: string;
  deliveries: string;
  deadLetters: string;
}

export function webhookTables(schema: string): WebhookTables {
  return {
    events: `${schema}.events`,
    subscriptions: `${schema}.webhook_subscriptions`,
    deliveries: `${schema}.webhook_deliveries`,
    deadLetters: `${schema}.webhook_dead_letters`,
  };
}

export class PostgresWebhooks {
  constructor(
    private readonly query: Query,
    private readonly t: WebhookTables,
  ) {}

  async putSubscription(sub: WebhookSubscriptionRecord): Promise<void> {
    // A new row starts at the end of the log; an existing one keeps its cursor and lease.
    await this.query(
      `INSERT INTO ${this.t.subscriptions} (id, created_at, body, position)
       VALUES ($1, $2, $3::jsonb, (SELECT max(id) FROM ${this.t.events}))
       ON CONFLICT (id) DO UPDATE SET created_at = EXCLUDED.created_at, body = EXCLUDED.body`,
      [sub.id, sub.createdAt, JSON.stringify(sub)],
    );
  }

  async getSubscription(id: string): Promise<WebhookSubscriptionRecord | null> {
    const { rows } = await this.query(`SELECT body FROM ${this.t.subscriptions} WHERE id = $1`, [
      id,
    ]);
    return (rows[0]?.body as WebhookSubscriptionRecord | undefined) ?? null;
  }

  async listSubscriptions(): Promise<WebhookSubscriptionRecord[]> {
    const { rows } = await this.query(
      `SELECT body FROM ${this.t.subscriptions} ORDER BY created_at, id`,
    );
    return rows.map((row) => row.body as WebhookSubscriptionRecord);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    const { rows } = await this.query(
      `WITH deliveries AS (DELETE FROM ${this.t.deliveries} WHERE subscription_id = $1),
            letters AS (DELETE FROM ${this.t.deadLetters} WHERE subscription_id = $1)
       DELETE FROM ${this.t.subscriptions} WHERE id = $1 RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  async leaseCursor(request: WebhookLeaseRequest): Promise<{ position: string | null } | null> {
    const { rows } = await this.query(
      `UPDATE ${this.t.subscriptions} SET lease_owner = $1, lease_until = $2
       WHERE id = $3 AND (lease_owner IS NULL OR lease_owner = $1 OR lease_until < $4)
       RETURNING position`,
      [request.owner, request.until, request.subscriptionId, request.at],
    );
    const row = rows[0];
    if (!row) return null;
    return { position: row.position === null ? null : String(row.position) };
  }

  async advanceCursor(move: WebhookCursorMove): Promise<boolean> {
    const from = move.from === null ? null : eventPosition(move.from);
    const { rows } = await this.query(
      `UPDATE ${this.t.subscriptions} SET position = $1
       WHERE id = $2 AND lease_owner = $3 AND position IS NOT DISTINCT FROM $4::bigint
       RETURNING id`,
      [eventPosition(move.to), move.subscriptionId, move.owner, from],
    );
    return rows.length > 0;
  }

  async readEventLog(after: string | null, limit: number): Promise<LogEntry[]> {
    const { rows } = await this.query(
      `SELECT ${EVENT_COLUMNS.join(', ')} FROM ${this.t.events} WHERE id > $1
       ORDER BY id LIMIT $2`,
      [eventPosition(after), pageSize(limit)],
    );
    return (rows as unknown as EventRow[]).map(rowToLogEntry);
  }

  async appendDeliveries(deliveries: WebhookDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.query(
      `INSERT INTO ${this.t.deliveries} (subscription_id, body)
       SELECT v.subscription_id, v.body::jsonb
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS v(subscription_id, body, n)
       WHERE EXISTS (SELECT 1 FROM ${this.t.subscriptions} AS s WHERE s.id = v.subscription_id)
       ORDER BY n`,
      [deliveries.map((d) => d.subscriptionId), deliveries.map((d) => JSON.stringify(d))],
    );
  }

  async listDeliveries(
    subscriptionId: string,
    page: PageOptions,
  ): Promise<StorePage<WebhookDelivery>> {
    const limit = pageSize(page.limit);
    const before = decodeCursor('webhook-deliveries', page.cursor, 1);
    const { rows } = await this.query(
      `SELECT id, body FROM ${this.t.deliveries} WHERE subscription_id = $1 AND id < $2
       ORDER BY id DESC LIMIT $3`,
      [subscriptionId, before === null ? Number.MAX_SAFE_INTEGER : Number(before[0]), limit + 1],
    );
    const paged = pageOf(rows, limit, (last) =>
      encodeCursor('webhook-deliveries', [String(last.id)]),
    );
    return {
      items: paged.items.map((row) => row.body as WebhookDelivery),
      nextCursor: paged.nextCursor,
    };
  }

  async putDeadLetter(letter: WebhookDeadLetter): Promise<void> {
    await this.query(
      `INSERT INTO ${this.t.deadLetters} (subscription_id, message_id, failed_at, body)
       SELECT $1, $2, $3, $4::jsonb
       WHERE EXISTS (SELECT 1 FROM ${this.t.subscriptions} WHERE id = $1)
       ON CONFLICT (subscription_id, message_id)
       DO UPDATE SET failed_at = EXCLUDED.failed_at, body = EXCLUDED.body`,
      [letter.subscriptionId, letter.messageId, letter.failedAt, JSON.stringify(letter)],
    );
  }

  async listDeadLetters(
    subscriptionId: string,
    page: PageOptions,
  ): Promise<StorePage<WebhookDeadLetter>> {
    const limit = pageSize(page.limit);
    const after = decodeCursor('webhook-dead-letters', page.cursor, 2);
    const { rows } = await this.query(
      `SELECT body FROM ${this.t.deadLetters}
       WHERE subscription_id = $1 ${after ? 'AND (failed_at, message_id) > ($3, $4)' : ''}
       ORDER BY failed_at, message_id LIMIT $2`,
      [subscriptionId, limit + 1, ...(after ?? [])],
    );
    return pageOf(
      rows.map((row) => row.body as WebhookDeadLetter),
      limit,
      (last) => encodeCursor('webhook-dead-letters', [last.failedAt, last.messageId]),
    );
  }

  async deleteDeadLetter(subscriptionId: string, messageId: string): Promise<boolean> {
    const { rows } = await this.query(
      `DELETE FROM ${this.t.deadLetters} WHERE subscription_id = $1 AND message_id = $2
       RETURNING message_id`,
      [subscriptionId, messageId],
    );
    return rows.length > 0;
  }
}
