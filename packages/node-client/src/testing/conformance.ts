/**
 * The conformance suite every `SerialStore` must pass. It drives a store only through the
 * `SerialStore` interface and checks each operation by reading back what was stored, so a third
 * party's store can run it unchanged. Test runners are passed in (vitest, jest, or anything with
 * the same shapes), so this module has no test-framework dependency.
 */
import type { Recall, SerialRecord, ShipmentRef, Sku } from '@serialkit/core';
import type { SerialFilter, SerialInsert, SerialStore, Transition } from '../store.js';

/** The assertions the suite uses; vitest's and jest's `expect` fit. */
export interface ConformanceAssertion {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
}

export type ConformanceExpect = (actual: unknown, message?: string) => ConformanceAssertion;

/** Registers one test; vitest's and jest's `test` fit. */
export type ConformanceTest = (name: string, fn: () => Promise<void>) => void;

export type ConformanceDescribe = (name: string, fn: () => void) => void;

export interface StoreConformanceOptions {
  test: ConformanceTest;
  expect: ConformanceExpect;
  /** A fresh, empty store for each test (migrated or not); the suite closes it afterwards. */
  createStore: () => Promise<SerialStore> | SerialStore;
  /** Groups the tests under `SerialStore conformance` when given. */
  describe?: ConformanceDescribe;
}

/**
 * Registers the conformance tests for a store. Each test's name is the operation it covers.
 *
 * @example
 * import { describe, expect, test } from 'vitest';
 * import { memoryStore } from '@serialkit/node-client';
 * import { runStoreConformance } from '@serialkit/node-client/testing';
 *
 * runStoreConformance({ test, expect, describe, createStore: () => memoryStore() });
 */
export function runStoreConformance(options: StoreConformanceOptions): void {
  if (options.describe) options.describe('SerialStore conformance', () => register(options));
  else register(options);
}

// ── Fixtures ──

const BASE = Date.UTC(2024, 0, 1);

/** The ISO timestamp `minutes` after 2024-01-01T00:00:00Z. */
function at(minutes: number): string {
  return new Date(BASE + minutes * 60_000).toISOString();
}

function unit(sku: string, serial: string, extra: Partial<SerialInsert> = {}): SerialInsert {
  return { sku, serial, uniqueKey: `${sku}\u001f${serial}`, registeredAt: at(0), ...extra };
}

function sku(id: string, extra: Partial<Sku> = {}): Sku {
  return {
    sku: id,
    name: `Product ${id}`,
    serialTracking: { enabled: true, uniqueness: 'sku' },
    createdAt: at(0),
    updatedAt: at(0),
    ...extra,
  };
}

function ship(skuId: string, serial: string, shipment: ShipmentRef, minute = 10): Transition {
  return {
    sku: skuId,
    serial,
    from: ['in_stock', 'allocated'],
    to: 'shipped',
    set: { shipment },
    event: { type: 'shipped', at: at(minute), data: { orderId: shipment.orderId } },
  };
}

function recall(id: string, skuId: string, createdMinute: number): Recall {
  return {
    id,
    sku: skuId,
    notice: `Recall ${id}`,
    criteria: { lot: 'L1' },
    createdAt: at(createdMinute),
    counts: { affected: 0, shipped: 0, inStock: 0, other: 0 },
  };
}

const B2C: ShipmentRef = {
  orderId: 'ORD-1',
  shipmentId: 'SHP-1',
  channel: 'b2c',
  customer: { id: 'C-1', email: 'ada@example.com', name: 'Ada', postcode: 'EC1A 1BB' },
  shippedAt: at(10),
};

const B2B: ShipmentRef = {
  orderId: 'ORD-2',
  channel: 'b2b',
  account: { id: 'ACME', name: 'Acme Resellers' },
  shippedAt: at(20),
};

/**
 * Units of two SKUs with every filterable field varied:
 * A-001…A-010 in SKU A (lots L1/L2, manufactured minute = n, registered minute = n),
 * B-001…B-005 in SKU B; shipped B2C in ORD-1, A-004 shipped B2B in ORD-2,
 * A-005 allocated, A-001…A-003 recalled under R1, B-001 under R2.
 */
async function seed(store: SerialStore): Promise<void> {
  const rows: SerialInsert[] = [];
  for (let n = 1; n <= 10; n++) {
    rows.push(
      unit('A', `A-${String(n).padStart(3, '0')}`, {
        lot: n <= 5 ? 'L1' : 'L2',
        manufacturedAt: at(n),
        registeredAt: at(n),
      }),
    );
  }
  for (let n = 1; n <= 5; n++) {
    rows.push(unit('B', `B-${String(n).padStart(3, '0')}`, { registeredAt: at(100 + n) }));
  }
  await store.insertSerials(rows);
  const shipped = await store.transition([
    ship('A', 'A-002', B2C, 10),
    ship('A', 'A-003', B2C, 10),
    ship('A', 'A-004', B2B, 20),
    {
      sku: 'A',
      serial: 'A-005',
      from: ['in_stock'],
      to: 'allocated',
      event: { type: 'allocated', at: at(30) },
    },
  ]);
  if (!shipped.ok) throw new Error('seed: transitions failed');
  await store.markRecalled({ sku: 'A', serials: ['A-001', 'A-002', 'A-003'] }, 'R1', {
    at: at(40),
  });
  await store.markRecalled({ sku: 'B', serials: ['B-001'] }, 'R2', { at: at(41) });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function keys(records: SerialRecord[]): string[] {
  return records.map((record) => `${record.sku}/${record.serial}`);
}

// ── Tests ──

function register({ test, expect, createStore }: StoreConformanceOptions): void {
  /** Runs `fn` with a fresh store and always closes it. */
  const withStore =
    (fn: (store: SerialStore) => Promise<void>): (() => Promise<void>) =>
    async () => {
      const store = await createStore();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    };

  /** Asserts that listSerials (every page) and countSerials agree on the filter's units. */
  async function expectSelected(
    store: SerialStore,
    filter: SerialFilter,
    expected: string[],
  ): Promise<void> {
    const seen: SerialRecord[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: SerialRecord[]; nextCursor: string | null } = await store.listSerials(
        filter,
        { cursor, limit: 3 },
      );
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(keys(seen), JSON.stringify(filter)).toEqual(expected);
    expect(await store.countSerials(filter), JSON.stringify(filter)).toBe(expected.length);
  }

  const capabilities = (store: SerialStore) => store.capabilities;

  test(
    'capabilities',
    withStore(async (store) => {
      const caps = capabilities(store);
      expect(typeof caps.name).toBe('string');
      expect(typeof caps.persistent).toBe('boolean');
      expect(typeof caps.concurrentWriters).toBe('boolean');
      expect(Number.isInteger(caps.preferredBatchSize) && caps.preferredBatchSize > 0).toBe(true);
    }),
  );

  test(
    'migrate is idempotent',
    withStore(async (store) => {
      await store.migrate();
      await store.putSku(sku('A'));
      await store.migrate();
      await Promise.all([store.migrate(), store.migrate(), store.migrate()]);
      expect(await store.getSku('A')).toEqual(sku('A'));
    }),
  );

  test(
    'putSku/getSku/listSkus tracking filter',
    withStore(async (store) => {
      const a = sku('A', {
        gtin: '04012345123456',
        serialTracking: { enabled: true, format: 'SN-{D:6}', uniqueness: 'global' },
      });
      const b = sku('B', { serialTracking: { enabled: false, uniqueness: 'sku' } });
      const c = sku('C', {
        serialTracking: { enabled: true, regex: '^X\\d+$', uniqueness: 'sku' },
      });
      await store.putSku(c);
      await store.putSku(a);
      await store.putSku(b);
      expect(await store.getSku('A')).toEqual(a);
      expect(Object.keys((await store.getSku('B')) ?? {}).sort()).toEqual(
        ['createdAt', 'name', 'serialTracking', 'sku', 'updatedAt'].sort(),
      );
      expect(Object.keys((await store.getSku('B'))?.serialTracking ?? {}).sort()).toEqual([
        'enabled',
        'uniqueness',
      ]);
      expect(await store.getSku('missing')).toBe(null);

      // Replace: every field follows the new value, including removed optional ones.
      const a2 = sku('A', {
        name: 'Renamed',
        serialTracking: { enabled: false, uniqueness: 'sku' },
        updatedAt: at(5),
      });
      await store.putSku(a2);
      expect(await store.getSku('A')).toEqual(a2);
      expect((await store.getSku('A'))?.gtin).toBe(undefined);

      expect((await store.listSkus()).items.map((s) => s.sku)).toEqual(['A', 'B', 'C']);
      expect((await store.listSkus({ tracking: true })).items).toEqual([c]);
      expect((await store.listSkus({ tracking: false })).items).toEqual([a2, b]);
    }),
  );

  test(
    'listSkus pagination',
    withStore(async (store) => {
      const ids = ['a', 'B', 'b', 'A', 'c-1', 'c-10', 'c-2'];
      for (const id of ids) await store.putSku(sku(id));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: Sku[]; nextCursor: string | null } = await store.listSkus(
          {},
          { cursor, limit: 2 },
        );
        expect(page.items.length <= 2).toBe(true);
        seen.push(...page.items.map((s) => s.sku));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(seen).toEqual(['A', 'B', 'a', 'b', 'c-1', 'c-10', 'c-2']);
      expect(pages).toBe(4);
    }),
  );

  test(
    'insertSerials',
    withStore(async (store) => {
      const result = await store.insertSerials([
        unit('A', 'S1', {
          lot: 'L1',
          manufacturedAt: '2023-12-01',
          receivedAt: at(1),
          registeredAt: at(2),
        }),
        unit('A', 'S2'),
      ]);
      expect(result).toEqual({ inserted: 2, conflicts: [] });
      expect(await store.getSerial('A', 'S1')).toEqual({
        sku: 'A',
        serial: 'S1',
        status: 'in_stock',
        lot: 'L1',
        manufacturedAt: '2023-12-01',
        receivedAt: at(1),
        registeredAt: at(2),
        updatedAt: at(2),
      });
      // Absent optional fields are left out, not null or undefined.
      expect(Object.keys((await store.getSerial('A', 'S2')) ?? {}).sort()).toEqual(
        ['registeredAt', 'serial', 'sku', 'status', 'updatedAt'].sort(),
      );
      expect(await store.getSerial('A', 'S3')).toBe(null);
      expect(await store.getSerial('B', 'S1')).toBe(null);
      expect(await store.insertSerials([])).toEqual({ inserted: 0, conflicts: [] });
      // Registration is on the row: no events are written.
      expect((await store.listEvents({})).items).toEqual([]);
    }),
  );

  test(
    'insertSerials reports conflicts by index',
    withStore(async (store) => {
      await store.insertSerials([
        unit('A', 'S1', { lot: 'first' }),
        { sku: 'G', serial: 'X1', uniqueKey: 'X1', registeredAt: at(0) },
      ]);
      const result = await store.insertSerials([
        unit('A', 'S2', { lot: 'kept' }), // 0: new
        unit('A', 'S1', { lot: 'second' }), // 1: (sku, serial) exists
        { sku: 'H', serial: 'X1', uniqueKey: 'X1', registeredAt: at(0) }, // 2: uniqueKey exists
        unit('A', 'S3', { lot: 'kept' }), // 3: new
        unit('A', 'S3', { lot: 'repeat' }), // 4: repeats 3 in the batch
        { sku: 'H', serial: 'X2', uniqueKey: 'X2', registeredAt: at(0) }, // 5: new
        { sku: 'I', serial: 'X2', uniqueKey: 'X2', registeredAt: at(0) }, // 6: repeats 5's key
        unit('B', 'S1'), // 7: same serial, other SKU, own key: new
      ]);
      expect(result).toEqual({ inserted: 4, conflicts: [1, 2, 4, 6] });
      expect((await store.getSerial('A', 'S1'))?.lot).toBe('first');
      expect((await store.getSerial('A', 'S3'))?.lot).toBe('kept');
      expect(await store.getSerial('H', 'X1')).toBe(null);
      expect(await store.getSerial('I', 'X2')).toBe(null);
      expect(keys((await store.listSerials({})).items)).toEqual([
        'A/S1',
        'A/S2',
        'A/S3',
        'B/S1',
        'G/X1',
        'H/X2',
      ]);
    }),
  );

  test(
    'insertSerials large batch',
    withStore(async (store) => {
      // Descending serials, so a store that reorders large batches for speed must still report
      // the later duplicate of each pair.
      const rows: SerialInsert[] = [];
      for (let n = 4_999; n >= 0; n--) rows.push(unit('BULK', `N${String(n).padStart(6, '0')}`));
      for (let i = 1_000; i < rows.length; i += 1_000)
        rows[i] = { ...(rows[i - 1] as SerialInsert) };
      // Global keys: the same serial in two SKUs; the first in the batch wins, whatever its SKU.
      rows.push({ sku: 'ZZZ', serial: 'G1', uniqueKey: 'G1', registeredAt: at(1) });
      rows.push({ sku: 'AAA', serial: 'G1', uniqueKey: 'G1', registeredAt: at(1) });
      const result = await store.insertSerials(rows);
      expect(result.conflicts).toEqual([1_000, 2_000, 3_000, 4_000, 5_001]);
      expect(result.inserted).toBe(4_997);
      expect(await store.countSerials({ sku: 'BULK' })).toBe(4_996);
      expect(keys(await store.findSerial('G1'))).toEqual(['ZZZ/G1']);
      const again = await store.insertSerials(rows.slice(0, 10));
      expect(again).toEqual({ inserted: 0, conflicts: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
      expect((await store.getSerial('BULK', 'N004999'))?.status).toBe('in_stock');
      expect((await store.getSerial('BULK', 'N004000'))?.status).toBe('in_stock');
      expect(await store.getSerial('BULK', 'N003999')).toBe(null);
    }),
  );

  test(
    'getSerial returns copies',
    withStore(async (store) => {
      const row = unit('A', 'S1', { lot: 'L1' });
      await store.insertSerials([row]);
      row.lot = 'changed after insert';
      const read = await store.getSerial('A', 'S1');
      if (read) read.status = 'scrapped';
      expect(await store.getSerial('A', 'S1')).toEqual({
        sku: 'A',
        serial: 'S1',
        status: 'in_stock',
        lot: 'L1',
        registeredAt: at(0),
        updatedAt: at(0),
      });
      const s = sku('A');
      await store.putSku(s);
      s.name = 'changed after put';
      expect((await store.getSku('A'))?.name).toBe('Product A');
    }),
  );

  test(
    'findSerial across skus',
    withStore(async (store) => {
      await store.insertSerials([
        unit('C', 'SAME'),
        unit('A', 'SAME'),
        unit('B', 'OTHER'),
        unit('B', 'SAME'),
      ]);
      expect(keys(await store.findSerial('SAME'))).toEqual(['A/SAME', 'B/SAME', 'C/SAME']);
      expect(keys(await store.findSerial('OTHER'))).toEqual(['B/OTHER']);
      expect(await store.findSerial('NONE')).toEqual([]);
      expect(await store.findSerial('same')).toEqual([]);
    }),
  );

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
    'countSerials',
    withStore(async (store) => {
      expect(await store.countSerials({})).toBe(0);
      await seed(store);
      expect(await store.countSerials({})).toBe(15);
      expect(await store.countSerials({ sku: 'A', status: 'in_stock' })).toBe(6);
      expect(await store.countSerials({ sku: 'missing' })).toBe(0);
    }),
  );

  test(
    'transition',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1', { lot: 'L1' }), unit('A', 'S2')]);
      const allocated = await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['in_stock'],
          to: 'allocated',
          event: { type: 'allocated', at: at(5), data: { orderId: 'ORD-1' } },
        },
      ]);
      expect(allocated).toEqual({
        ok: true,
        records: [
          {
            sku: 'A',
            serial: 'S1',
            status: 'allocated',
            lot: 'L1',
            registeredAt: at(0),
            updatedAt: at(5),
          },
        ],
      });
      const shipped = await store.transition([ship('A', 'S1', B2C, 10)]);
      const expectedShipped: SerialRecord = {
        sku: 'A',
        serial: 'S1',
        status: 'shipped',
        lot: 'L1',
        registeredAt: at(0),
        updatedAt: at(10),
        shipment: B2C,
      };
      expect(shipped).toEqual({ ok: true, records: [expectedShipped] });
      expect(await store.getSerial('A', 'S1')).toEqual(expectedShipped);
      expect(await store.findSerial('S1')).toEqual([expectedShipped]);

      // An omitted `set` field is kept; recallId is set; then shipment and recallId are cleared.
      await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['shipped'],
          to: 'returned',
          set: { recallId: 'R9' },
          event: { type: 'returned', at: at(20) },
        },
      ]);
      expect(await store.getSerial('A', 'S1')).toEqual({
        ...expectedShipped,
        status: 'returned',
        recallId: 'R9',
        updatedAt: at(20),
      });
      await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['returned'],
          to: 'in_stock',
          set: { shipment: null, recallId: null },
          event: { type: 'restocked', at: at(30) },
        },
      ]);
      const restocked = await store.getSerial('A', 'S1');
      expect(restocked).toEqual({
        sku: 'A',
        serial: 'S1',
        status: 'in_stock',
        lot: 'L1',
        registeredAt: at(0),
        updatedAt: at(30),
      });
      expect(Object.keys(restocked ?? {}).includes('shipment')).toBe(false);

      const events = await store.listEvents({ sku: 'A', serial: 'S1' });
      expect(events.items.map((e) => [e.type, e.at, e.data])).toEqual([
        ['allocated', at(5), { orderId: 'ORD-1' }],
        ['shipped', at(10), { orderId: 'ORD-1' }],
        ['returned', at(20), undefined],
        ['restocked', at(30), undefined],
      ]);
      expect(await store.getSerial('A', 'S2')).toEqual({
        sku: 'A',
        serial: 'S2',
        status: 'in_stock',
        registeredAt: at(0),
        updatedAt: at(0),
      });
      expect(await store.transition([])).toEqual({ ok: true, records: [] });
    }),
  );

  test(
    'transition keeps B2B shipments',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      const result = await store.transition([ship('A', 'S1', B2B, 20)]);
      expect(result.ok).toBe(true);
      expect((await store.getSerial('A', 'S1'))?.shipment).toEqual(B2B);
      expect(Object.keys((await store.getSerial('A', 'S1'))?.shipment ?? {}).sort()).toEqual(
        ['account', 'channel', 'orderId', 'shippedAt'].sort(),
      );
    }),
  );

  test(
    'transition is all or nothing',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2'), unit('A', 'S3')]);
      await store.transition([ship('A', 'S2', B2C)]);
      const before = await store.getSerial('A', 'S2');
      const result = await store.transition([
        ship('A', 'S1', B2B), // would succeed
        ship('A', 'S2', B2B), // S2 is already shipped
        ship('A', 'MISSING', B2B), // no such unit
        ship('A', 'S3', B2B), // would succeed
      ]);
      expect(result).toEqual({
        ok: false,
        failures: [
          { index: 1, current: before },
          { index: 2, current: null },
        ],
      });
      // Nothing was applied: S1 and S3 are untouched, no event was written.
      expect((await store.getSerial('A', 'S1'))?.status).toBe('in_stock');
      expect((await store.getSerial('A', 'S3'))?.status).toBe('in_stock');
      expect(await store.getSerial('A', 'S2')).toEqual(before);
      expect((await store.listEvents({ sku: 'A' })).items.map((e) => e.serial)).toEqual(['S2']);
    }),
  );

  test(
    'transition applies in order',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      const result = await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['in_stock'],
          to: 'allocated',
          event: { type: 'allocated', at: at(1) },
        },
        ship('A', 'S1', B2C, 2),
      ]);
      if (!result.ok) throw new Error('expected the transitions to apply');
      expect(result.records.map((r) => [r.status, r.updatedAt])).toEqual([
        ['allocated', at(1)],
        ['shipped', at(2)],
      ]);
      expect(result.records[0]?.shipment).toBe(undefined);
      expect((await store.getSerial('A', 'S1'))?.status).toBe('shipped');

      // A failure reports the unit as stored, not as the batch would have left it.
      const failed = await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['shipped'],
          to: 'returned',
          event: { type: 'returned', at: at(3) },
        },
        {
          sku: 'A',
          serial: 'S1',
          from: ['shipped'],
          to: 'returned',
          event: { type: 'returned', at: at(4) },
        },
      ]);
      expect(failed.ok).toBe(false);
      if (!failed.ok) {
        expect(failed.failures.map((f) => [f.index, f.current?.status])).toEqual([[1, 'shipped']]);
      }
      expect((await store.listEvents({ sku: 'A', serial: 'S1' })).items.length).toBe(2);
    }),
  );

  test(
    'transition concurrent: exactly one wins',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2'), unit('A', 'S3')]);
      const attempts = Array.from({ length: 8 }, (_, n) =>
        store.transition([
          ship('A', 'S1', { ...B2C, orderId: `ORD-${n}`, shipmentId: `SHP-${n}` }, n),
        ]),
      );
      const results = await Promise.all(attempts);
      const winners = results.flatMap((r, n) => (r.ok ? [n] : []));
      expect(winners.length).toBe(1);
      const winner = winners[0] as number;
      const stored = await store.getSerial('A', 'S1');
      expect(stored?.shipment?.orderId).toBe(`ORD-${winner}`);
      for (const result of results) {
        if (!result.ok) expect(result.failures).toEqual([{ index: 0, current: stored }]);
      }
      expect((await store.listEvents({ sku: 'A', serial: 'S1' })).items.length).toBe(1);

      // Batches that claim the same units in opposite orders: one wins, none half-applies.
      const forward = (n: number) =>
        store.transition([
          ship('A', 'S2', { ...B2B, orderId: `F-${n}` }),
          ship('A', 'S3', { ...B2B, orderId: `F-${n}` }),
        ]);
      const backward = (n: number) =>
        store.transition([
          ship('A', 'S3', { ...B2B, orderId: `B-${n}` }),
          ship('A', 'S2', { ...B2B, orderId: `B-${n}` }),
        ]);
      const crossed = await Promise.all([forward(0), backward(0), forward(1), backward(1)]);
      expect(crossed.filter((r) => r.ok).length).toBe(1);
      const s2 = await store.getSerial('A', 'S2');
      const s3 = await store.getSerial('A', 'S3');
      expect(s2?.shipment?.orderId).toBe(s3?.shipment?.orderId);
      expect((await store.listEvents({ sku: 'A', serial: 'S2' })).items.length).toBe(1);
      expect((await store.listEvents({ sku: 'A', serial: 'S3' })).items.length).toBe(1);
    }),
  );

  test(
    'markRecalled',
    withStore(async (store) => {
      await seed(store);
      // Lot L1 = A-001…A-005: A-001…A-003 already under R1; A-004 shipped, A-005 allocated.
      const counts = await store.markRecalled({ sku: 'A', lot: 'L1' }, 'R3', {
        at: at(50),
        data: { recallId: 'R3', notice: 'battery' },
      });
      expect(counts).toEqual({ in_stock: 1, shipped: 3, allocated: 1 });
      await expectSelected(store, { recallId: 'R3' }, [
        'A/A-001',
        'A/A-002',
        'A/A-003',
        'A/A-004',
        'A/A-005',
      ]);
      const a4 = await store.getSerial('A', 'A-004');
      expect([a4?.recallId, a4?.updatedAt, a4?.status]).toEqual(['R3', at(50), 'shipped']);
      expect(a4?.shipment).toEqual(B2B);
      expect((await store.getSerial('A', 'A-006'))?.recallId).toBe(undefined);

      const events = await store.listEvents({
        type: 'recalled',
        between: { from: at(50), to: at(50) },
      });
      expect(events.items.map((e) => [e.sku, e.serial, e.at, e.data])).toEqual(
        ['A-001', 'A-002', 'A-003', 'A-004', 'A-005'].map((serial) => [
          'A',
          serial,
          at(50),
          { recallId: 'R3', notice: 'battery' },
        ]),
      );

      // Units already under this recall are not marked again.
      expect(await store.markRecalled({ sku: 'A', lot: 'L1' }, 'R3', { at: at(60) })).toEqual({});
      expect(await store.markRecalled({ sku: 'A', serials: [] }, 'R3', { at: at(60) })).toEqual({});
      expect((await store.listEvents({ type: 'recalled' })).items.length).toBe(9);
      expect((await store.getSerial('A', 'A-001'))?.updatedAt).toBe(at(50));
    }),
  );

  test(
    'events',
    withStore(async (store) => {
      await store.appendEvents([
        {
          sku: 'A',
          serial: 'S1',
          type: 'sighted',
          at: at(30),
          data: { source: 'ebay', nested: { n: [1, 'two', null] } },
        },
        { sku: 'A', serial: 'S1', type: 'verified', at: at(10) },
        { sku: 'A', serial: 'S2', type: 'verified', at: at(20) },
        { sku: 'B', serial: 'S1', type: 'flagged', at: at(10) },
        { sku: 'A', serial: 'S1', type: 'flagged', at: at(10) },
      ]);
      await store.appendEvents([]);
      const unitEvents = (await store.listEvents({ sku: 'A', serial: 'S1' })).items;
      // Ordered by time, then by insertion.
      expect(unitEvents.map((e) => [e.type, e.at])).toEqual([
        ['verified', at(10)],
        ['flagged', at(10)],
        ['sighted', at(30)],
      ]);
      expect(unitEvents[2]?.data).toEqual({ source: 'ebay', nested: { n: [1, 'two', null] } });
      expect(Object.keys(unitEvents[0] ?? {}).sort()).toEqual([
        'at',
        'id',
        'serial',
        'sku',
        'type',
      ]);
      const all = (await store.listEvents({})).items;
      expect(all.length).toBe(5);
      expect(new Set(all.map((e) => e.id)).size).toBe(5);
      expect(all.every((e) => typeof e.id === 'string')).toBe(true);
      expect(all.map((e) => `${e.sku}/${e.serial}/${e.type}`)).toEqual([
        'A/S1/verified',
        'B/S1/flagged',
        'A/S1/flagged',
        'A/S2/verified',
        'A/S1/sighted',
      ]);
      expect((await store.listEvents({ sku: 'B' })).items.map((e) => e.type)).toEqual(['flagged']);
      expect((await store.listEvents({ serial: 'S1' })).items.length).toBe(4);
      expect((await store.listEvents({ type: 'verified' })).items.map((e) => e.serial)).toEqual([
        'S1',
        'S2',
      ]);
      expect((await store.listEvents({ type: ['sighted', 'flagged'] })).items.length).toBe(3);
      expect(
        (await store.listEvents({ between: { from: at(11), to: at(30) } })).items.map((e) => e.at),
      ).toEqual([at(20), at(30)]);

      // Pages follow the same order.
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await store.listEvents(
          {},
          { cursor, limit: 2 },
        );
        paged.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(paged).toEqual(all.map((e) => e.id));
    }),
  );

  test(
    'recalls',
    withStore(async (store) => {
      const r1 = recall('R1', 'A', 10);
      const r2 = { ...recall('R2', 'B', 20), url: 'https://example.com/recall' };
      const r3 = recall('R3', 'A', 30);
      const r0 = recall('R0', 'A', 30);
      for (const r of [r2, r1, r3, r0]) await store.putRecall(r);
      expect(await store.getRecall('R2')).toEqual(r2);
      expect(await store.getRecall('missing')).toBe(null);
      // Newest first; equal times by id, descending.
      expect((await store.listRecalls()).items.map((r) => r.id)).toEqual(['R3', 'R0', 'R2', 'R1']);
      expect((await store.listRecalls({ sku: 'A' })).items.map((r) => r.id)).toEqual([
        'R3',
        'R0',
        'R1',
      ]);
      const first = await store.listRecalls({}, { limit: 3 });
      expect(first.items.map((r) => r.id)).toEqual(['R3', 'R0', 'R2']);
      const second = await store.listRecalls({}, { limit: 3, cursor: first.nextCursor });
      expect([second.items.map((r) => r.id), second.nextCursor]).toEqual([['R1'], null]);

      // putRecall replaces (counts are written after marking).
      const counted = { ...r1, counts: { affected: 5, shipped: 3, inStock: 1, other: 1 } };
      await store.putRecall(counted);
      expect(await store.getRecall('R1')).toEqual(counted);
      expect((await store.listRecalls()).items.length).toBe(4);
    }),
  );

  test(
    'recordVerification counts distinct fingerprints in window',
    withStore(async (store) => {
      const verify = (fingerprint: string, minute: number, windowStart: number, serial = 'S1') =>
        store.recordVerification({
          sku: 'A',
          serial,
          fingerprint,
          at: at(minute),
          windowStart: at(windowStart),
        });
      // Stores that keep verification outcomes also say that none is recorded yet.
      const keepsOutcomes = typeof store.setVerificationOutcome === 'function';
      const counts = (distinctFingerprints: number, total: number) => ({
        distinctFingerprints,
        total,
        ...(keepsOutcomes ? { outcome: null } : {}),
      });
      expect(await verify('fa', 0, -60)).toEqual(counts(1, 1));
      expect(await verify('fa', 5, -55)).toEqual(counts(1, 2));
      expect(await verify('fb', 10, -50)).toEqual(counts(2, 3));
      // fa was last seen at minute 5: outside a window that starts at minute 8.
      expect(await verify('fc', 20, 8)).toEqual(counts(2, 4));
      // A new verification by fa brings it back into the window.
      expect(await verify('fa', 30, 8)).toEqual(counts(3, 5));
      expect(await verify('fa', 31, 25)).toEqual(counts(1, 6));
      // Other units keep their own counters.
      expect(await verify('fa', 32, 0, 'S2')).toEqual(counts(1, 1));
      // Concurrent verifications are all counted.
      await Promise.all(Array.from({ length: 10 }, (_, n) => verify(`fx${n}`, 40, 40, 'S3')));
      expect(await verify('fy', 41, 40, 'S3')).toEqual(counts(11, 11));
    }),
  );

  test(
    'setVerificationOutcome',
    withStore(async (store) => {
      const verify = (skuId = 'A', serial = 'S1') =>
        store.recordVerification({
          sku: skuId,
          serial,
          fingerprint: 'fa',
          at: at(0),
          windowStart: at(-60),
        });
      if (typeof store.setVerificationOutcome !== 'function') {
        // Optional; a store without it must not report outcomes either.
        expect((await verify()).outcome).toBe(undefined);
        return;
      }
      const set = store.setVerificationOutcome.bind(store);
      const event = (type: 'verified' | 'flagged', outcome: string, minute: number) => ({
        sku: 'A',
        serial: 'S1',
        type,
        at: at(minute),
        data: { outcome },
      });
      const change = (from: string | null, to: string, minute: number, flagged = false) => ({
        sku: 'A',
        serial: 'S1',
        from,
        to,
        at: at(minute),
        events: [event('verified', to, minute), ...(flagged ? [event('flagged', to, minute)] : [])],
      });
      const logged = async () =>
        (await store.listEvents({ sku: 'A', serial: 'S1' })).items.map((e) => [
          e.type,
          e.at,
          e.data?.outcome,
        ]);

      expect((await verify()).outcome).toBe(null);
      expect(await set(change(null, 'genuine', 1))).toEqual({ applied: true, outcome: 'genuine' });
      expect((await verify()).outcome).toBe('genuine');
      expect(await logged()).toEqual([['verified', at(1), 'genuine']]);

      // A stale `from` changes nothing and appends nothing.
      expect(await set(change(null, 'recalled', 2))).toEqual({
        applied: false,
        outcome: 'genuine',
      });
      expect(await set(change('suspicious', 'recalled', 2))).toEqual({
        applied: false,
        outcome: 'genuine',
      });
      expect((await verify()).outcome).toBe('genuine');
      expect(await logged()).toEqual([['verified', at(1), 'genuine']]);

      // Events are appended in order with the change.
      expect(await set(change('genuine', 'suspicious many_clients', 3, true))).toEqual({
        applied: true,
        outcome: 'suspicious many_clients',
      });
      expect(await logged()).toEqual([
        ['verified', at(1), 'genuine'],
        ['verified', at(3), 'suspicious many_clients'],
        ['flagged', at(3), 'suspicious many_clients'],
      ]);
      expect((await verify()).outcome).toBe('suspicious many_clients');

      // Outcomes are per unit: the same serial in another SKU, another serial.
      expect((await verify('B', 'S1')).outcome).toBe(null);
      expect((await verify('A', 'S2')).outcome).toBe(null);
      expect(
        await set({
          sku: 'A',
          serial: 'S2',
          from: 'genuine',
          to: 'recalled',
          at: at(4),
          events: [],
        }),
      ).toEqual({ applied: false, outcome: null });
      expect(
        await set({ sku: 'B', serial: 'S1', from: null, to: 'recalled', at: at(4), events: [] }),
      ).toEqual({ applied: true, outcome: 'recalled' });
      expect((await verify('B', 'S1')).outcome).toBe('recalled');
      expect((await verify('A', 'S2')).outcome).toBe(null);
      expect((await verify()).outcome).toBe('suspicious many_clients');
      expect((await store.listEvents({ serial: 'S2' })).items).toEqual([]);
      expect((await store.listEvents({ sku: 'B' })).items).toEqual([]);

      // Concurrent changes from the same outcome: exactly one applies; the others see it.
      const results = await Promise.all(
        ['genuine', 'recalled', 'suspicious not_shipped'].map((to) =>
          set(change('suspicious many_clients', to, 5)),
        ),
      );
      const winners = results.filter((result) => result.applied);
      expect(winners.length).toBe(1);
      const winner = winners[0]?.outcome;
      expect(results.map((result) => result.outcome)).toEqual([winner, winner, winner]);
      expect((await verify()).outcome).toBe(winner);
      expect((await logged()).slice(3)).toEqual([['verified', at(5), winner]]);
    }),
  );

  test('close', async () => {
    const store = await createStore();
    await store.putSku(sku('A'));
    await store.close();
    await store.close();
    expect((await rejection(store.getSku('A'))) instanceof Error).toBe(true);
    expect((await rejection(store.insertSerials([unit('A', 'S1')]))) instanceof Error).toBe(true);
  });
}
