/**
 * Orders on PostgreSQL: one jsonb document per order, changed under a revision together with its
 * units. `changeOrder` locks the order row first (`FOR UPDATE`), then its units as `transition`
 * does, so concurrent changes of one order queue, and the loser sees the new revision.
 */
import type { Order } from '@serialkit/core';
import type {
  OrderChange,
  OrderChangeResult,
  OrderFilter,
  PageOptions,
  StoredOrder,
  StorePage,
} from '../../store.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { type SqlDialect, SqlParams, where } from '../shared/filter.js';
import type { PgClientLike, PgQueryResultLike } from './driver.js';
import { applyTransitions, TransitionRollback } from './transition.js';

/** The tables orders use. */
export interface OrderTables {
  orders: string;
  orderSkus: string;
  serials: string;
  events: string;
}

type Query = (text: string, values?: unknown[], prepare?: boolean) => Promise<PgQueryResultLike>;

interface OrderRow {
  body: Order | string;
  revision: number;
}

/** Thrown inside the transaction to roll it back with a result; never escapes the store. */
export class OrderRollback {
  constructor(readonly result: OrderChangeResult) {}
}

const bodyOf = (row: OrderRow): Order =>
  typeof row.body === 'string' ? (JSON.parse(row.body) as Order) : row.body;

export async function insertOrder(
  client: PgClientLike,
  t: OrderTables,
  order: Order,
): Promise<boolean> {
  const inserted = await client.query(
    `INSERT INTO ${t.orders} (id, status, created_at, revision, body) VALUES ($1, $2, $3, 1, $4::jsonb)
     ON CONFLICT (id) DO NOTHING`,
    [order.id, order.status, order.createdAt, JSON.stringify(order)],
  );
  if (inserted.rowCount === 0) return false;
  await client.query(
    `INSERT INTO ${t.orderSkus} (sku, order_id) SELECT DISTINCT unnest($1::text[]), $2
     ON CONFLICT DO NOTHING`,
    [order.lines.map((line) => line.sku), order.id],
  );
  return true;
}

export async function getOrder(
  query: Query,
  t: OrderTables,
  id: string,
): Promise<StoredOrder | null> {
  const { rows } = await query(`SELECT body, revision FROM ${t.orders} WHERE id = $1`, [id], true);
  const row = rows[0] as OrderRow | undefined;
  return row ? { order: bodyOf(row), revision: Number(row.revision) } : null;
}

export async function listOrders(
  query: Query,
  t: OrderTables,
  dialect: SqlDialect,
  filter: OrderFilter,
  page: PageOptions,
): Promise<StorePage<Order>> {
  const limit = pageSize(page.limit);
  const after = decodeCursor('orders', page.cursor, 2);
  const params = new SqlParams(dialect);
  const conditions: string[] = [];
  if (filter.status !== undefined) conditions.push(`status = ${params.add(filter.status)}`);
  if (filter.sku !== undefined) {
    conditions.push(
      `id IN (SELECT order_id FROM ${t.orderSkus} WHERE sku = ${params.add(filter.sku)})`,
    );
  }
  if (after) {
    conditions.push(`(created_at, id) < (${params.add(after[0])}, ${params.add(after[1])})`);
  }
  const { rows } = await query(
    `SELECT body, revision FROM ${t.orders} ${where(conditions)}
     ORDER BY created_at DESC, id DESC LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  return pageOf((rows as unknown as OrderRow[]).map(bodyOf), limit, (last) =>
    encodeCursor('orders', [last.createdAt, last.id]),
  );
}

/** Inside the caller's transaction; throws `OrderRollback` to roll back with a result. */
export async function changeOrder(
  client: PgClientLike,
  t: OrderTables,
  change: OrderChange,
): Promise<OrderChangeResult> {
  const { order } = change;
  const { rows } = await client.query(
    `SELECT body, revision FROM ${t.orders} WHERE id = $1 FOR UPDATE`,
    [order.id],
  );
  const row = rows[0] as OrderRow | undefined;
  const current = row ? { order: bodyOf(row), revision: Number(row.revision) } : null;
  if (!current || current.revision !== change.revision) {
    throw new OrderRollback({ ok: false, reason: 'revision', current });
  }
  let records: OrderChangeResult & { ok: true };
  if (change.transitions.length === 0) {
    records = { ok: true, revision: change.revision + 1, records: [] };
  } else {
    try {
      const applied = await applyTransitions(client, t.serials, t.events, change.transitions);
      if (!applied.ok) throw new TransitionRollback(applied);
      records = { ok: true, revision: change.revision + 1, records: applied.records };
    } catch (error) {
      if (error instanceof TransitionRollback && !error.result.ok) {
        throw new OrderRollback({ ok: false, reason: 'units', failures: error.result.failures });
      }
      throw error;
    }
  }
  await client.query(
    `UPDATE ${t.orders} SET status = $2, revision = revision + 1, body = $3::jsonb WHERE id = $1`,
    [order.id, order.status, JSON.stringify(order)],
  );
  return records;
}
