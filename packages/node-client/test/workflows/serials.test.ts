import { compileFormat } from '@serialkit/core';
import { describe, expect, it } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';
import type { SerialInsert } from '../../src/store.js';
import {
  b2c,
  createStore,
  override,
  registerRange,
  SN,
  setup,
  sn,
  trackedSku,
} from './fixtures.js';

const GTIN = '09506000134352';

describe('serials.generate', () => {
  it('continues after the highest existing sequence, across calls and clients', async () => {
    const { client, store } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await client.serials.register('SKU-1', [sn(5), sn(2)]);

    expect(await client.serials.generate('SKU-1', 3)).toEqual({
      sku: 'SKU-1',
      serials: [sn(6), sn(7), sn(8)],
    });
    expect((await client.serials.generate('SKU-1', 2, { mode: 'sequential' })).serials).toEqual([
      sn(9),
      sn(10),
    ]);

    const other = createSerialClient({ store });
    expect((await other.serials.generate('SKU-1', 1)).serials).toEqual([sn(11)]);
    expect(await store.countSerials({ sku: 'SKU-1' })).toBe(8);
  });

  it('reads the {seq} field of formats with dates and check digits', async () => {
    const { client, store } = setup();
    const pattern = 'KB-{YYYY}-{seq:5}{check:luhn}';
    await trackedSku(client, 'KB', pattern);
    const format = compileFormat(pattern);
    // Units of another year do not count: each year has its own sequence.
    await client.serials.register('KB', [
      format.generate({ sequence: 41, date: new Date('2023-02-01') }),
      format.generate({ sequence: 7, date: new Date('2024-02-01') }),
    ]);
    const { serials } = await client.serials.generate('KB', 2, {
      lot: 'L1',
      manufacturedAt: '2024-03-01',
    });
    expect(serials.map((s) => format.validate(s).success)).toEqual([true, true]);
    expect(serials.map((s) => s.slice(0, 8))).toEqual(['KB-2024-', 'KB-2024-']);
    expect(serials.map((s) => s.slice(8, 13))).toEqual(['00008', '00009']);
    expect(await store.getSerial('KB', serials[0]!)).toMatchObject({
      lot: 'L1',
      manufacturedAt: '2024-03-01',
    });
  });

  it('starts the sequence again when the period of the date parts changes', async () => {
    const { client } = setup();
    await trackedSku(client, 'Y', 'Y-{YYYY}-{seq:4}');
    const at = async (date: string, count: number) =>
      (await client.serials.generate('Y', count, { manufacturedAt: date })).serials;
    expect(await at('2026-12-30', 2)).toEqual(['Y-2026-0001', 'Y-2026-0002']);
    expect(await at('2027-01-02', 2)).toEqual(['Y-2027-0001', 'Y-2027-0002']);
    // Back in 2026 (a late batch), its sequence continues where it stopped.
    expect(await at('2026-06-01', 1)).toEqual(['Y-2026-0003']);

    await trackedSku(client, 'M', 'M{YY}{MM}{seq:3}');
    const month = async (date: string) =>
      (await client.serials.generate('M', 1, { manufacturedAt: date })).serials[0];
    expect(await month('2026-01-31')).toBe('M2601001');
    expect(await month('2026-01-01')).toBe('M2601002');
    expect(await month('2026-02-01')).toBe('M2602001');

    // A week-based format counts per ISO week year and week.
    await trackedSku(client, 'W', 'W{YYYY}{WW}-{seq:3}');
    const week = async (date: string) =>
      (await client.serials.generate('W', 1, { manufacturedAt: date })).serials[0];
    expect(await week('2024-12-30')).toBe('W202501-001');
    expect(await week('2025-01-03')).toBe('W202501-002');
    expect(await week('2025-01-06')).toBe('W202502-001');
  });

  it('never skips or repeats a number when clients generate at once', async () => {
    const { store } = setup();
    const clients = Array.from({ length: 4 }, () => createSerialClient({ store }));
    await trackedSku(clients[0]!, 'SKU-1', SN);
    const batches = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        clients[i % clients.length]!.serials.generate('SKU-1', (i % 5) + 1),
      ),
    );
    const serials = batches.flatMap((batch) => batch.serials).sort();
    const total = Array.from({ length: 20 }, (_, i) => (i % 5) + 1).reduce((a, b) => a + b, 0);
    expect(serials).toEqual(Array.from({ length: total }, (_, i) => sn(i + 1)));
  });

  it('continues after units registered by hand, and passes over those registered since', async () => {
    const { client, store } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await client.serials.register('SKU-1', [sn(2)]);
    expect((await client.serials.generate('SKU-1', 2)).serials).toEqual([sn(3), sn(4)]);
    // A unit registered by hand ahead of the counter is passed over, not numbered twice.
    await client.serials.register('SKU-1', [sn(6)]);
    expect((await client.serials.generate('SKU-1', 3)).serials.sort()).toEqual([
      sn(5),
      sn(7),
      sn(8),
    ]);
    // A client started later reads the units once and continues after the highest.
    await client.serials.register('SKU-1', [sn(20)]);
    const later = createSerialClient({ store });
    expect((await later.serials.generate('SKU-1', 1)).serials).toEqual([sn(21)]);
  });

  it('generates unique random serials and regenerates collisions', async () => {
    const inner = createStore();
    let first = true;
    const store = override(inner, {
      insertSerials: async (rows: SerialInsert[]) => {
        if (!first) return inner.insertSerials(rows);
        first = false;
        // Pretend the first two collided with serials registered elsewhere.
        const result = await inner.insertSerials(rows.slice(2));
        return { inserted: result.inserted, conflicts: [0, 1] };
      },
    });
    const { client } = setup({ store });
    await trackedSku(client, 'R', 'R-{X:10}');
    const { serials } = await client.serials.generate('R', 20, { mode: 'random' });
    expect(serials).toHaveLength(20);
    expect(new Set(serials).size).toBe(20);
    expect(await inner.countSerials({ sku: 'R' })).toBe(20);
    for (const serial of serials) expect(await inner.getSerial('R', serial)).not.toBeNull();
  });

  it('needs a SKU with a pattern and a valid request', async () => {
    const { client } = setup();
    await trackedSku(client, 'FREE', null);
    await expect(client.serials.generate('FREE', 1)).rejects.toSatisfy(ConflictError.isInstance);
    await trackedSku(client, 'SKU-1', SN);
    await expect(client.serials.generate('SKU-1', 0)).rejects.toSatisfy(ValidationError.isInstance);
    await expect(client.serials.generate('nope', 1)).rejects.toSatisfy(NotFoundError.isInstance);
  });

  it('fails with a conflict when the sequence space runs out', async () => {
    const { client } = setup();
    await trackedSku(client, 'TINY', 'T{D:1}');
    await client.serials.register('TINY', ['T8']);
    await expect(client.serials.generate('TINY', 3)).rejects.toSatisfy(ConflictError.isInstance);
  });
});

describe('serials.lookup', () => {
  it('finds a unit from typed input, with its SKU name, recall and history', async () => {
    const { client, clock } = setup();
    await trackedSku(client, 'SKU-1', SN, { name: 'Keyboard' });
    await client.serials.register('SKU-1', [{ serial: sn(1), lot: 'L1' }]);
    clock.advance(10);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    const recall = await client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'Overheats' });

    const found = await client.serials.lookup('  sn 000001 ');
    expect(found.record).toMatchObject({
      sku: 'SKU-1',
      serial: sn(1),
      status: 'shipped',
      recallId: recall.id,
    });
    expect(found.skuName).toBe('Keyboard');
    expect(found.recall).toMatchObject({ id: recall.id, notice: 'Overheats' });
    expect(found.events.map((e) => e.type)).toEqual(['commissioned', 'shipped', 'recalled']);
    expect(found.events[0]).toMatchObject({ at: '2024-05-01T12:00:00.000Z', data: { lot: 'L1' } });
  });

  it('reads GS1 Digital Links and element strings through the SKU of the GTIN', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN, { gtin: GTIN });
    await registerRange(client, 'SKU-1', 1);
    for (const input of [
      `https://id.gs1.org/01/${GTIN}/21/SN-000001`,
      `(01)${GTIN}(21)SN-000001`,
    ]) {
      expect((await client.serials.lookup(input)).record.serial).toBe(sn(1));
    }
  });

  it('asks for the SKU when several SKUs have the serial', async () => {
    const { client } = setup();
    await trackedSku(client, 'A', SN);
    await trackedSku(client, 'B', SN);
    await registerRange(client, 'A', 1);
    await registerRange(client, 'B', 1);
    const error = await client.serials.lookup(sn(1)).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues?.[0]).toMatchObject({
      code: 'ambiguous_serial',
      path: ['sku'],
    });
    expect((await client.serials.lookup(sn(1), { sku: 'B' })).record.sku).toBe('B');
  });

  it('prefers the SKU whose unit exists when several formats read the input', async () => {
    const { client } = setup();
    await trackedSku(client, 'A', SN);
    await trackedSku(client, 'B', 'SN-{D:6-8}');
    await registerRange(client, 'B', 1);
    expect((await client.serials.lookup(sn(1))).record.sku).toBe('B');
  });

  it('throws NotFoundError for unknown units and ValidationError for unreadable input', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await expect(client.serials.lookup(sn(1))).rejects.toSatisfy(NotFoundError.isInstance);
    await expect(client.serials.lookup(sn(1), { sku: 'nope' })).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
    const error = await client.serials.lookup('hello').catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues?.[0]).toMatchObject({ path: ['serial'] });
  });

  it('finds units of a SKU whose tracking was turned off, by exact serial', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 1);
    await client.skus.update('SKU-1', {
      name: 'Off',
      serialTracking: { enabled: false, format: SN },
    });
    expect((await client.serials.lookup(sn(1))).record.sku).toBe('SKU-1');
  });
});

describe('serials.list', () => {
  it('awaits a page and iterates every unit across pages', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 5);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(2)]));
    const page = await client.serials.list({ sku: 'SKU-1', status: 'in_stock' }, { limit: 2 });
    expect(page.items.map((u) => u.serial)).toEqual([sn(1), sn(3)]);
    const all: string[] = [];
    for await (const unit of client.serials.list({ sku: 'SKU-1' }, { limit: 2 }))
      all.push(unit.serial);
    expect(all).toEqual([sn(1), sn(2), sn(3), sn(4), sn(5)]);
  });

  it('reads a range in the order of the SKU format, in lists and exports', async () => {
    const { client, store } = setup();
    await trackedSku(client, 'VAR', 'SN-{D:1-6}');
    await trackedSku(client, 'FIX', SN);
    await client.serials.register(
      'VAR',
      Array.from({ length: 15 }, (_, i) => `SN-${i + 1}`),
    );
    await registerRange(client, 'FIX', 12);
    const range = { from: 'SN-9', to: 'SN-12' };
    const listed = await client.serials.list({ sku: 'VAR', range }).toArray();
    expect(listed.map((u) => u.serial)).toEqual(['SN-10', 'SN-11', 'SN-12', 'SN-9']);
    const lines: string[] = [];
    for await (const line of client.exports.serials({ sku: 'VAR', range })) lines.push(line);
    expect(lines).toHaveLength(5);
    // The store alone compares text; a fixed-length format is text order already.
    expect((await store.listSerials({ sku: 'VAR', range })).items).toEqual([]);
    const fixed = await client.serials.list({ sku: 'FIX', range: { from: sn(9), to: sn(12) } });
    expect(fixed.items.map((u) => u.serial)).toEqual([sn(9), sn(10), sn(11), sn(12)]);
  });
});
