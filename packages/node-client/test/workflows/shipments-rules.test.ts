/**
 * The rules of shipments beyond the common problems: the conflict message, what a shipment
 * records (and leaves out), large lines, and the answers of a compare-and-set lost to a race.
 * Written from the survivors of the mutation run.
 */
import type { SerialRecord } from '@serialkit/core';
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../src/errors.js';
import type { Transition } from '../../src/store.js';
import {
  b2c,
  createStore,
  errorOf,
  override,
  registerRange,
  SN,
  setup,
  sn,
  trackedSku,
} from './fixtures.js';

describe('shipments: input', () => {
  it('names what was invalid', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 1);
    const malformed = await errorOf(client.shipments.create({ orderId: 'O' } as never));
    expect(ValidationError.isInstance(malformed)).toBe(true);
    expect(malformed.message).toBe('Invalid shipment');
    const badDate = await errorOf(
      client.shipments.create({ ...b2c('O', 'SKU-1', [sn(1)]), shippedAt: '2024-13-45T00:00:00Z' }),
    );
    expect(ValidationError.isInstance(badDate)).toBe(true);
    expect(badDate.issues!.map((issue) => issue.path)).toEqual([['shippedAt']]);
  });
});

describe('shipments: the conflict message', () => {
  it('names five problems with their status, then counts the rest', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 1);
    await client.shipments.create(b2c('ORD-0', 'SKU-1', [sn(1)]));
    const five = await errorOf(
      client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), sn(2), sn(3), sn(4), sn(5)])),
    );
    expect(ConflictError.isInstance(five)).toBe(true);
    expect(five.message).toBe(
      'Order ORD-1 cannot ship: SKU-1 SN-000001: not_in_stock (shipped); SKU-1 SN-000002: not_found; ' +
        'SKU-1 SN-000003: not_found; SKU-1 SN-000004: not_found; SKU-1 SN-000005: not_found',
    );
    const seven = await errorOf(
      client.shipments.create(b2c('ORD-1', 'SKU-1', [2, 3, 4, 5, 6, 7, 8].map(sn))),
    );
    expect(seven.message).toBe(
      'Order ORD-1 cannot ship: SKU-1 SN-000002: not_found; SKU-1 SN-000003: not_found; ' +
        'SKU-1 SN-000004: not_found; SKU-1 SN-000005: not_found; SKU-1 SN-000006: not_found; and 2 more',
    );
    expect(seven.details!.problems).toHaveLength(7);
  });
});

describe('shipments: what is recorded', () => {
  it('records no keys for what was not given', async () => {
    const { client, store } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 2);
    const plain = await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    expect(Object.keys(plain).sort()).toEqual(['channel', 'orderId', 'shippedAt', 'units']);
    const unit = await store.getSerial('SKU-1', sn(1));
    expect(Object.keys(unit?.shipment ?? {}).sort()).toEqual([
      'channel',
      'customer',
      'orderId',
      'shippedAt',
    ]);
    const [shipped] = (await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'shipped' }))
      .items;
    expect(shipped?.data).toStrictEqual({ orderId: 'ORD-1', channel: 'b2c' });

    await client.shipments.create({
      orderId: 'ORD-2',
      shipmentId: 'PARCEL-1',
      channel: 'b2b',
      account: { id: 'ACME' },
      lines: [{ sku: 'SKU-1', serials: [sn(2)] }],
    });
    const b2b = await store.getSerial('SKU-1', sn(2));
    expect(Object.keys(b2b?.shipment ?? {}).sort()).toEqual([
      'account',
      'channel',
      'orderId',
      'shipmentId',
      'shippedAt',
    ]);
  });

  it('ships a line of more units than a page of the store', async () => {
    const { client, store } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 150);
    const serials = Array.from({ length: 150 }, (_, i) => sn(i + 1));
    const shipment = await client.shipments.create(b2c('ORD-1', 'SKU-1', serials));
    expect(shipment.units).toHaveLength(150);
    expect(await store.countSerials({ orderId: 'ORD-1' })).toBe(150);
  });
});

describe('shipments: a race lost in the compare-and-set', () => {
  const racing = (current: object | null) => {
    const inner = createStore();
    return override(inner, {
      transition: (transitions: Transition[]) =>
        transitions[0]?.to === 'shipped'
          ? Promise.resolve({
              ok: false as const,
              failures: [{ index: 0, current: current as SerialRecord | null }],
            })
          : inner.transition(transitions),
    });
  };

  for (const [current, problem] of [
    [null, { reason: 'not_found' }],
    [{ status: 'in_stock', recallId: 'R-1' }, { reason: 'recalled' }],
    [{ status: 'shipped' }, { reason: 'not_in_stock', status: 'shipped' }],
    [
      { status: 'quarantined', recallId: 'R-1' },
      { reason: 'not_in_stock', status: 'quarantined' },
    ],
  ] as const) {
    it(`names a unit found ${JSON.stringify(current)} as ${problem.reason}`, async () => {
      const { client } = setup({ store: racing(current) });
      await trackedSku(client, 'SKU-1', SN);
      await registerRange(client, 'SKU-1', 1);
      const error = await errorOf(client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)])));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error.details!.problems).toStrictEqual([{ sku: 'SKU-1', serial: sn(1), ...problem }]);
    });
  }
});

describe('shipments: scanned codes', () => {
  const GTIN_1 = '04012345000016';
  const GTIN_2 = '04012345000023';

  it("refuses codes of another product by name, and tells a code without a serial as a unit's problem", async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN, { gtin: GTIN_1 });
    await trackedSku(client, 'SKU-2', SN, { gtin: GTIN_2 });
    await registerRange(client, 'SKU-1', 2);
    const mismatch = await errorOf(
      client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), `(01)${GTIN_2}(21)${sn(2)}`])),
    );
    expect(ValidationError.isInstance(mismatch)).toBe(true);
    expect(mismatch.message).toBe("Scanned codes of another product than their line's SKU");
    expect(mismatch.issues!.map((issue) => issue.path)).toEqual([['lines', 0, 'serials', 1]]);

    const noSerial = await errorOf(
      client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), `(01)${GTIN_1}`])),
    );
    expect(ConflictError.isInstance(noSerial)).toBe(true);
    expect(noSerial.details!.problems).toEqual([
      {
        sku: 'SKU-1',
        serial: `(01)${GTIN_1}`,
        reason: 'invalid_format',
        issues: [expect.objectContaining({ code: 'invalid_gs1' })],
      },
    ]);
  });
});
