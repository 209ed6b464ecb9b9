/**
 * Scanned codes wherever a serial is entered: a GS1 element string, a bracketed string and a
 * Digital Link URI each reach the right unit, and a GTIN of another SKU is refused by name with
 * nothing changed.
 */
import { describe, expect, it } from 'vitest';
import type { SerialClient } from '../../src/client.js';
import { ConflictError, ValidationError } from '../../src/errors.js';
import { b2c, registerRange, SN, type StoreKind, setup, sn, trackedSku } from './fixtures.js';

/** SKU-1's GTIN. */
const GTIN_1 = '04012345000016';
/** SKU-2's GTIN. */
const GTIN_2 = '04012345000023';
/** A GTIN no SKU has. */
const GTIN_NONE = '04012345000030';

/** The three forms a scanner gives for one unit. */
function codes(gtin: string, serial: string) {
  return {
    element: `01${gtin}21${serial}`,
    bracketed: `(01)${gtin}(21)${serial}`,
    link: `https://id.example.com/01/${gtin}/21/${serial}`,
  };
}
const FORMS = ['element', 'bracketed', 'link'] as const;

/** Two tracked SKUs with GTINs and the same format; SKU-1 has SN-000001…3, SKU-2 SN-000001. */
async function catalog(kind: StoreKind) {
  const s = setup({ kind });
  await trackedSku(s.client, 'SKU-1', SN, { gtin: GTIN_1 });
  await trackedSku(s.client, 'SKU-2', SN, { gtin: GTIN_2 });
  return s;
}

async function failure(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ValidationError.isInstance(error)).toBe(true);
  return error as ValidationError;
}

/** The issue of a code of SKU-2 entered for SKU-1: names both. */
const mismatch = {
  code: 'invalid_gs1',
  reason: 'gtin_mismatch',
  skus: ['SKU-1', 'SKU-2'],
  message: expect.stringMatching(/SKU-1.*SKU-2/),
};

async function statusOf(client: SerialClient, sku: string, serial: string) {
  return (await client.serials.lookup(serial, { sku })).record.status;
}

describe.each<StoreKind>(['memory', 'sqlite'])('scanned codes (%s)', (kind) => {
  it('register: each form registers its AI 21 serial; another SKU’s GTIN is an invalid row', async () => {
    const { client, store } = await catalog(kind);
    const summary = await client.serials.register('SKU-1', [
      codes(GTIN_1, sn(1)).element,
      codes(GTIN_1, sn(2)).bracketed,
      { serial: codes(GTIN_1, sn(3)).link, lot: 'L1' },
      codes(GTIN_2, sn(4)).bracketed,
      sn(5),
    ]);
    expect(summary).toMatchObject({ registered: 4, invalid: 1, duplicates: 0 });
    expect(summary.rejected).toEqual([
      {
        index: 3,
        status: 'invalid',
        input: codes(GTIN_2, sn(4)).bracketed,
        issues: [expect.objectContaining(mismatch)],
      },
    ]);
    for (const n of [1, 2, 3, 5]) expect(await store.getSerial('SKU-1', sn(n))).not.toBeNull();
    expect((await store.getSerial('SKU-1', sn(3)))?.lot).toBe('L1');
    expect(await store.findSerial(sn(4))).toEqual([]);
  });

  it('register: digits a numeric format reads as they stand stay a plain serial', async () => {
    const { client, store } = await catalog(kind);
    await trackedSku(client, 'NUM', '{D:16}');
    // Reads as AI 01 with SKU-1's GTIN, but NUM's format takes it whole.
    const serial = `01${GTIN_1}`;
    expect(await client.serials.register('NUM', [serial])).toMatchObject({ registered: 1 });
    expect(await store.getSerial('NUM', serial)).not.toBeNull();
  });

  it('shipments.create: each form ships its unit; another SKU’s GTIN ships nothing', async () => {
    const { client, store } = await catalog(kind);
    await registerRange(client, 'SKU-1', 3);
    await registerRange(client, 'SKU-2', 1);

    const refused = await failure(
      client.shipments.create(b2c('ORD-0', 'SKU-1', [sn(1), codes(GTIN_2, sn(1)).link])),
    );
    expect(refused.issues).toEqual([
      expect.objectContaining({ ...mismatch, path: ['lines', 0, 'serials', 1] }),
    ]);
    expect((await store.getSerial('SKU-1', sn(1)))?.status).toBe('in_stock');
    expect((await store.getSerial('SKU-2', sn(1)))?.status).toBe('in_stock');

    const shipment = await client.shipments.create(
      b2c(
        'ORD-1',
        'SKU-1',
        FORMS.map((form, i) => codes(GTIN_1, sn(i + 1))[form]),
      ),
    );
    expect(shipment.units).toEqual([1, 2, 3].map((n) => ({ sku: 'SKU-1', serial: sn(n) })));
    for (const n of [1, 2, 3]) expect(await statusOf(client, 'SKU-1', sn(n))).toBe('shipped');
    expect(await statusOf(client, 'SKU-2', sn(1))).toBe('in_stock');

    // A code of a shipped unit is a problem of that unit, as its plain serial is.
    const again = await client.shipments
      .create(b2c('ORD-2', 'SKU-1', [codes(GTIN_1, sn(1)).element]))
      .catch((e: unknown) => e);
    expect(ConflictError.isInstance(again)).toBe(true);
    expect((again as ConflictError).details?.problems).toEqual([
      { sku: 'SKU-1', serial: sn(1), reason: 'not_in_stock', status: 'shipped' },
    ]);
  });

  it('orders.pick: each form picks its unit; another SKU’s GTIN with the SKU given is invalid', async () => {
    const { client, store } = await catalog(kind);
    await registerRange(client, 'SKU-1', 3);
    await registerRange(client, 'SKU-2', 1);
    await client.orders.create({
      id: 'ORD-1',
      channel: 'b2c',
      customer: { id: 'C-1', email: 'ada@example.com' },
      lines: [{ sku: 'SKU-1', quantity: 3 }],
    });
    const wrong = await client.orders.pick('ORD-1', codes(GTIN_2, sn(1)).bracketed, {
      sku: 'SKU-1',
    });
    expect(wrong.outcome).toBe('invalid');
    expect((await store.getSerial('SKU-2', sn(1)))?.status).toBe('in_stock');
    for (const [i, form] of FORMS.entries()) {
      const picked = await client.orders.pick('ORD-1', codes(GTIN_1, sn(i + 1))[form]);
      expect([picked.outcome, picked.sku, picked.serial]).toEqual(['accepted', 'SKU-1', sn(i + 1)]);
    }
  });

  it('imports.serials: cells of each form register; the GTIN names the SKU of an empty sku cell', async () => {
    const { client, store } = await catalog(kind);
    const csv = [
      'sku,serial,lot',
      `SKU-1,${codes(GTIN_1, sn(1)).element},`, // 2
      `SKU-1,${codes(GTIN_1, sn(2)).bracketed},L2`, // 3
      `,${codes(GTIN_2, sn(3)).link},`, // 4: SKU-2 by its GTIN
      `SKU-1,${codes(GTIN_2, sn(4)).bracketed},`, // 5: SKU-2's GTIN on a SKU-1 row
      `,${codes(GTIN_NONE, sn(5)).element},`, // 6: a GTIN no SKU has
      `,${sn(6)},`, // 7: a plain serial still needs its SKU
      `SKU-1,${sn(7)},`, // 8
    ].join('\n');
    const report = await client.imports.serials(csv);
    expect(report).toMatchObject({ rows: 7, registered: 4, invalid: 3 });
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 5,
        code: 'invalid_gs1',
        message: expect.stringMatching(/SKU-1.*SKU-2/),
        issues: [expect.objectContaining(mismatch)],
      }),
      expect.objectContaining({
        line: 6,
        code: 'unknown_gtin',
        message: `No SKU has the scanned GTIN ${GTIN_NONE}`,
      }),
      expect.objectContaining({ line: 7, code: 'missing_value' }),
    ]);
    expect(await store.getSerial('SKU-1', sn(1))).not.toBeNull();
    expect((await store.getSerial('SKU-1', sn(2)))?.lot).toBe('L2');
    expect(await store.getSerial('SKU-2', sn(3))).not.toBeNull();
    expect(await store.findSerial(sn(4))).toEqual([]);
    expect(await store.findSerial(sn(5))).toEqual([]);
  });

  it('imports.shipments: cells of each form ship; a contradicting GTIN is reported on its line', async () => {
    const { client, store } = await catalog(kind);
    await registerRange(client, 'SKU-1', 4);
    await registerRange(client, 'SKU-2', 1);
    const csv = [
      'order_id,customer_email,sku,serial',
      `ORD-1,ada@example.com,SKU-1,${codes(GTIN_1, sn(1)).element}`,
      `ORD-1,ada@example.com,SKU-1,${codes(GTIN_1, sn(2)).bracketed}`,
      `ORD-1,ada@example.com,SKU-1,${codes(GTIN_1, sn(3)).link}`,
      `ORD-2,bob@example.com,SKU-1,${sn(4)}`,
      `ORD-2,bob@example.com,SKU-1,${codes(GTIN_2, sn(1)).link}`,
    ].join('\n');
    const report = await client.imports.shipments(csv);
    expect(report).toMatchObject({ shipments: 1, units: 3, failedShipments: 1 });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 5, code: 'shipment_failed' }),
      expect.objectContaining({
        line: 6,
        code: 'invalid_gs1',
        issues: [expect.objectContaining(mismatch)],
      }),
    ]);
    for (const n of [1, 2, 3])
      expect((await store.getSerial('SKU-1', sn(n)))?.status).toBe('shipped');
    expect((await store.getSerial('SKU-1', sn(4)))?.status).toBe('in_stock');
  });

  it('returns: check, accept and reject read each form; another SKU’s GTIN is refused', async () => {
    const { client, store } = await catalog(kind);
    await registerRange(client, 'SKU-1', 3);
    await registerRange(client, 'SKU-2', 1);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), sn(2), sn(3)]));
    await client.shipments.create(b2c('ORD-1', 'SKU-2', [sn(1)]));

    for (const form of FORMS) {
      const check = await client.returns.check({
        orderId: 'ORD-1',
        serial: codes(GTIN_1, sn(1))[form],
      });
      expect(check).toMatchObject({ verdict: 'match', sku: 'SKU-1', serial: sn(1) });
    }
    const wrong = codes(GTIN_2, sn(1)).bracketed;
    const checked = await client.returns.check({ orderId: 'ORD-1', serial: wrong, sku: 'SKU-1' });
    expect(checked).toMatchObject({ verdict: 'invalid', issues: [mismatch] });
    const refused = await failure(
      client.returns.accept({
        orderId: 'ORD-1',
        serial: wrong,
        sku: 'SKU-1',
        disposition: 'restock',
      }),
    );
    expect(refused.issues).toEqual([expect.objectContaining({ ...mismatch, path: ['serial'] })]);
    await failure(
      client.returns.reject({ orderId: 'ORD-1', serial: wrong, sku: 'SKU-1', reason: 'x' }),
    );
    expect((await store.getSerial('SKU-2', sn(1)))?.status).toBe('shipped');
    expect((await store.getSerial('SKU-1', sn(1)))?.status).toBe('shipped');

    const accepted = await client.returns.accept({
      orderId: 'ORD-1',
      serial: codes(GTIN_1, sn(2)).element,
      disposition: 'restock',
    });
    expect(accepted).toMatchObject({ sku: 'SKU-1', serial: sn(2), status: 'in_stock' });
    const rejected = await client.returns.reject({
      orderId: 'ORD-1',
      serial: codes(GTIN_1, sn(3)).link,
      reason: 'Not ours',
    });
    expect(rejected).toMatchObject({ sku: 'SKU-1', serial: sn(3), type: 'return_rejected' });
  });

  it('recalls: listed codes of each form select their unit; a contradicting GTIN creates nothing', async () => {
    const { client, store } = await catalog(kind);
    await registerRange(client, 'SKU-1', 4);
    await registerRange(client, 'SKU-2', 2);

    const refused = await failure(
      client.recalls.create({
        sku: 'SKU-1',
        serials: [sn(4), codes(GTIN_2, sn(1)).element],
        notice: 'Overheats',
      }),
    );
    expect(refused.issues).toEqual([
      expect.objectContaining({ ...mismatch, path: ['serials', 1] }),
    ]);
    const none = await failure(
      client.recalls.preview({ sku: 'SKU-1', serials: [codes(GTIN_NONE, sn(1)).link] }),
    );
    expect(none.issues).toEqual([
      expect.objectContaining({ reason: 'gtin_mismatch', skus: ['SKU-1'] }),
    ]);
    expect((await client.recalls.list()).items).toEqual([]);

    const recall = await client.recalls.create({
      sku: 'SKU-1',
      serials: FORMS.map((form, i) => codes(GTIN_1, sn(i + 1))[form]),
      notice: 'Overheats',
    });
    for (const n of [1, 2, 3])
      expect((await store.getSerial('SKU-1', sn(n)))?.recallId).toBe(recall.id);
    expect((await store.getSerial('SKU-1', sn(4)))?.recallId).toBeUndefined();

    // Of several SKUs, a code selects the unit of its GTIN's SKU only; a plain serial, every one.
    const both = await client.recalls.create({
      skus: ['SKU-1', 'SKU-2'],
      serials: [codes(GTIN_2, sn(1)).bracketed, sn(2)],
      notice: 'Loose screw',
    });
    expect((await store.getSerial('SKU-2', sn(1)))?.recallId).toBe(both.id);
    expect((await store.getSerial('SKU-2', sn(2)))?.recallId).toBe(both.id);
    expect((await store.getSerial('SKU-1', sn(1)))?.recallId).toBe(recall.id);
  });

  it('sightings and corrections: each form reaches its unit; another SKU’s GTIN changes nothing', async () => {
    const { client, store } = await catalog(kind);
    await registerRange(client, 'SKU-1', 3);
    await registerRange(client, 'SKU-2', 1);
    for (const [i, form] of FORMS.entries()) {
      const event = await client.sightings.record({
        serial: codes(GTIN_1, sn(i + 1))[form],
        source: 'marketplace',
      });
      expect(event).toMatchObject({ sku: 'SKU-1', serial: sn(i + 1), type: 'sighted' });
      const edited = await client.corrections.edit(codes(GTIN_1, sn(i + 1))[form], {
        lot: `L${i}`,
        reason: 'Label',
      });
      expect(edited).toMatchObject({ sku: 'SKU-1', serial: sn(i + 1), lot: `L${i}` });
    }
    const wrong = codes(GTIN_2, sn(1)).link;
    const sighting = await failure(
      client.sightings.record({ serial: wrong, sku: 'SKU-1', source: 'marketplace' }),
    );
    expect(sighting.issues).toEqual([expect.objectContaining(mismatch)]);
    const edit = await failure(
      client.corrections.edit(wrong, { sku: 'SKU-1', lot: 'X', reason: 'r' }),
    );
    expect(edit.issues).toEqual([expect.objectContaining(mismatch)]);
    const events = await store.listEvents({ sku: 'SKU-2', serial: sn(1) });
    expect(events.items.map((e) => e.type)).toEqual([]);
    expect((await store.getSerial('SKU-2', sn(1)))?.lot).toBeUndefined();
  });
});
