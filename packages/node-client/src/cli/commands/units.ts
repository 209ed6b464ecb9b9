/** `serialkit generate | lookup | trace | verify`: one unit at a time. */
import type { Lookup, SerialEvent, Trace, VerifyResult } from '@serialkit/core';
import { type Command, str } from '../command.js';
import { UsageError } from '../io.js';
import { fields, table } from '../table.js';

const skuOption = {
  sku: {
    type: 'string',
    value: 'SKU',
    description: 'The SKU, when the serial could belong to several',
  },
} as const;

function skuOf(options: Record<string, unknown>): { sku?: string } {
  return typeof options.sku === 'string' ? { sku: options.sku } : {};
}

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

export const generate: Command = {
  name: 'generate',
  summary: 'Generate and register serials for a SKU (sequential or random)',
  usage: ['generate <sku> <count> [--random] [--lot LOT] [--manufactured DATE]'],
  examples: [
    'serialkit generate CH-65W 1000 --lot L2024-07',
    'serialkit generate GIFT 50 --random --json',
  ],
  options: {
    random: { type: 'boolean', description: 'Random, non-guessable serials (default sequential)' },
    lot: { type: 'string', value: 'LOT', description: 'Lot of the new units' },
    manufactured: { type: 'string', value: 'DATE', description: 'Manufacture date (ISO 8601)' },
  },
  async run({ args, options, client, print, note }) {
    const [sku, countText] = args;
    const count = Number(countText);
    if (!sku || !Number.isInteger(count) || count < 1) {
      throw new UsageError('Give the SKU and a positive count, e.g. serialkit generate CH-65W 100');
    }
    const lot = str(options, 'lot');
    const manufacturedAt = str(options, 'manufactured');
    const result = await (await client()).serials.generate(sku, count, {
      mode: options.random ? 'random' : 'sequential',
      ...(lot ? { lot } : {}),
      ...(manufacturedAt ? { manufacturedAt } : {}),
    });
    note(`Registered ${result.serials.length.toLocaleString('en')} serials for ${sku}`);
    print(result, () => `${result.serials.join('\n')}\n`);
    return undefined;
  },
};

export const lookup: Command = {
  name: 'lookup',
  summary: 'Look up a unit: SKU, status, order, customer, history',
  usage: ['lookup <serial> [--sku SKU]'],
  examples: ['serialkit lookup SN-2024-0000013'],
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

export const verify: Command = {
  name: 'verify',
  summary: 'Check a serial as a customer would (genuine, unknown, recalled, suspicious, invalid)',
  usage: ['verify <serial or GS1 Digital Link> [--sku SKU]'],
  description: 'Exit code: 0 genuine, 3 unknown, 4 invalid, 1 recalled or suspicious.',
  options: skuOption,
  async run({ args, options, client, print }) {
    const [input] = args;
    if (!input) throw new UsageError('Give the serial to verify');
    const result: VerifyResult = await (await client()).verify(input, {
      fingerprint: 'serialkit-cli',
      ...skuOf(options),
    });
    print(result, () => {
      let out = fields([
        ['status', result.status],
        ['serial', result.serial],
        ['product', result.product ? `${result.product.name} (${result.product.sku})` : undefined],
        ['recall', result.recall ? result.recall.notice : undefined],
        ['reasons', result.reasons.length ? result.reasons.join(', ') : undefined],
      ]);
      for (const issue of result.issues) out += `  - ${issue.message}\n`;
      return out;
    });
    return result.status === 'genuine'
      ? 0
      : result.status === 'unknown'
        ? 3
        : result.status === 'invalid'
          ? 4
          : 1;
  },
};
