/** `serialkit orders import <file.csv | ->`: orders from any platform's CSV export. */
import type { OrderImportReport } from '@serialkit/core';
import { importOrders } from '../../csv/order-import.js';
import type { Command } from '../command.js';
import { fields, table } from '../table.js';
import { openSource } from './import-export.js';

function reportText(report: OrderImportReport): string {
  let out = fields([
    ['rows', report.rows],
    ['created', report.orders.created.length],
    ['unchanged', report.orders.unchanged.length],
    ['failed', report.orders.failed.length],
    ['new SKUs', report.createdSkus.length ? report.createdSkus.join(', ') : undefined],
  ]);
  if (report.problems.length) {
    out += table(
      ['line', 'order', 'problem', 'message'],
      report.problems.map((p) => [p.line, p.orderId, p.code, p.message]),
    );
  }
  return out;
}

export const importOrdersCmd: Command = {
  name: 'import',
  summary: 'Import orders from CSV (one row per line; exit 4 if any order failed)',
  usage: ['import <file.csv | ->'],
  description: [
    'Columns: order_id, sku, quantity, and optionally channel, customer_id, customer_email,',
    'customer_name, customer_postcode, account_id, account_name, placed_at. Rows are grouped',
    'into orders by order_id. An order that exists with the same lines is reported unchanged,',
    'so a file can be imported again; SKUs serialkit does not know are created untracked.',
  ].join(' '),
  examples: ['serialkit orders import orders.csv', 'cat orders.csv | serialkit orders import -'],
  async run(context) {
    const { source } = await openSource(context);
    const client = await context.client();
    const report = await importOrders(client, source as AsyncIterable<string | Uint8Array>);
    context.print(report, () => reportText(report));
    return report.orders.failed.length > 0 ? 4 : 0;
  },
};
