/**
 * Ranges with `numericAt` where the variable-length digits carry leading zeros: `SN-011` is 11,
 * so it lies between `SN-9` and `SN-12`, whatever its length.
 */
import { unit } from './fixtures.js';
import type { Suite } from './suite.js';

export function numericRangeTests({ test, withStore, expectSelected }: Suite): void {
  test(
    'listSerials range with numericAt reads leading zeros as a number',
    withStore(async (store) => {
      const serials = ['SN-000', 'SN-1', 'SN-007', 'SN-9', 'SN-10', 'SN-011', 'SN-0012', 'SN-13'];
      await store.insertSerials(serials.map((serial) => unit('N', serial)));
      // Listed in (sku, serial) order; selected by value.
      await expectSelected(
        store,
        { sku: 'N', range: { from: 'SN-9', to: 'SN-12', numericAt: 3 } },
        ['N/SN-0012', 'N/SN-011', 'N/SN-10', 'N/SN-9'],
      );
      // Bounds with leading zeros are numbers too; all zeros is zero.
      await expectSelected(
        store,
        { sku: 'N', range: { from: 'SN-00', to: 'SN-0007', numericAt: 3 } },
        ['N/SN-000', 'N/SN-007', 'N/SN-1'],
      );
      // One number written twice: a range that names it holds both writings.
      await store.insertSerials([unit('N', 'SN-11')]);
      await expectSelected(
        store,
        { sku: 'N', range: { from: 'SN-11', to: 'SN-11', numericAt: 3 } },
        ['N/SN-011', 'N/SN-11'],
      );
      await expectSelected(
        store,
        { sku: 'N', range: { from: 'SN-0012', to: 'SN-13', numericAt: 3 } },
        ['N/SN-0012', 'N/SN-13'],
      );
    }),
  );
}
