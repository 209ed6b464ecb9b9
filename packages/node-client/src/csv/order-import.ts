/**
 * CSV import of orders, for any shop platform that can export orders as a spreadsheet: one row
 * per order line, grouped into orders by `order_id`. Each order is taken in as a platform's
 * webhook order is (see `platforms/intake.ts`): lines of one SKU merged, unknown SKUs created
 * untracked, an order that exists with the same lines left as it is, so importing a file twice
 * creates nothing the second time.
 *
 * Columns (header names in any case, `Order ID` and `orderId` alike): `order_id`, `sku`,
 * `quantity` (default 1), and optionally `channel` (`b2c` or `b2b`; default `b2b` when an
 * `account_id` is given), `customer_id`, `customer_email`, `customer_name`, `customer_postcode`,
 * `account_id`, `account_name`, `placed_at`. Rows of one order must agree on everything but
 * `sku` and `quantity`.
 */
import {
  type Account,
  type Customer,
  channelSchema,
  importSummaryOf,
  type OrderImportProblem,
  type OrderImportReport,
} from '@serialkit/core';
import { SerialkitError } from '../errors.js';
import type { ServedClient } from '../http/served-client.js';
import {
  type IncomingLine,
  type IncomingOrder,
  isoInstant,
  receiveOrder,
} from '../platforms/intake.js';
import { type CsvSource, csvRecords, headerIndex } from './records.js';

/** The columns of an order import, in the order an empty template lists them. */
export const ORDER_IMPORT_COLUMNS = [
  'order_id',
  'channel',
  'customer_id',
  'customer_email',
  'customer_name',
  'customer_postcode',
  'account_id',
  'account_name',
  'placed_at',
  'sku',
  'quantity',
] as const;

type Column = (typeof ORDER_IMPORT_COLUMNS)[number];

/** The fields every row of one order must agree on. */
const ORDER_FIELDS = ORDER_IMPORT_COLUMNS.filter(
  (c) => c !== 'sku' && c !== 'quantity' && c !== 'order_id',
);

interface PendingOrder {
  firstLine: number;
  fields: Partial<Record<Column, string>>;
  lines: IncomingLine[];
  problem?: OrderImportProblem;
}

/**
 * Imports orders from CSV and reports per order (`created`, `unchanged`, `failed`) and per row
 * (`problems`, with the line number). Orders are held until the file ends, since the rows of an
 * order need not be next to each other.
 *
 * @example
 * const report = await importOrders(client, createReadStream('orders.csv'));
 * console.log(report.orders.created.length, report.problems);
 */
export async function importOrders(
  client: ServedClient,
  source: CsvSource,
): Promise<OrderImportReport> {
  const problems: OrderImportProblem[] = [];
  const orders = new Map<string, PendingOrder>();
  let columns: Map<string, number> | undefined;
  let width = 0;
  let rows = 0;
  for await (const record of csvRecords(source, ({ line, message }) =>
    problems.push({ line, code: 'malformed', message }),
  )) {
    if (!columns) {
      columns = headerIndex(record.cells);
      width = record.cells.length;
      for (const required of ['order_id', 'sku'] as const) {
        if (!columns.has(required)) {
          throw new SerialkitError('validation_failed', `The CSV has no ${required} column`, {
            status: 400,
            details: { columns: ORDER_IMPORT_COLUMNS },
          });
        }
      }
      continue;
    }
    rows++;
    const { line, cells } = record;
    const cell = (name: Column) => {
      const i = columns?.get(name);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    if (cells.length !== width) {
      problems.push({
        line,
        code: 'malformed',
        message: `${cells.length} fields where the header has ${width}`,
      });
      continue;
    }
    const orderId = cell('order_id');
    if (!orderId) {
      problems.push({ line, code: 'missing_order_id', message: 'The row has no order_id' });
      continue;
    }
    let order = orders.get(orderId);
    if (!order) {
      const fields: Partial<Record<Column, string>> = {};
      for (const name of ORDER_FIELDS) fields[name] = cell(name);
      order = { firstLine: line, fields, lines: [] };
      orders.set(orderId, order);
      if (fields.channel && !channelSchema.safeParse(fields.channel.toLowerCase()).success) {
        order.problem = {
          line,
          orderId,
          code: 'invalid_channel',
          message: `channel is b2c or b2b (got "${fields.channel}")`,
        };
      }
    }
    const sku = cell('sku');
    const quantityText = cell('quantity') || '1';
    const quantity = Number(quantityText);
    if (!sku) {
      problems.push({
        line,
        orderId,
        code: 'missing_sku',
        message: 'The row has no sku: left out',
      });
      continue;
    }
    if (!/^\d+$/.test(quantityText) || quantity < 1) {
      order.problem ??= {
        line,
        orderId,
        code: 'invalid_quantity',
        message: `quantity must be a whole number of at least 1 (got "${quantityText}")`,
      };
      continue;
    }
    const differing = ORDER_FIELDS.find((name) => cell(name) !== (order.fields[name] ?? ''));
    if (differing) {
      order.problem ??= {
        line,
        orderId,
        code: 'inconsistent_order',
        message: `${differing} differs from line ${order.firstLine} of the same order`,
      };
      continue;
    }
    order.lines.push({ sku, quantity });
  }

  const report: OrderImportReport = {
    rows,
    orders: { created: [], unchanged: [], failed: [] },
    createdSkus: [],
    problems,
  };
  for (const [id, pending] of orders) {
    if (pending.problem) {
      problems.push(pending.problem);
      report.orders.failed.push(id);
      continue;
    }
    if (pending.lines.length === 0) {
      report.orders.failed.push(id);
      problems.push({
        line: pending.firstLine,
        orderId: id,
        code: 'no_lines',
        message: 'No row of the order has a SKU',
      });
      continue;
    }
    try {
      const result = await receiveOrder(client, incoming(id, pending));
      report.createdSkus.push(...(result.createdSkus ?? []));
      if (result.outcome === 'created') report.orders.created.push(id);
      else if (result.outcome === 'unchanged') report.orders.unchanged.push(id);
      else {
        report.orders.failed.push(id);
        problems.push({
          line: pending.firstLine,
          orderId: id,
          code: 'order_exists',
          message: `Order ${id} exists with other lines, customer or account: left as it is`,
        });
      }
    } catch (error) {
      if (!SerialkitError.isInstance(error) || error.status >= 500) throw error;
      report.orders.failed.push(id);
      const issues = error.issues?.map((issue) => issue.message).join('; ');
      problems.push({
        line: pending.firstLine,
        orderId: id,
        code: error.code,
        message: issues ? `${error.message}: ${issues}` : error.message,
      });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  await client.imports.recordFinished(importSummaryOf('orders', report));
  return report;
}

/** The order a group of rows describes. */
function incoming(id: string, pending: PendingOrder): IncomingOrder {
  const f = pending.fields;
  const customer: Customer = {
    ...(f.customer_id ? { id: f.customer_id } : {}),
    ...(f.customer_email ? { email: f.customer_email } : {}),
    ...(f.customer_name ? { name: f.customer_name } : {}),
    ...(f.customer_postcode ? { postcode: f.customer_postcode } : {}),
  };
  const account: Account | undefined = f.account_id
    ? { id: f.account_id, ...(f.account_name ? { name: f.account_name } : {}) }
    : undefined;
  const channel = channelSchema.safeParse(f.channel?.toLowerCase());
  return {
    id,
    channel: channel.success ? channel.data : account ? 'b2b' : 'b2c',
    ...(Object.keys(customer).length ? { customer } : {}),
    ...(account ? { account } : {}),
    placedAt: f.placed_at ? (isoInstant(f.placed_at) ?? f.placed_at) : undefined,
    source: 'csv',
    lines: pending.lines,
  };
}
