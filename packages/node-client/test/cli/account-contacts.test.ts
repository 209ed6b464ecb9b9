/** A B2B account's contact from the command line: shipped with the units, joined by recalls. */
import { describe, expect, test } from 'vitest';
import { cliOnTemporaryStore } from './harness.js';

const { cli } = cliOnTemporaryStore('accounts');

describe('account contacts from the CLI', () => {
  test('ship --account-contact/--account-email/--account-phone reach the recall contacts', async () => {
    expect(
      (await cli(['sku', 'set', 'KB', '--name', 'Keyboard', '--format', 'KB-{D:4}'])).code,
    ).toBe(0);
    await cli(['generate', 'KB', '2', '--json']);
    const shipped = await cli([
      'ship',
      '--order',
      'PO-7',
      '--account',
      'RESELLER-9',
      '--account-name',
      'Keys & Co',
      '--account-contact',
      'Sam Reyes',
      '--account-email',
      'recalls@keys.example',
      '--account-phone',
      '+44 20 7946 0000',
      '--sku',
      'KB',
      'KB-0001',
      'KB-0002',
    ]);
    expect(shipped.code, shipped.stderr).toBe(0);
    const lookup = JSON.parse((await cli(['lookup', 'KB-0001', '--json'])).stdout);
    expect(lookup.record.shipment.account).toEqual({
      id: 'RESELLER-9',
      name: 'Keys & Co',
      contactName: 'Sam Reyes',
      email: 'recalls@keys.example',
      phone: '+44 20 7946 0000',
    });
    const recall = await cli([
      'recall',
      'create',
      '--sku',
      'KB',
      '--from',
      'KB-0001',
      '--to',
      'KB-0002',
      '--notice',
      'Check',
      '--json',
    ]);
    expect(recall.code, recall.stderr).toBe(0);
    const { id } = JSON.parse(recall.stdout);
    const contacts = JSON.parse((await cli(['recall', 'contacts', id, '--json'])).stdout);
    expect(contacts).toMatchObject([
      {
        kind: 'account',
        accountId: 'RESELLER-9',
        accountName: 'Keys & Co',
        name: 'Sam Reyes',
        email: 'recalls@keys.example',
        phone: '+44 20 7946 0000',
        serials: ['KB-0001', 'KB-0002'],
      },
    ]);
    const progress = JSON.parse((await cli(['recall', 'progress', id, '--json'])).stdout);
    expect(progress).toMatchObject({ affected: 2, unreachable: 0 });
  });
});
