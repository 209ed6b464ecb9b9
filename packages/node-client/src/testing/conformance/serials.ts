/** Units: inserting with conflicts, reading one, finding a serial across SKUs. */
import type { SerialInsert } from '../../store.js';
import { at, keys, sku, unit } from './fixtures.js';
import type { Suite } from './suite.js';

export function serialTests({ test, expect, withStore }: Suite): void {
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
}
