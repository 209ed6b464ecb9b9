/** `serialkit ship` and `serialkit return check|accept|reject`. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReturnCheck, SerialRecord, ShipmentCreate } from '@serialkit/core';
import { ACCOUNT_OPTIONS, accountFrom } from '../account-options.js';
import { type Command, type OptionValues, skuOf, skuOption, str, strs } from '../command.js';
import { UsageError } from '../io.js';
import { fields, table } from '../table.js';

export const ship: Command = {
  name: 'ship',
  summary: 'Ship units on an order, to a customer (B2C) or a business account (B2B)',
  usage: [
    'ship --order ID --email EMAIL [--name NAME] --sku SKU <serial>...',
    'ship --order ID --account ID [--account-name NAME] [--account-email EMAIL] --sku SKU <serial>...',
    'ship --file shipment.json',
  ],
  description:
    'All units ship or none: a unit that is not in stock fails the whole shipment (exit 4). For several SKUs use --line SKU=SERIAL,SERIAL (repeatable) or --file with a JSON shipment.',
  examples: [
    'serialkit ship --order ORD-1001 --email ada@example.com --sku HP-200 SN-2024-0000024',
    'serialkit ship --order PO-77 --account RESELLER-9 --account-email recalls@reseller.example --line CH-65W=ABC0000001,ABC0000002',
  ],
  options: {
    order: { type: 'string', value: 'ID', description: 'Order id' },
    shipment: { type: 'string', value: 'ID', description: 'Shipment id (parcel)' },
    email: { type: 'string', value: 'EMAIL', description: 'B2C customer email' },
    name: { type: 'string', value: 'NAME', description: 'B2C customer name' },
    customer: { type: 'string', value: 'ID', description: 'B2C customer id' },
    postcode: { type: 'string', value: 'CODE', description: 'B2C customer postcode' },
    ...ACCOUNT_OPTIONS,
    sku: { type: 'string', value: 'SKU', description: 'SKU of the serials given as arguments' },
    line: {
      type: 'string',
      multiple: true,
      value: 'SKU=S1,S2',
      description: 'A line of the order',
    },
    at: { type: 'string', value: 'DATE', description: 'Shipping time (default now)' },
    file: { type: 'string', value: 'FILE', description: 'JSON shipment (POST /v1/shipments body)' },
  },
  async run({ args, options, io, client, print, note }) {
    let input: ShipmentCreate;
    const file = str(options, 'file');
    if (file) {
      input = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')) as ShipmentCreate;
    } else {
      const orderId = str(options, 'order');
      if (!orderId) throw new UsageError('Give the --order id');
      const lines: ShipmentCreate['lines'] = [];
      const sku = str(options, 'sku');
      if (args.length) {
        if (!sku) throw new UsageError('Give the --sku of the serials');
        lines.push({ sku, serials: args });
      }
      for (const line of strs(options, 'line')) {
        const eq = line.indexOf('=');
        if (eq < 1) throw new UsageError(`--line expects SKU=SERIAL,SERIAL (got "${line}")`);
        lines.push({
          sku: line.slice(0, eq),
          serials: line
            .slice(eq + 1)
            .split(',')
            .filter(Boolean),
        });
      }
      if (!lines.length) throw new UsageError('Give the serials to ship (with --sku) or --line');
      const account = accountFrom(options);
      const email = str(options, 'email');
      const customerId = str(options, 'customer');
      if (account && (email || customerId))
        throw new UsageError('Give a customer (B2C) or an --account (B2B), not both');
      if (!account && !email && !customerId)
        throw new UsageError('Give the customer --email (B2C) or the --account (B2B)');
      const shipmentId = str(options, 'shipment');
      const at = str(options, 'at');
      const name = str(options, 'name');
      const postcode = str(options, 'postcode');
      input = {
        orderId,
        ...(shipmentId ? { shipmentId } : {}),
        ...(at ? { shippedAt: at } : {}),
        lines,
        ...(account
          ? { channel: 'b2b', account }
          : {
              channel: 'b2c',
              customer: {
                ...(customerId ? { id: customerId } : {}),
                ...(email ? { email } : {}),
                ...(name ? { name } : {}),
                ...(postcode ? { postcode } : {}),
              },
            }),
      } as ShipmentCreate;
    }
    const shipment = await (await client()).shipments.create(input);
    note(`Shipped ${shipment.units.length} unit(s) on order ${shipment.orderId}`);
    print(shipment, () =>
      table(
        ['sku', 'serial'],
        shipment.units.map((u) => [u.sku, u.serial]),
      ),
    );
    return undefined;
  },
};

const returnOptions = {
  order: { type: 'string', value: 'ID', description: 'The order the customer returns against' },
  ...skuOption,
} as const;

function returnInput(args: string[], options: OptionValues) {
  const [serial] = args;
  const orderId = str(options, 'order');
  if (!serial || !orderId) throw new UsageError('Give the returned serial and the --order id');
  return { orderId, serial, ...skuOf(options) };
}

function recordFields(record: SerialRecord): string {
  return fields([
    ['serial', record.serial],
    ['sku', record.sku],
    ['status', record.status],
    ['order', record.shipment?.orderId],
  ]);
}

const check: Command = {
  name: 'check',
  summary:
    'Does this unit belong to this order? (match, mismatch, unknown, invalid, already_returned)',
  usage: ['check <serial> --order ID [--sku SKU]'],
  description: 'Exit code: 0 match, 4 any other verdict.',
  options: returnOptions,
  async run({ args, options, client, print }) {
    const result: ReturnCheck = await (await client()).returns.check(returnInput(args, options));
    print(result, () => {
      let out = fields([
        ['verdict', result.verdict],
        ['order', result.orderId],
        ['serial', result.serial],
        ['sku', result.sku],
        ['shipped in order', result.shippedInOrderId],
      ]);
      for (const issue of result.issues ?? []) out += `  - ${issue.message}\n`;
      return out;
    });
    return result.verdict === 'match' ? 0 : 4;
  },
};

const accept: Command = {
  name: 'accept',
  summary: 'Accept a return: restock, quarantine or scrap the unit',
  usage: ['accept <serial> --order ID [--disposition restock|quarantine|scrap] [--reason TEXT]'],
  options: {
    ...returnOptions,
    disposition: {
      type: 'string',
      value: 'WHAT',
      description: 'restock (default), quarantine or scrap',
    },
    reason: { type: 'string', value: 'TEXT', description: 'Why, for the history' },
  },
  async run({ args, options, client, print, note }) {
    const disposition = str(options, 'disposition') ?? 'restock';
    if (!['restock', 'quarantine', 'scrap'].includes(disposition)) {
      throw new UsageError('--disposition is restock, quarantine or scrap');
    }
    const reason = str(options, 'reason');
    const record = await (await client()).returns.accept({
      ...returnInput(args, options),
      disposition: disposition as 'restock',
      ...(reason ? { reason } : {}),
    });
    note(`Return accepted (${disposition})`);
    print(record, () => recordFields(record));
    return undefined;
  },
};

const reject: Command = {
  name: 'reject',
  summary: 'Reject a return, recording the reason',
  usage: ['reject <serial> --order ID --reason TEXT'],
  options: {
    ...returnOptions,
    reason: { type: 'string', value: 'TEXT', description: 'Why (required)' },
  },
  async run({ args, options, client, print, note }) {
    const reason = str(options, 'reason');
    if (!reason) throw new UsageError('Give the --reason for rejecting');
    const event = await (await client()).returns.reject({ ...returnInput(args, options), reason });
    note('Return rejected');
    print(event, () =>
      fields([
        ['serial', event.serial],
        ['sku', event.sku],
        ['event', event.type],
        ['at', event.at],
        ['reason', reason],
      ]),
    );
    return undefined;
  },
};

export const returns: Command = {
  name: 'return',
  summary: 'Check, accept or reject returned units',
  usage: [
    'return check <serial> --order ID',
    'return accept <serial> --order ID',
    'return reject <serial> --order ID --reason TEXT',
  ],
  subcommands: [check, accept, reject],
};
