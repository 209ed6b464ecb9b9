/** Selecting units: every filter, pages, code point order, counts. */
import type { SerialRecord } from '@serialkit/core';
import type { SerialFilter, SerialInsert } from '../../store.js';
import { badInput } from './atomicity.js';
import { at, errorCode, keys, rejection, seed, unit } from './fixtures.js';
import type { Suite } from './suite.js';

export function pagingTests({ test, expect, withStore, expectSelected }: Suite): void {
  const filterCases: [string, SerialFilter, string[]][] = [
    ['sku', { sku: 'B' }, ['B/B-001', 'B/B-002', 'B/B-003', 'B/B-004', 'B/B-005']],
    ['status', { status: 'shipped' }, ['A/A-002', 'A/A-003', 'A/A-004']],
    [
      'status list',
      { status: ['allocated', 'shipped'] },
      ['A/A-002', 'A/A-003', 'A/A-004', 'A/A-005'],
    ],
    ['status empty list', { status: [] }, []],
    ['lot', { lot: 'L2' }, ['A/A-006', 'A/A-007', 'A/A-008', 'A/A-009', 'A/A-010']],
    ['range', { range: { from: 'A-004', to: 'A-006' } }, ['A/A-004', 'A/A-005', 'A/A-006']],
    [
      'range across skus',
      { range: { from: 'A-010', to: 'B-002' } },
      ['A/A-010', 'B/B-001', 'B/B-002'],
    ],
    [
      'prefix',
      { prefix: 'A-00' },
      [
        'A/A-001',
        'A/A-002',
        'A/A-003',
        'A/A-004',
        'A/A-005',
        'A/A-006',
        'A/A-007',
        'A/A-008',
        'A/A-009',
      ],
    ],
    ['serials', { serials: ['B-003', 'A-007', 'NONE', 'B-003'] }, ['A/A-007', 'B/B-003']],
    ['serials empty list', { serials: [] }, []],
    ['orderId', { orderId: 'ORD-1' }, ['A/A-002', 'A/A-003']],
    ['customerId', { customerId: 'C-1' }, ['A/A-002', 'A/A-003']],
    ['customerEmail', { customerEmail: 'ada@example.com' }, ['A/A-002', 'A/A-003']],
    ['accountId', { accountId: 'ACME' }, ['A/A-004']],
    ['recalled', { recalled: true }, ['A/A-001', 'A/A-002', 'A/A-003', 'B/B-001']],
    [
      'not recalled',
      { sku: 'A', recalled: false },
      ['A/A-004', 'A/A-005', 'A/A-006', 'A/A-007', 'A/A-008', 'A/A-009', 'A/A-010'],
    ],
    ['recallId', { recallId: 'R2' }, ['B/B-001']],
    [
      'manufacturedBetween',
      { manufacturedBetween: { from: at(3), to: at(5) } },
      ['A/A-003', 'A/A-004', 'A/A-005'],
    ],
    [
      'registeredBetween',
      { registeredBetween: { from: at(10), to: at(102) } },
      ['A/A-010', 'B/B-001', 'B/B-002'],
    ],
    ['shippedBetween', { shippedBetween: { from: at(15), to: at(25) } }, ['A/A-004']],
    [
      'all criteria together',
      { sku: 'A', lot: 'L1', status: ['shipped'], recalled: true, prefix: 'A-', orderId: 'ORD-1' },
      ['A/A-002', 'A/A-003'],
    ],
    [
      'no criteria',
      {},
      [
        'A/A-001',
        'A/A-002',
        'A/A-003',
        'A/A-004',
        'A/A-005',
        'A/A-006',
        'A/A-007',
        'A/A-008',
        'A/A-009',
        'A/A-010',
        'B/B-001',
        'B/B-002',
        'B/B-003',
        'B/B-004',
        'B/B-005',
      ],
    ],
  ];
  for (const [name, filter, expected] of filterCases) {
    test(
      `listSerials filters: ${name}`,
      withStore(async (store) => {
        await seed(store);
        await expectSelected(store, filter, expected);
      }),
    );
  }

  test(
    'listSerials pagination',
    withStore(async (store) => {
      const rows: SerialInsert[] = [];
      for (let n = 0; n < 12; n++) rows.push(unit('A', `S${String(n).padStart(2, '0')}`));
      for (let n = 0; n < 13; n++) rows.push(unit('B', `S${String(n).padStart(2, '0')}`));
      await store.insertSerials(rows);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: SerialRecord[]; nextCursor: string | null } = await store.listSerials(
          {},
          { cursor, limit: 7 },
        );
        seen.push(...keys(page.items));
        cursor = page.nextCursor;
        pages++;
        // A unit inserted before the cursor while paging is not seen; one after it is.
        if (pages === 1) await store.insertSerials([unit('A', 'R0'), unit('B', 'S99')]);
      } while (cursor !== null && pages < 10);
      const expected = [...rows.map((r) => `${r.sku}/${r.serial}`), 'B/S99'];
      expect(seen).toEqual(expected);
      expect(pages).toBe(4);
      expect((await store.listSerials({ sku: 'A' }, { limit: 100 })).nextCursor).toBe(null);
      expect((await store.listSerials({ sku: 'A' })).items.length).toBe(13);
      expect((await store.listSerials({ sku: 'A' }, { limit: 13 })).nextCursor).toBe(null);
      // Malformed cursors, and cursors of another list, are rejected as bad requests.
      const malformed = await rejection(store.listSerials({}, { cursor: 'not a cursor' }));
      expect(errorCode(malformed)).toBe('bad_request');
      const serialCursor = (await store.listSerials({}, { limit: 1 })).nextCursor;
      expect(errorCode(await rejection(store.listEvents({}, { cursor: serialCursor })))).toBe(
        'bad_request',
      );
    }),
  );

  test(
    'listSerials orders by code point',
    withStore(async (store) => {
      // Binary order: digits < upper case < lower case < é (U+00E9) < 가 (U+AC00) < ￼ (U+FFFC) < 😀 (U+1F600).
      const serials = ['a1', 'A1', '1a', 'é1', '가1', '\ufffc1', '\u{1f600}1', 'Z9', 'aa'];
      await store.insertSerials(serials.map((s) => unit('U', s)));
      const expected = ['1a', 'A1', 'Z9', 'a1', 'aa', 'é1', '가1', '\ufffc1', '\u{1f600}1'];
      await expectSelected(
        store,
        { sku: 'U' },
        expected.map((s) => `U/${s}`),
      );
      await expectSelected(store, { prefix: '\u{1f600}' }, ['U/\u{1f600}1']);
      await expectSelected(store, { prefix: '\ufffc' }, ['U/\ufffc1']);
      await expectSelected(store, { range: { from: 'a', to: '\ufffd' } }, [
        'U/a1',
        'U/aa',
        'U/é1',
        'U/가1',
        'U/\ufffc1',
      ]);
    }),
  );

  test(
    'listSerials range with numericAt',
    withStore(async (store) => {
      const units: [string, string][] = [
        ['N', 'SN-1'],
        ['N', 'SN-2'],
        ['N', 'SN-9'],
        ['N', 'SN-10'],
        ['N', 'SN-11'],
        ['N', 'SN-12'],
        ['N', 'SN-13'],
        ['N', 'SN-99'],
        ['N', 'SN-100'],
        ['Y', '2023-500'],
        ['Y', '2024-9'],
        ['Y', '2024-10'],
        ['Y', '2024-100'],
        ['Y', '2025-1'],
        ['Y', '2025-12'],
        ['E', '\u{1f600}-5'],
        ['E', '\u{1f600}-10'],
        ['E', '\u{1f600}-200'],
      ];
      await store.insertSerials(units.map(([sku, serial]) => unit(sku, serial)));
      // As text, SN-9 comes after SN-12: the range is empty.
      await expectSelected(store, { sku: 'N', range: { from: 'SN-9', to: 'SN-12' } }, []);
      // From character 3 on, shorter first: numeric order. Listed in (sku, serial) order.
      const nine = { sku: 'N', range: { from: 'SN-9', to: 'SN-12', numericAt: 3 } };
      await expectSelected(store, nine, ['N/SN-10', 'N/SN-11', 'N/SN-12', 'N/SN-9']);
      await expectSelected(
        store,
        { sku: 'N', range: { from: 'SN-2', to: 'SN-99', numericAt: 3 } },
        ['N/SN-10', 'N/SN-11', 'N/SN-12', 'N/SN-13', 'N/SN-2', 'N/SN-9', 'N/SN-99'],
      );
      // The text before the position compares first: years, then numbers within a year.
      await expectSelected(
        store,
        { sku: 'Y', range: { from: '2024-10', to: '2025-1', numericAt: 5 } },
        ['Y/2024-10', 'Y/2024-100', 'Y/2025-1'],
      );
      // Without a SKU, with other criteria, and counting characters, not UTF-16 units.
      await expectSelected(store, { range: { from: 'SN-11', to: 'SN-100', numericAt: 3 } }, [
        'N/SN-100',
        'N/SN-11',
        'N/SN-12',
        'N/SN-13',
        'N/SN-99',
      ]);
      await expectSelected(
        store,
        { prefix: 'SN-1', range: { from: 'SN-9', to: 'SN-12', numericAt: 3 } },
        ['N/SN-10', 'N/SN-11', 'N/SN-12'],
      );
      await expectSelected(
        store,
        { sku: 'E', range: { from: '\u{1f600}-5', to: '\u{1f600}-10', numericAt: 2 } },
        ['E/\u{1f600}-10', 'E/\u{1f600}-5'],
      );
      expect(
        badInput(await rejection(store.listSerials({ range: { ...nine.range, numericAt: -1 } }))),
      ).toBe(true);
    }),
  );

  test(
    'countSerials',
    withStore(async (store) => {
      expect(await store.countSerials({})).toBe(0);
      await seed(store);
      expect(await store.countSerials({})).toBe(15);
      expect(await store.countSerials({ sku: 'A', status: 'in_stock' })).toBe(6);
      expect(await store.countSerials({ sku: 'missing' })).toBe(0);
    }),
  );
}
