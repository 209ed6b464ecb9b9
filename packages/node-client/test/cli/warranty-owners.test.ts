import { describe, expect, test } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import { sqliteStore } from '../../src/stores/sqlite.js';
import { cliOnTemporaryStore } from './harness.js';

const { cli, database } = cliOnTemporaryStore('warranty');

describe('warranty, owners and recall campaigns from the CLI', () => {
  test('sku warranty, coverage, claims, owners, recall progress and close', async () => {
    const set = await cli([
      'sku',
      'set',
      'KB',
      '--name',
      'Keyboard',
      '--format',
      'KB-{D:4}',
      '--warranty-months',
      '24',
      '--warranty-from',
      'shipment',
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('24 months from shipment');
    // Changing the name keeps the warranty.
    await cli(['sku', 'set', 'KB', '--name', 'Keyboard 2']);
    expect(JSON.parse((await cli(['sku', 'get', 'KB', '--json'])).stdout).warranty).toEqual({
      months: 24,
      startsAt: 'shipment',
    });
    expect((await cli(['sku', 'set', 'KB', '--warranty-months', 'zero'])).code).toBe(2);
    await cli(['sku', 'set', 'MS', '--name', 'Mouse', '--format', 'MS-{D:4}']);
    await cli(['generate', 'KB', '3', '--json']);
    await cli(['generate', 'MS', '2', '--json']);
    expect(
      (
        await cli([
          'ship',
          '--order',
          'O-1',
          '--email',
          'ada@example.com',
          '--sku',
          'KB',
          'KB-0001',
          'KB-0002',
        ])
      ).code,
    ).toBe(0);

    const coverage = JSON.parse((await cli(['warranty', 'coverage', 'KB-0001', '--json'])).stdout);
    expect(coverage.coverage).toMatchObject({ active: true, startsAt: 'shipment' });
    expect((await cli(['warranty', 'coverage', 'KB-0003'])).stdout).toContain('No coverage');

    const claim = await cli([
      'warranty',
      'claim',
      'KB-0001',
      '--accept',
      '--reason',
      'Dead key',
      '--resolution',
      'replaced',
    ]);
    expect(claim.code).toBe(0);
    const again = await cli(['warranty', 'claim', 'KB-0001', '--refuse', '--reason', 'Again']);
    expect(again.stderr).toContain('already replaced');
    expect((await cli(['warranty', 'claim', 'KB-0001', '--reason', 'x'])).code).toBe(2);
    const claims = JSON.parse((await cli(['warranty', 'claims', 'KB-0001', '--json'])).stdout);
    expect(claims.map((c: { decision: string }) => c.decision)).toEqual(['accepted', 'refused']);

    // An owner registers through the public API; the merchant lists, exports and erases.
    const client = createSerialClient({ store: sqliteStore({ filename: database() }) });
    await client.owners.register({
      input: 'KB-0002',
      name: 'Grace',
      email: 'grace@example.com',
      consent: true,
    });
    await client.close();
    const owners = JSON.parse((await cli(['owners', 'list', 'KB-0002', '--json'])).stdout);
    expect(owners).toHaveLength(1);
    const exported = await cli(['owners', 'export', 'KB-0002']);
    expect(exported.stdout.split('\n')[0]).toContain('owner_id,sku,serial');
    expect(exported.stdout).toContain('grace@example.com');
    expect((await cli(['owners', 'erase', owners[0].id])).code).toBe(0);
    expect((await cli(['owners', 'export', 'KB-0002'])).stdout).not.toContain('grace');
    expect((await cli(['owners', 'list', '--status', 'nope'])).code).toBe(2);

    const created = await cli([
      'recall',
      'create',
      '--sku',
      'KB',
      '--sku',
      'MS',
      '--from',
      'KB-0001',
      '--to',
      'KB-0003',
      '--notice',
      'Check',
      '--json',
    ]);
    expect(created.code, created.stderr).not.toBe(0);
    const recall = await cli([
      'recall',
      'create',
      '--sku',
      'KB',
      '--sku',
      'MS',
      '--made-from',
      '2000-01-01',
      '--made-to',
      '2000-01-02',
      '--shipped-from',
      '2020-01-01',
      '--shipped-to',
      '2099-12-31',
      '--notice',
      'Check',
      '--json',
    ]);
    expect(recall.code, recall.stderr).toBe(0);
    const shipped = await cli([
      'recall',
      'create',
      '--sku',
      'KB',
      '--sku',
      'MS',
      '--shipped-from',
      '2020-01-01',
      '--shipped-to',
      '2099-12-31',
      '--notice',
      'Check',
      '--json',
    ]);
    const { id, skus } = JSON.parse(shipped.stdout);
    expect(skus).toEqual(['KB', 'MS']);
    const progress = JSON.parse((await cli(['recall', 'progress', id, '--json'])).stdout);
    expect(progress).toMatchObject({ affected: 2, status: 'open', unreachable: 0 });
    expect((await cli(['recall', 'close', id])).code).toBe(0);
    expect(JSON.parse((await cli(['recall', 'get', id, '--json'])).stdout).status).toBe('closed');
    expect((await cli(['recall', 'close', id])).code).not.toBe(0);
  });
});
