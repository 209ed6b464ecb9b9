/** `serialkit correct …`: undo a warehouse's mistakes on one unit. */
import type { SerialRecord } from '@serialkit/core';
import { type Command, type OptionValues, skuOf, skuOption, str } from '../command.js';
import { UsageError } from '../io.js';
import { fields } from '../table.js';

const reasonOption = {
  reason: { type: 'string', value: 'TEXT', description: 'Why, for the history' },
} as const;

function serialArg(args: string[]): string {
  const [serial] = args;
  if (!serial) throw new UsageError('Give the serial (or scanned code) of the unit');
  return serial;
}

function reasonOf(options: OptionValues): { reason?: string } {
  const reason = str(options, 'reason');
  return reason === undefined ? {} : { reason };
}

function requiredReason(options: OptionValues): string {
  const reason = str(options, 'reason');
  if (!reason) throw new UsageError('Give the --reason, for the history');
  return reason;
}

function unitFields(record: SerialRecord): string {
  return fields([
    ['serial', record.serial],
    ['sku', record.sku],
    ['status', record.status],
    ['recall', record.recallId],
    ['lot', record.lot],
    ['manufactured', record.manufacturedAt],
    ['received', record.receivedAt],
  ]);
}

const release: Command = {
  name: 'release',
  summary: 'Release a quarantined unit to stock, or scrap it',
  usage: ['correct release <serial> [--scrap] [--reason TEXT] [--sku SKU]'],
  options: {
    ...skuOption,
    ...reasonOption,
    scrap: { type: 'boolean', description: 'Scrap the unit instead of restocking it' },
  },
  async run({ args, options, client, print, note }) {
    const to = options.scrap === true ? 'scrapped' : 'in_stock';
    const record = await (await client()).corrections.release(serialArg(args), {
      to,
      ...skuOf(options),
      ...reasonOf(options),
    });
    note(to === 'in_stock' ? 'Released to stock' : 'Scrapped');
    print(record, () => unitFields(record));
    return undefined;
  },
};

const liftRecall: Command = {
  name: 'lift-recall',
  summary: 'Take one unit out of its recall (found not affected)',
  usage: ['correct lift-recall <serial> --reason TEXT [--sku SKU]'],
  options: { ...skuOption, ...reasonOption },
  async run({ args, options, client, print, note }) {
    const record = await (await client()).corrections.liftRecall(serialArg(args), {
      reason: requiredReason(options),
      ...skuOf(options),
    });
    note('Recall lifted for this unit');
    print(record, () => unitFields(record));
    return undefined;
  },
};

const voidCmd: Command = {
  name: 'void',
  summary: 'Void a unit registered by mistake',
  usage: ['correct void <serial> --reason TEXT [--sku SKU]'],
  description:
    'The unit leaves stock and its history stays. Its serial is freed for a new registration ' +
    'unless the SKU numbers its units from a sequence ({seq:N}).',
  options: { ...skuOption, ...reasonOption },
  async run({ args, options, client, print, note }) {
    const result = await (await client()).corrections.void(serialArg(args), {
      reason: requiredReason(options),
      ...skuOf(options),
    });
    note(result.freed ? 'Voided; the serial can be registered again' : 'Voided');
    print(result, () =>
      fields([
        ['serial', result.serial],
        ['sku', result.sku],
        ['freed', result.freed ? 'yes' : 'no'],
      ]),
    );
    return undefined;
  },
};

const edit: Command = {
  name: 'edit',
  summary: "Edit a unit's lot and dates (the old values stay in its history)",
  usage: [
    'correct edit <serial> [--lot LOT] [--manufactured DATE] [--received DATE] [--reason TEXT]',
  ],
  description: 'An empty value clears the field: --lot "".',
  options: {
    ...skuOption,
    ...reasonOption,
    lot: { type: 'string', value: 'LOT', description: 'New lot ("" clears it)' },
    manufactured: { type: 'string', value: 'DATE', description: 'New manufacture date' },
    received: { type: 'string', value: 'DATE', description: 'New date received' },
  },
  async run({ args, options, client, print, note }) {
    const field = (name: string) => {
      const value = str(options, name);
      return value === undefined ? undefined : value === '' ? null : value;
    };
    const lot = field('lot');
    const manufacturedAt = field('manufactured');
    const receivedAt = field('received');
    const record = await (await client()).corrections.edit(serialArg(args), {
      ...(lot !== undefined && { lot }),
      ...(manufacturedAt !== undefined && { manufacturedAt }),
      ...(receivedAt !== undefined && { receivedAt }),
      ...skuOf(options),
      ...reasonOf(options),
    });
    note('Unit corrected');
    print(record, () => unitFields(record));
    return undefined;
  },
};

export const correct: Command = {
  name: 'correct',
  summary: 'Correct a unit: release from quarantine, lift its recall, void it, edit lot and dates',
  usage: [
    'correct release <serial> [--scrap]',
    'correct lift-recall <serial> --reason TEXT',
    'correct void <serial> --reason TEXT',
    'correct edit <serial> [--lot LOT] [--manufactured DATE] [--received DATE]',
  ],
  subcommands: [release, liftRecall, voidCmd, edit],
};
