/** `serialkit recall create|list|get|contacts`. */
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Recall, RecallContact, RecallCreate } from '@serialkit/core';
import { type Command, str, strs } from '../command.js';
import { UsageError } from '../io.js';
import { progressBar } from '../progress.js';
import { fields, table } from '../table.js';
import { writeChunks } from '../write-chunks.js';

function recallFields(recall: Recall): string {
  const c = recall.criteria;
  return fields([
    ['id', recall.id],
    ['sku', recall.sku],
    ['notice', recall.notice],
    ['url', recall.url],
    ['range', c.range ? `${c.range.from} … ${c.range.to}` : undefined],
    ['lot', c.lot],
    [
      'manufactured',
      c.manufacturedBetween
        ? `${c.manufacturedBetween.from} … ${c.manufacturedBetween.to}`
        : undefined,
    ],
    ['listed serials', c.serials],
    ['created', recall.createdAt],
    ['affected', recall.counts.affected],
    ['shipped', recall.counts.shipped],
    ['in stock', recall.counts.inStock],
    ['other', recall.counts.other],
  ]);
}

const create: Command = {
  name: 'create',
  summary: 'Recall units of a SKU by serial range, lot, manufacture window or list',
  usage: [
    'create --sku SKU (--lot LOT | --from S --to S | --made-from D --made-to D | --serial S...) --notice TEXT [--url URL]',
  ],
  examples: [
    'serialkit recall create --sku BAT-18650 --lot L7Q2 --notice "Overheating risk: stop using"',
  ],
  options: {
    sku: { type: 'string', value: 'SKU', description: 'SKU of the recalled units' },
    lot: { type: 'string', value: 'LOT', description: 'Recall a lot' },
    from: { type: 'string', value: 'SERIAL', description: 'First serial of a range' },
    to: { type: 'string', value: 'SERIAL', description: 'Last serial of a range' },
    'made-from': { type: 'string', value: 'DATE', description: 'Manufactured on or after' },
    'made-to': { type: 'string', value: 'DATE', description: 'Manufactured on or before' },
    serial: { type: 'string', multiple: true, value: 'SERIAL', description: 'A recalled serial' },
    notice: { type: 'string', value: 'TEXT', description: 'What customers are told' },
    url: { type: 'string', value: 'URL', description: 'Where customers learn more' },
  },
  async run({ options, client, print, note }) {
    const sku = str(options, 'sku');
    const notice = str(options, 'notice');
    if (!sku || !notice) throw new UsageError('Give the --sku and the --notice');
    const from = str(options, 'from');
    const to = str(options, 'to');
    if ((from === undefined) !== (to === undefined))
      throw new UsageError('Give both --from and --to');
    const madeFrom = str(options, 'made-from');
    const madeTo = str(options, 'made-to');
    if ((madeFrom === undefined) !== (madeTo === undefined))
      throw new UsageError('Give both --made-from and --made-to');
    const lot = str(options, 'lot');
    const url = str(options, 'url');
    const serials = strs(options, 'serial');
    const input: RecallCreate = {
      sku,
      notice,
      ...(url ? { url } : {}),
      ...(lot ? { lot } : {}),
      ...(from && to ? { range: { from, to } } : {}),
      ...(madeFrom && madeTo ? { manufacturedBetween: { from: madeFrom, to: madeTo } } : {}),
      ...(serials.length ? { serials } : {}),
    };
    if (!lot && !from && !madeFrom && !serials.length) {
      throw new UsageError(
        'Select the units: --lot, --from/--to, --made-from/--made-to or --serial',
      );
    }
    const recall = await (await client()).recalls.create(input);
    note(
      `Recall ${recall.id}: ${recall.counts.affected.toLocaleString('en')} units, ${recall.counts.shipped.toLocaleString('en')} with customers`,
    );
    print(recall, () => recallFields(recall));
    return undefined;
  },
};

const list: Command = {
  name: 'list',
  summary: 'List recalls, newest first',
  usage: ['list [--sku SKU]'],
  options: { sku: { type: 'string', value: 'SKU', description: 'Only recalls of this SKU' } },
  async run({ options, client, print }) {
    const sku = str(options, 'sku');
    const recalls: Recall[] = [];
    for await (const recall of (await client()).recalls.list(sku ? { sku } : {}))
      recalls.push(recall);
    print(recalls, () =>
      recalls.length === 0
        ? 'No recalls.\n'
        : table(
            ['id', 'sku', 'created', 'affected', 'shipped', 'notice'],
            recalls.map((r) => [
              r.id,
              r.sku,
              r.createdAt,
              r.counts.affected,
              r.counts.shipped,
              r.notice.slice(0, 40),
            ]),
          ),
    );
    return undefined;
  },
};

const get: Command = {
  name: 'get',
  summary: 'Show a recall and its counts',
  usage: ['get <id>'],
  async run({ args, client, print }) {
    if (!args[0]) throw new UsageError('Give the recall id');
    const recall = await (await client()).recalls.get(args[0]);
    print(recall, () => recallFields(recall));
    return undefined;
  },
};

const contacts: Command = {
  name: 'contacts',
  summary: 'Orders and customers to contact about a recall (table, JSON or CSV)',
  usage: ['contacts <id> [--csv] [--out FILE]'],
  examples: ['serialkit recall contacts rcl_123 --csv --out contacts.csv'],
  options: {
    csv: { type: 'boolean', description: 'CSV (every contact, streamed)' },
    out: { type: 'string', value: 'FILE', description: 'Write to a file instead of stdout' },
  },
  async run({ args, options, io, json, client, print, note }) {
    const [id] = args;
    if (!id) throw new UsageError('Give the recall id');
    const c = await client();
    const out = str(options, 'out');
    if (options.csv) {
      const target = out ? createWriteStream(resolve(io.cwd, out)) : undefined;
      const bar = progressBar(io, {
        label: 'contacts',
        unit: 'rows',
        wanted: Boolean(out && !json),
      });
      const lines = await writeChunks(c.recalls.affectedCsv(id), target ?? io.stdout, bar);
      if (out) note(`Wrote ${Math.max(0, lines - 1).toLocaleString('en')} contacts to ${out}`);
      return undefined;
    }
    const all: RecallContact[] = [];
    for await (const contact of c.recalls.affected(id)) all.push(contact);
    print(all, () =>
      all.length === 0
        ? 'No shipped units under this recall.\n'
        : table(
            ['order', 'channel', 'contact', 'sku', 'units', 'shipped'],
            all.map((x) => [
              x.orderId,
              x.channel,
              x.email ?? x.accountName ?? x.accountId ?? x.customerId,
              x.sku,
              x.serials.length,
              x.shippedAt,
            ]),
          ),
    );
    return undefined;
  },
};

export const recall: Command = {
  name: 'recall',
  summary: 'Create recalls and list the customers to contact',
  usage: [
    'recall create --sku SKU --lot LOT --notice TEXT',
    'recall list',
    'recall get <id>',
    'recall contacts <id> [--csv]',
  ],
  subcommands: [create, list, get, contacts],
};
