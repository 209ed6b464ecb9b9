/** `serialkit sku set|get|list`: SKU settings. */
import type { Sku, SkuUpdate, Warranty } from '@serialkit/core';
import { NotFoundError } from '../../errors.js';
import { type Command, type OptionValues, str } from '../command.js';
import { UsageError } from '../io.js';
import { fields, table } from '../table.js';

function skuFields(sku: Sku): string {
  const tracking = sku.serialTracking;
  return fields([
    ['sku', sku.sku],
    ['name', sku.name],
    ['gtin', sku.gtin],
    [
      'warranty',
      sku.warranty ? `${sku.warranty.months} months from ${sku.warranty.startsAt}` : undefined,
    ],
    ['tracking', tracking.enabled ? 'on' : 'off'],
    ['format', tracking.format ?? (tracking.regex ? `/${tracking.regex}/` : undefined)],
    ['uniqueness', tracking.uniqueness],
    ['updated', sku.updatedAt],
  ]);
}

const set: Command = {
  name: 'set',
  summary: 'Create or update a SKU (tracking, format, uniqueness)',
  usage: ['set <sku> --name NAME [--format PATTERN | --regex REGEX] [--gtin GTIN] [--off]'],
  description:
    'Options not given keep their current value. Formats use the serialkit pattern language, e.g. "SN-{YYYY}-{D:6}{check:luhn}".',
  examples: [
    'serialkit sku set HP-200 --name "Headphones" --format "SN-{YYYY}-{D:6}{check:luhn}" --gtin 04012345000016',
    'serialkit sku set HP-200 --off',
  ],
  options: {
    name: { type: 'string', value: 'NAME', description: 'Product name (required for a new SKU)' },
    format: { type: 'string', value: 'PATTERN', description: 'Serial format pattern' },
    regex: { type: 'string', value: 'REGEX', description: 'Legacy format as a regular expression' },
    gtin: { type: 'string', value: 'GTIN', description: 'GTIN-8/12/13/14 of the product' },
    uniqueness: {
      type: 'string',
      value: 'sku|global',
      description: 'Where serials are unique (default sku)',
    },
    'warranty-months': {
      type: 'string',
      value: 'N',
      description: 'Warranty length in months (kept when not given)',
    },
    'warranty-from': {
      type: 'string',
      value: 'shipment|registration',
      description: 'When the warranty starts (default shipment)',
    },
    'no-warranty': { type: 'boolean', description: 'Remove the warranty' },
    off: { type: 'boolean', description: 'Turn serial tracking off' },
    on: { type: 'boolean', description: 'Turn serial tracking on (the default)' },
  },
  async run({ args, options, client, print, note }) {
    const [id] = args;
    if (!id) throw new UsageError('Give the SKU id');
    const c = await client();
    const existing = await c.skus.get(id).catch((error: unknown) => {
      if (NotFoundError.isInstance(error)) return null;
      throw error;
    });
    const name = str(options, 'name') ?? existing?.name;
    if (!name) throw new UsageError(`SKU ${id} is new: give its --name`);
    const uniqueness = str(options, 'uniqueness') ?? existing?.serialTracking.uniqueness;
    if (uniqueness !== undefined && uniqueness !== 'sku' && uniqueness !== 'global') {
      throw new UsageError('--uniqueness is "sku" or "global"');
    }
    const format = str(options, 'format');
    const regex = str(options, 'regex');
    const tracking = existing?.serialTracking;
    const update: SkuUpdate = {
      name,
      serialTracking: {
        enabled: options.off ? false : options.on ? true : (tracking?.enabled ?? true),
        ...(format !== undefined
          ? { format }
          : regex !== undefined
            ? { regex }
            : tracking?.format !== undefined
              ? { format: tracking.format }
              : tracking?.regex !== undefined
                ? { regex: tracking.regex }
                : {}),
        ...(uniqueness ? { uniqueness } : {}),
      },
    };
    const gtin = str(options, 'gtin') ?? existing?.gtin;
    if (gtin) update.gtin = gtin;
    const warranty = warrantyOption(options, existing?.warranty);
    if (warranty) update.warranty = warranty;
    const sku = await c.skus.update(id, update);
    note(existing ? `Updated SKU ${id}` : `Created SKU ${id}`);
    print(sku, () => skuFields(sku));
    return undefined;
  },
};

const get: Command = {
  name: 'get',
  summary: 'Show a SKU',
  usage: ['get <sku>'],
  async run({ args, client, print }) {
    const [id] = args;
    if (!id) throw new UsageError('Give the SKU id');
    const sku = await (await client()).skus.get(id);
    print(sku, () => skuFields(sku));
    return undefined;
  },
};

const list: Command = {
  name: 'list',
  summary: 'List SKUs (all, or only those with tracking on)',
  usage: ['list [--tracking]'],
  options: { tracking: { type: 'boolean', description: 'Only SKUs with serial tracking on' } },
  async run({ options, client, print }) {
    const c = await client();
    const skus: Sku[] = [];
    for await (const sku of c.skus.list(options.tracking ? { tracking: true } : {})) skus.push(sku);
    print(skus, () =>
      skus.length === 0
        ? 'No SKUs yet. Create one: serialkit sku set <sku> --name "…" --format "…"\n'
        : table(
            ['sku', 'name', 'tracking', 'format', 'gtin'],
            skus.map((s) => [
              s.sku,
              s.name,
              s.serialTracking.enabled ? 'on' : 'off',
              s.serialTracking.format ??
                (s.serialTracking.regex ? `/${s.serialTracking.regex}/` : ''),
              s.gtin,
            ]),
          ),
    );
    return undefined;
  },
};

export const sku: Command = {
  name: 'sku',
  summary: 'Set, show and list SKUs and their serial tracking',
  usage: ['sku set <sku> --name NAME --format PATTERN', 'sku get <sku>', 'sku list [--tracking]'],
  subcommands: [set, get, list],
};

/** The SKU's warranty after `--warranty-months`, `--warranty-from` and `--no-warranty`. */
function warrantyOption(
  options: OptionValues,
  existing: Warranty | undefined,
): Warranty | undefined {
  if (options['no-warranty']) return undefined;
  const months = str(options, 'warranty-months');
  const from = str(options, 'warranty-from');
  if (months === undefined && from === undefined) return existing;
  const count = months === undefined ? existing?.months : Number(months);
  if (count === undefined || !Number.isInteger(count) || count < 1) {
    throw new UsageError('--warranty-months is a whole number of months, at least 1');
  }
  const startsAt = from ?? existing?.startsAt ?? 'shipment';
  if (startsAt !== 'shipment' && startsAt !== 'registration') {
    throw new UsageError('--warranty-from is "shipment" or "registration"');
  }
  return { months: count, startsAt };
}
