/** `serialkit orders create|list|show|cancel|pick|unpick|ship|cancel-shipment`: packing against orders. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Order, OrderCreate, OrderStatus, PickResult } from '@serialkit/core';
import { ACCOUNT_OPTIONS, accountFrom } from '../account-options.js';
import { type Command, str, strs } from '../command.js';
import { UsageError } from '../io.js';
import { fields, table } from '../table.js';
import { importOrdersCmd } from './order-import.js';

const STATUSES: readonly OrderStatus[] = ['open', 'partially_shipped', 'shipped', 'cancelled'];

function orderText(order: Order): string {
  let out = fields([
    ['order', order.id],
    ['status', order.status],
    ['channel', order.channel],
    ['account', order.account?.id],
    ['source', order.source],
    ['placed', order.placedAt],
    ['created', order.createdAt],
  ]);
  out += table(
    ['sku', 'quantity', 'picked', 'shipped'],
    order.lines.map((line) => [line.sku, line.quantity, line.picked, line.shipped]),
  );
  if (order.picks.length) {
    out += `picked:\n${order.picks.map((p) => `  ${p.sku} ${p.serial}\n`).join('')}`;
  }
  for (const s of order.shipments) {
    out += `shipment ${s.shipmentId} ${s.shippedAt}${s.cancelledAt ? ` (cancelled ${s.cancelledAt})` : ''}: ${s.units.length} unit(s)\n`;
  }
  return out;
}

/** `SKU=QTY` pairs of --line and --untracked. */
function quantities(values: string[], option: string): { sku: string; quantity: number }[] {
  return values.map((value) => {
    const eq = value.lastIndexOf('=');
    const quantity = Number(value.slice(eq + 1));
    if (eq < 1 || !Number.isInteger(quantity) || quantity < 1) {
      throw new UsageError(`--${option} expects SKU=QUANTITY (got "${value}")`);
    }
    return { sku: value.slice(0, eq), quantity };
  });
}

function orderId(args: string[]): string {
  const id = args[0];
  if (!id) throw new UsageError('Give the order id');
  return id;
}

const create: Command = {
  name: 'create',
  summary: 'Create an order to pack',
  usage: [
    'create <id> --email EMAIL [--name NAME] --line SKU=QTY...',
    'create <id> --account ID [--account-name NAME] [--account-email EMAIL] --line SKU=QTY...',
    'create --file order.json',
  ],
  examples: [
    'serialkit orders create ORD-2001 --email ada@example.com --line HP-200=2 --line CABLE-1=1',
  ],
  options: {
    line: { type: 'string', multiple: true, value: 'SKU=QTY', description: 'A line of the order' },
    email: { type: 'string', value: 'EMAIL', description: 'B2C customer email' },
    name: { type: 'string', value: 'NAME', description: 'B2C customer name' },
    customer: { type: 'string', value: 'ID', description: 'B2C customer id' },
    postcode: { type: 'string', value: 'CODE', description: 'B2C customer postcode' },
    ...ACCOUNT_OPTIONS,
    file: { type: 'string', value: 'FILE', description: 'JSON order (POST /v1/orders body)' },
  },
  async run({ args, options, io, client, print }) {
    let input: OrderCreate;
    const file = str(options, 'file');
    if (file) {
      input = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')) as OrderCreate;
    } else {
      const lines = quantities(strs(options, 'line'), 'line');
      if (!lines.length) throw new UsageError('Give the lines: --line SKU=QTY');
      const account = accountFrom(options);
      const customer = {
        ...(str(options, 'customer') ? { id: str(options, 'customer') } : {}),
        ...(str(options, 'email') ? { email: str(options, 'email') } : {}),
        ...(str(options, 'name') ? { name: str(options, 'name') } : {}),
        ...(str(options, 'postcode') ? { postcode: str(options, 'postcode') } : {}),
      };
      if (account && Object.keys(customer).length)
        throw new UsageError('Give a customer (B2C) or an --account (B2B), not both');
      input = {
        id: orderId(args),
        channel: account ? 'b2b' : 'b2c',
        ...(account ? { account } : {}),
        ...(Object.keys(customer).length ? { customer } : {}),
        lines,
        source: 'cli',
      };
    }
    const order = await (await client()).orders.create(input);
    print(order, () => orderText(order));
    return 0;
  },
};

const list: Command = {
  name: 'list',
  summary: 'Orders, newest first (default: open ones)',
  usage: ['list [--status open|partially_shipped|shipped|cancelled|all] [--sku SKU] [--limit N]'],
  options: {
    status: { type: 'string', value: 'STATUS', description: 'open (default), …, or all' },
    sku: { type: 'string', value: 'SKU', description: 'Orders with a line of this SKU' },
    limit: { type: 'string', value: 'N', description: 'At most N orders (default 100)' },
  },
  async run({ options, client, print }) {
    const status = str(options, 'status') ?? 'open';
    if (status !== 'all' && !STATUSES.includes(status as OrderStatus)) {
      throw new UsageError(`--status is one of ${STATUSES.join(', ')} or all`);
    }
    const limit = Number(str(options, 'limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit is a positive number');
    const sku = str(options, 'sku');
    const page = await (await client()).orders.list({
      ...(status === 'all' ? {} : { status: status as OrderStatus }),
      ...(sku ? { sku } : {}),
      limit,
    });
    print(page, () =>
      table(
        ['order', 'status', 'channel', 'lines', 'picked', 'shipped', 'created'],
        page.items.map((o) => [
          o.id,
          o.status,
          o.channel,
          o.lines.map((l) => `${l.sku}×${l.quantity}`).join(' '),
          o.lines.reduce((n, l) => n + l.picked, 0),
          o.lines.reduce((n, l) => n + l.shipped, 0),
          o.createdAt,
        ]),
      ),
    );
    return 0;
  },
};

const show: Command = {
  name: 'show',
  summary: 'An order with its lines, picks and shipments',
  usage: ['show <id>'],
  async run({ args, client, print }) {
    const order = await (await client()).orders.get(orderId(args));
    print(order, () => orderText(order));
    return 0;
  },
};

const cancel: Command = {
  name: 'cancel',
  summary: 'Cancel an order; its picked units go back to stock',
  usage: ['cancel <id>'],
  async run({ args, client, print }) {
    const order = await (await client()).orders.cancel(orderId(args));
    print(order, () => orderText(order));
    return 0;
  },
};

const pick: Command = {
  name: 'pick',
  summary: 'Pick units for an order by serial or scanned code (exit 4 if any is refused)',
  usage: ['pick <id> <serial or scanned code>... [--sku SKU]'],
  examples: [
    'serialkit orders pick ORD-2001 SN-2024-0000131',
    "serialkit orders pick ORD-2001 '(01)04012345000016(21)SN-2024-0000214'",
  ],
  options: { sku: { type: 'string', value: 'SKU', description: 'The SKU of the scans' } },
  async run({ args, options, client, print }) {
    const id = orderId(args);
    const inputs = args.slice(1);
    if (!inputs.length) throw new UsageError('Give the serials or scanned codes to pick');
    const sku = str(options, 'sku');
    const c = await client();
    const results: PickResult[] = [];
    for (const input of inputs) results.push(await c.orders.pick(id, input, sku ? { sku } : {}));
    print(results, () =>
      table(
        ['input', 'outcome', 'sku', 'serial', 'did you mean'],
        results.map((r) => [
          r.input,
          r.outcome,
          r.sku,
          r.serial,
          r.suggestions?.map((s) => `${s.sku} ${s.serial}`).join(', '),
        ]),
      ),
    );
    return results.every((r) => r.outcome === 'accepted') ? 0 : 4;
  },
};

const unpick: Command = {
  name: 'unpick',
  summary: 'Give a picked unit back to stock',
  usage: ['unpick <id> <serial> --sku SKU'],
  options: { sku: { type: 'string', value: 'SKU', description: 'The SKU of the unit' } },
  async run({ args, options, client, print }) {
    const sku = str(options, 'sku');
    const serial = args[1];
    if (!sku || !serial) throw new UsageError('Give the serial and its --sku');
    const order = await (await client()).orders.unpick(orderId(args), { sku, serial });
    print(order, () => orderText(order));
    return 0;
  },
};

const ship: Command = {
  name: 'ship',
  summary: 'Ship the picked units (and untracked quantities) against the order',
  usage: ['ship <id> [--partial] [--untracked SKU=QTY...] [--shipment ID]'],
  options: {
    partial: { type: 'boolean', description: 'Ship what is picked though lines stay open' },
    untracked: {
      type: 'string',
      multiple: true,
      value: 'SKU=QTY',
      description: 'Units of an untracked SKU',
    },
    shipment: { type: 'string', value: 'ID', description: 'Shipment id (default ORDER-n)' },
  },
  async run({ args, options, client, print }) {
    const untracked = quantities(strs(options, 'untracked'), 'untracked');
    const shipmentId = str(options, 'shipment');
    const result = await (await client()).orders.ship(orderId(args), {
      ...(options.partial === true ? { partial: true } : {}),
      ...(untracked.length ? { untracked } : {}),
      ...(shipmentId ? { shipmentId } : {}),
    });
    print(result, () => `shipped ${result.shipment.shipmentId}\n${orderText(result.order)}`);
    return 0;
  },
};

const cancelShipment: Command = {
  name: 'cancel-shipment',
  summary: "Cancel a shipment: its units go back to stock, the order's lines reopen",
  usage: ['cancel-shipment <id> <shipment id>'],
  async run({ args, client, print }) {
    const shipmentId = args[1];
    if (!shipmentId) throw new UsageError('Give the shipment id');
    const order = await (await client()).orders.cancelShipment(orderId(args), shipmentId);
    print(order, () => orderText(order));
    return 0;
  },
};

export const orders: Command = {
  name: 'orders',
  summary: 'Orders to pack: create, list, pick units by scan, ship, cancel',
  usage: [
    'orders create <id> --email EMAIL --line SKU=QTY...',
    'orders list [--status STATUS] [--sku SKU]',
    'orders show <id>',
    'orders pick <id> <serial>...',
    'orders unpick <id> <serial> --sku SKU',
    'orders ship <id> [--partial] [--untracked SKU=QTY]',
    'orders cancel <id>',
    'orders cancel-shipment <id> <shipment id>',
    'orders import <file.csv | ->',
  ],
  subcommands: [create, list, show, pick, unpick, ship, cancel, cancelShipment, importOrdersCmd],
};
