/** `serialkit warranty coverage|claim|claims`. */
import type { WarrantyClaim } from '@serialkit/core';
import { type Command, str } from '../command.js';
import { UsageError } from '../io.js';
import { fields, table } from '../table.js';

const skuOption = {
  sku: { type: 'string' as const, value: 'SKU', description: 'SKU of the unit' },
};

const coverage: Command = {
  name: 'coverage',
  summary: "A unit's warranty coverage",
  usage: ['coverage <serial> [--sku SKU]'],
  options: skuOption,
  async run({ args, options, client, print }) {
    if (!args[0]) throw new UsageError('Give the serial');
    const sku = str(options, 'sku');
    const result = await (await client()).warranty.coverage(args[0], sku ? { sku } : {});
    print({ coverage: result }, () =>
      result === null
        ? 'No coverage (no warranty, or not started).\n'
        : fields([
            ['from', result.start],
            ['until', result.end],
            ['active', result.active ? 'yes' : 'no'],
            ['starts at', result.startsAt],
          ]),
    );
    return undefined;
  },
};

const claim: Command = {
  name: 'claim',
  summary: 'Record a warranty claim: accepted or refused, with the reason',
  usage: [
    'claim <serial> --accept|--refuse --reason TEXT [--resolution repaired|replaced|refunded] [--reference REF]',
  ],
  examples: [
    'serialkit warranty claim SN-2024-0000016 --accept --reason "Dead key" --resolution replaced',
  ],
  options: {
    ...skuOption,
    accept: { type: 'boolean', description: 'The claim is accepted' },
    refuse: { type: 'boolean', description: 'The claim is refused' },
    reason: { type: 'string', value: 'TEXT', description: 'Why' },
    resolution: { type: 'string', value: 'WHAT', description: 'repaired, replaced or refunded' },
    reference: { type: 'string', value: 'REF', description: 'Your ticket id' },
  },
  async run({ args, options, client, print, note }) {
    if (!args[0]) throw new UsageError('Give the serial');
    if (Boolean(options.accept) === Boolean(options.refuse)) {
      throw new UsageError('Give --accept or --refuse');
    }
    const reason = str(options, 'reason');
    if (!reason) throw new UsageError('Give the --reason');
    const resolution = str(options, 'resolution');
    const reference = str(options, 'reference');
    const input = {
      decision: options.accept ? 'accepted' : 'refused',
      reason,
      ...(resolution === undefined ? {} : { resolution }),
      ...(reference === undefined ? {} : { reference }),
    } as WarrantyClaim;
    const sku = str(options, 'sku');
    const record = await (await client()).warranty.claim(args[0], input, sku ? { sku } : {});
    if (record.flags.includes('already_replaced')) {
      note('Flagged: this unit was already replaced under an earlier claim');
    }
    print(record, () =>
      fields([
        ['serial', record.serial],
        ['decision', record.decision],
        ['reason', record.reason],
        ['resolution', record.resolution],
        ['covered', record.covered ? 'yes' : 'no'],
        ['flags', record.flags.join(', ') || undefined],
      ]),
    );
    return undefined;
  },
};

const claims: Command = {
  name: 'claims',
  summary: "A unit's warranty claims, oldest first",
  usage: ['claims <serial> [--sku SKU]'],
  options: skuOption,
  async run({ args, options, client, print }) {
    if (!args[0]) throw new UsageError('Give the serial');
    const sku = str(options, 'sku');
    const all = await (await client()).warranty.claims(args[0], sku ? { sku } : {});
    print(all, () =>
      all.length === 0
        ? 'No claims.\n'
        : table(
            ['at', 'decision', 'resolution', 'covered', 'flags', 'reason'],
            all.map((c) => [
              c.at,
              c.decision,
              c.resolution,
              c.covered ? 'yes' : 'no',
              c.flags.join(','),
              c.reason,
            ]),
          ),
    );
    return undefined;
  },
};

export const warranty: Command = {
  name: 'warranty',
  summary: 'Warranty coverage and claims',
  usage: [
    'warranty coverage <serial>',
    'warranty claim <serial> --accept|--refuse --reason TEXT',
    'warranty claims <serial>',
  ],
  subcommands: [coverage, claim, claims],
};
