/** Orders on SQLite: one JSON document per order, changed under a revision with its units. */
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
import { SqlParams, where } from '../shared/filter.js';
import type { SqliteDatabaseLike } from './driver.js';
import type { StatementCache } from './statement-cache.js';
import { applyCas, failuresOf, type Statements, sqlite } from './statements.js';

interface OrderRow {
  body: string;
  revision: number;
}

/** Thrown inside the transaction to roll it back with a result; never escapes this file. */
class OrderRollback {
  constructor(readonly result: OrderChangeResult) {}
}

export function insertOrder(db: SqliteDatabaseLike, cache: StatementCache, order: Order): boolean {
  return db
    .transaction((): boolean => {
      const inserted = cache
        .prepare(
          `INSERT INTO orders (id, status, created_at, revision, body) VALUES (?, ?, ?, 1, ?)
           ON CONFLICT (id) DO NOTHING`,
        )
        .run(order.id, order.status, order.createdAt, JSON.stringify(order));
      if (inserted.changes === 0) return false;
      const sku = cache.prepare(
        'INSERT INTO order_skus (sku, order_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
      );
      for (const line of order.lines) sku.run(line.sku, order.id);
      return true;
    })
    .immediate();
}

export function getOrder(cache: StatementCache, id: string): StoredOrder | null {
  const row = cache.prepare('SELECT body, revision FROM orders WHERE id = ?').get(id) as
    | OrderRow
    | undefined;
  return row ? { order: JSON.parse(row.body) as Order, revision: row.revision } : null;
}

export function listOrders(
  cache: StatementCache,
  filter: OrderFilter,
  page: PageOptions,
): StorePage<Order> {
  const limit = pageSize(page.limit);
  const after = decodeCursor('orders', page.cursor, 2);
  const params = new SqlParams(sqlite);
  const conditions: string[] = [];
  if (filter.status !== undefined) conditions.push(`status = ${params.add(filter.status)}`);
  if (filter.sku !== undefined) {
    conditions.push(
      `id IN (SELECT order_id FROM order_skus WHERE sku = ${params.add(filter.sku)})`,
    );
  }
  if (after) {
    conditions.push(`(created_at, id) < (${params.add(after[0])}, ${params.add(after[1])})`);
  }
  const sql = `SELECT body FROM orders ${where(conditions)} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`;
  const rows = cache.prepare(sql).all(...params.values) as OrderRow[];
  return pageOf(
    rows.map((row) => JSON.parse(row.body) as Order),
    limit,
    (last) => encodeCursor('orders', [last.createdAt, last.id]),
  );
}

export function changeOrder(
  db: SqliteDatabaseLike,
  s: Statements,
  cache: StatementCache,
  change: OrderChange,
): OrderChangeResult {
  const { order, transitions } = change;
  try {
    return db
      .transaction((): OrderChangeResult => {
        // Compare-and-set on the revision first: a lost race changes no unit.
        const updated = cache
          .prepare(
            'UPDATE orders SET status = ?, revision = revision + 1, body = ? WHERE id = ? AND revision = ?',
          )
          .run(order.status, JSON.stringify(order), order.id, change.revision);
        if (updated.changes === 0) {
          throw new OrderRollback({
            ok: false,
            reason: 'revision',
            current: getOrder(cache, order.id),
          });
        }
        const applied = applyCas(s, transitions);
        if (!applied.ok) {
          throw new OrderRollback({
            ok: false,
            reason: 'units',
            failures: applied.failed.map((index) => ({ index, current: null })),
          });
        }
        return { ok: true, revision: change.revision + 1, records: applied.records };
      })
      .immediate();
  } catch (error) {
    if (!(error instanceof OrderRollback)) throw error;
    const result = error.result;
    // Rolled back: read the failed units (and the order) as they are stored now.
    if (result.ok || result.reason === 'revision') {
      return result.ok ? result : { ...result, current: getOrder(cache, order.id) };
    }
    return {
      ok: false,
      reason: 'units',
      failures: failuresOf(
        s,
        transitions,
        result.failures.map((f) => f.index),
      ),
    };
  }
}
