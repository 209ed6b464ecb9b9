/** `serialkit lookup | trace`: what the merchant knows of one unit, and whom it was sold to. */
import type { Lookup, SerialEvent, Trace } from '@serialkit/core';
import { type Command, skuOf, skuOption } from '../command.js';
import { UsageError } from '../io.js';
import { fields, table } from '../table.js';

function eventsTable(events: SerialEvent[]): string {
  if (events.length === 0) return '';
  return `\n${table(
    ['at', 'event', 'details'],
    events.map((e) => [e.at, e.type, e.data ? summarize(e.data) : '']),
  )}`;
}

function summarize(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ')
    .slice(0, 80);
}

export const lookup: Command = {
  name: 'lookup',
  summary: 'Look up a unit: SKU, status, order, customer, history',
  usage: ['lookup <serial> [--sku SKU]'],
  examples: ['serialkit lookup SN-2024-0000016'],
  options: skuOption,
  async run({ args, options, client, print }) {
    const [serial] = args;
    if (!serial) throw new UsageError('Give the serial to look up');
    const found: Lookup = await (await client()).serials.lookup(serial, skuOf(options));
    const { record } = found;
    const shipment = record.shipment;
    print(
      found,
      () =>
        fields([
          ['serial', record.serial],
          ['sku', found.skuName ? `${record.sku} (${found.skuName})` : record.sku],
          ['status', record.status],
          ['recall', found.recall ? `${found.recall.id}: ${found.recall.notice}` : record.recallId],
          ['lot', record.lot],
          ['manufactured', record.manufacturedAt],
          ['registered', record.registeredAt],
          ['order', shipment?.orderId],
          ['channel', shipment?.channel],
          [
            'customer',
            shipment?.customer
              ? [shipment.customer.name, shipment.customer.email].filter(Boolean).join(' ')
              : undefined,
          ],
          [
            'account',
            shipment?.account
              ? [shipment.account.id, shipment.account.name].filter(Boolean).join(' ')
              : undefined,
          ],
          ['shipped', shipment?.shippedAt],
        ]) + eventsTable(found.events),
    );
    return undefined;
  },
};

export const trace: Command = {
  name: 'trace',
  summary: 'Who a unit was sold to, and where it was seen since (reseller tracing)',
  usage: ['trace <serial> [--sku SKU]'],
  options: skuOption,
  async run({ args, options, client, print }) {
    const [serial] = args;
    if (!serial) throw new UsageError('Give the serial to trace');
    const result: Trace = await (await client()).trace(serial, skuOf(options));
    const sold = result.soldTo;
    print(
      result,
      () =>
        fields([
          ['serial', result.serial],
          ['sku', result.sku],
          ['status', result.status],
          [
            'sold to',
            sold
              ? sold.account
                ? `account ${sold.account.id}${sold.account.name ? ` (${sold.account.name})` : ''}`
                : [sold.customer?.name, sold.customer?.email].filter(Boolean).join(' ') ||
                  sold.customer?.id
              : 'not sold',
          ],
          ['order', sold?.orderId],
          ['channel', sold?.channel],
          ['shipped', sold?.shippedAt],
          ['sightings', result.sightings.length],
        ]) + eventsTable(result.sightings),
    );
    return undefined;
  },
};
