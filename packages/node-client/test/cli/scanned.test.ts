/** Scanned codes as CLI arguments: `ship` reads them through the same workflow as the API. */
import { describe, expect, test } from 'vitest';
import { cliOnTemporaryStore } from './harness.js';

const HP_GTIN = '04012345000016';
const EB_GTIN = '04012345000023';

const { cli } = cliOnTemporaryStore('scanned');

describe('serialkit with scanned codes', () => {
  test('ship takes element strings, bracketed strings and Digital Links; refuses another SKU’s GTIN', async () => {
    for (const [sku, gtin] of [
      ['HP-200', HP_GTIN],
      ['EB-300', EB_GTIN],
    ] as const) {
      const set = await cli([
        'sku',
        'set',
        sku,
        '--name',
        sku,
        '--format',
        'SN-{D:6}',
        '--gtin',
        gtin,
      ]);
      expect(set.code).toBe(0);
    }
    expect((await cli(['generate', 'HP-200', '4'])).code).toBe(0);

    const ship = (order: string, ...serials: string[]) =>
      cli(['ship', '--order', order, '--email', 'ada@example.com', '--sku', 'HP-200', ...serials]);
    const wrong = await ship('ORD-0', `(01)${EB_GTIN}(21)SN-000004`);
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/HP-200.*EB-300/);

    const shipped = await ship(
      'ORD-1',
      `01${HP_GTIN}21SN-000001`,
      `(01)${HP_GTIN}(21)SN-000002`,
      `https://id.example.com/01/${HP_GTIN}/21/SN-000003`,
    );
    expect(shipped.code).toBe(0);
    for (const n of [1, 2, 3]) {
      const lookup = await cli(['lookup', `SN-00000${n}`, '--sku', 'HP-200']);
      expect(lookup.stdout).toMatch(/status:\s+shipped/);
    }
    const unit4 = await cli(['lookup', `https://id.example.com/01/${HP_GTIN}/21/SN-000004`]);
    expect(unit4.stdout).toMatch(/status:\s+in_stock/);
  });
});
