/** `serialkit owners list|export|erase`: registered owners (personal data). */
import type { Owner, OwnerStatus } from '@serialkit/core';
import { type Command, str } from '../command.js';
import { UsageError } from '../io.js';
import { table } from '../table.js';

const STATUSES: readonly OwnerStatus[] = ['active', 'pending_review', 'erased'];

const list: Command = {
  name: 'list',
  summary: "Registered owners: a unit's, those to review, or one person's",
  usage: ['list [<serial>] [--sku SKU] [--status active|pending_review|erased] [--email EMAIL]'],
  examples: ['serialkit owners list --status pending_review'],
  options: {
    sku: { type: 'string', value: 'SKU', description: 'SKU of the unit (when SKUs share serials)' },
    status: { type: 'string', value: 'STATUS', description: 'Only owners with this status' },
    email: { type: 'string', value: 'EMAIL', description: "Only this person's registrations" },
  },
  async run({ args, options, client, print }) {
    const status = str(options, 'status');
    if (status !== undefined && !STATUSES.includes(status as OwnerStatus)) {
      throw new UsageError(`--status is one of ${STATUSES.join(', ')}`);
    }
    const sku = str(options, 'sku');
    const email = str(options, 'email');
    const owners: Owner[] = [];
    const filter = {
      ...(args[0] === undefined ? {} : { serial: args[0] }),
      ...(sku === undefined ? {} : { sku }),
      ...(status === undefined ? {} : { status: status as OwnerStatus }),
      ...(email === undefined ? {} : { email }),
    };
    for await (const owner of (await client()).owners.list(filter)) owners.push(owner);
    print(owners, () =>
      owners.length === 0
        ? 'No owners.\n'
        : table(
            ['id', 'sku', 'serial', 'status', 'name', 'email', 'registered'],
            owners.map((o) => [o.id, o.sku, o.serial, o.status, o.name, o.email, o.registeredAt]),
          ),
    );
    return undefined;
  },
};

const exportOwners: Command = {
  name: 'export',
  summary: "A unit's owners as CSV (a data-subject access request)",
  usage: ['export <serial> [--sku SKU]'],
  options: { sku: { type: 'string', value: 'SKU', description: 'SKU of the unit' } },
  async run({ args, options, io, client }) {
    if (!args[0]) throw new UsageError('Give the serial');
    const sku = str(options, 'sku');
    const c = await client();
    for await (const line of c.owners.exportCsv(args[0], sku === undefined ? {} : { sku })) {
      io.stdout.write(line);
    }
    return undefined;
  },
};

const erase: Command = {
  name: 'erase',
  summary: "Erase an owner's name and email (a data-subject request)",
  usage: ['erase <owner-id>'],
  async run({ args, client, print, note }) {
    if (!args[0]) throw new UsageError('Give the owner id');
    const owner = await (await client()).owners.erase(args[0]);
    note(`Erased owner ${owner.id}`);
    print(owner, () => `${owner.id} ${owner.status} ${owner.erasedAt ?? ''}\n`);
    return undefined;
  },
};

export const owners: Command = {
  name: 'owners',
  summary: 'Registered owners: list, export as CSV, erase',
  usage: ['owners list [<serial>]', 'owners export <serial>', 'owners erase <owner-id>'],
  subcommands: [list, exportOwners, erase],
};
