/** A B2B account's contact from the command line: shipped with the units, joined by recalls. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../../src/cli/run.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serialkit-cli-accounts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (chunk: string) => void) => ({
    isTTY: false,
    columns: 100,
    write(chunk: string) {
      append(chunk);
      return true;
    },
  });
  const code = await run([...argv, '--db', join(dir, 'test.db')], {
    stdout: sink((chunk) => {
      stdout += chunk;
    }),
    stderr: sink((chunk) => {
      stderr += chunk;
    }),
    env: {},
    cwd: dir,
  });
  return { code, stdout, stderr };
}

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
