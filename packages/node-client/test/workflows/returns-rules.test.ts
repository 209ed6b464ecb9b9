/**
 * The rules of returns beyond the common verdicts: what each refusal says, what is recorded, how
 * a customer's proof is matched against every shipment of the order, and what happens when the
 * store moves under an accept. Written from the survivors of the mutation run.
 */
import type { SerialRecord, SerialStatus } from '@serialkit/core';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';
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

async function shippedSetup(options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  await trackedSku(s.client, 'SKU-1', SN);
  await registerRange(s.client, 'SKU-1', 5);
  await s.client.shipments.create(
    b2c('ORD-1', 'SKU-1', [sn(1), sn(2)], { email: 'ada@example.com', postcode: 'SW1A 1AA' }),
  );
  return s;
}

describe('returns: input and refusals', () => {
  it('names what was invalid', async () => {
    const { client } = await shippedSetup();
    const cases = [
      [() => client.returns.check({ orderId: '', serial: sn(1) }), 'Invalid return check'],
      [
        () => client.returns.checkPublic({ orderId: 'ORD-1', serial: sn(1) }),
        'Invalid return check',
      ],
      [
        () => client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'x' as never }),
        'Invalid return',
      ],
      [
        () => client.returns.reject({ orderId: 'ORD-1', serial: sn(1) } as never),
        'Invalid return rejection',
      ],
    ] as const;
    for (const [run, message] of cases) {
      const error = await errorOf(run());
      expect(ValidationError.isInstance(error), message).toBe(true);
      expect(error.message).toBe(message);
    }
  });

  it('answers invalid with the format issues, and an unknown SKU as an issue of the sku', async () => {
    const { client } = await shippedSetup();
    const invalid = await client.returns.check({ orderId: 'ORD-1', serial: 'SN-1', sku: 'SKU-1' });
    expect(invalid).toMatchObject({ verdict: 'invalid', orderId: 'ORD-1' });
    expect(invalid.issues!.map((issue) => issue.code)).not.toContain('unknown_sku');
    expect(invalid.issues!.length).toBeGreaterThan(0);
    expect(await client.returns.check({ orderId: 'ORD-1', serial: sn(1), sku: 'SKU-9' })).toEqual({
      orderId: 'ORD-1',
      verdict: 'invalid',
      issues: [{ code: 'unknown_sku', message: 'SKU SKU-9 not found', path: ['sku'] }],
    });
  });

  it('refuses to accept with the verdict in the message and details', async () => {
    const { client } = await shippedSetup();
    const error = await errorOf(
      client.returns.accept({ orderId: 'ORD-1', serial: sn(4), disposition: 'restock' }),
    );
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error.message).toBe('Return refused: the return check says mismatch');
    expect(error.details).toMatchObject({ verdict: 'mismatch', serial: sn(4) });
  });

  it('rejects only known units: an invalid serial is refused, an unknown one not found by its read serial', async () => {
    const { client } = await shippedSetup();
    const invalid = await errorOf(
      client.returns.reject({ orderId: 'ORD-1', serial: 'SN-1', sku: 'SKU-1', reason: 'x' }),
    );
    expect(ConflictError.isInstance(invalid)).toBe(true);
    expect(invalid.details).toMatchObject({ verdict: 'invalid' });
    const unknown = await errorOf(
      client.returns.reject({ orderId: 'ORD-1', serial: 'sn 000099', reason: 'x' }),
    );
    expect(NotFoundError.isInstance(unknown)).toBe(true);
    expect(unknown.message).toBe('Serial SN-000099 not found');
    expect(unknown.details).toEqual({ serial: 'SN-000099' });
  });
});

describe('returns: records', () => {
  it('records public checks as public, and accepts without a reason as none', async () => {
    const { client, store } = await shippedSetup();
    await client.returns.check({ orderId: 'ORD-1', serial: sn(1) });
    await client.returns.checkPublic({ orderId: 'ORD-1', email: 'ada@example.com', serial: sn(1) });
    const checks = await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'return_checked' });
    expect(checks.items.map((event) => event.data)).toEqual([
      { orderId: 'ORD-1', verdict: 'match' },
      { orderId: 'ORD-1', verdict: 'match', public: true },
    ]);
    await client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'restock' });
    const [returned] = (await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'returned' }))
      .items;
    expect(Object.keys(returned?.data ?? {}).sort()).toEqual(['disposition', 'orderId']);
  });
});

describe('returns: the public proof', () => {
  it('matches any shipment of the order, and customers without an email or a postcode', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 4);
    // One order, three shipments: no email, no postcode, and neither (a B2B account).
    await client.shipments.create(b2c('ORD-7', 'SKU-1', [sn(1)], { email: undefined }));
    await client.shipments.create(
      b2c('ORD-7', 'SKU-1', [sn(2)], { email: 'eve@example.com', postcode: undefined }),
    );
    await client.shipments.create({
      orderId: 'ORD-7',
      channel: 'b2b',
      account: { id: 'ACME' },
      lines: [{ sku: 'SKU-1', serials: [sn(3)] }],
    });
    const check = (proof: object) =>
      client.returns.checkPublic({ orderId: 'ORD-7', serial: sn(1), ...proof });
    expect((await check({ email: 'eve@example.com' })).verdict).toBe('match');
    expect((await check({ postcode: 'sw1a1aa' })).verdict).toBe('match');
    for (const proof of [{ email: 'ada@example.com' }, { postcode: '' }, { postcode: '  ' }]) {
      expect((await check(proof)).verdict).toBe('order_not_found');
    }
  });
});

describe('returns: the public proof, further', () => {
  it('reads past the first page of a large order', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 101);
    const first = Array.from({ length: 100 }, (_, i) => sn(i + 1));
    await client.shipments.create(b2c('ORD-9', 'SKU-1', first));
    await client.shipments.create(
      b2c('ORD-9', 'SKU-1', [sn(101)], { email: 'eve@example.com', postcode: '10115' }),
    );
    const check = (proof: object) =>
      client.returns.checkPublic({ orderId: 'ORD-9', serial: sn(101), ...proof });
    expect((await check({ email: 'eve@example.com' })).verdict).toBe('match');
    expect((await check({ postcode: '10115' })).verdict).toBe('match');
  });

  it('never proves by a postcode against a customer without one, or a blank one', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 2);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)], { postcode: undefined }));
    await client.shipments.create(b2c('ORD-2', 'SKU-1', [sn(2)], { postcode: '  ' }));
    for (const [orderId, serial] of [
      ['ORD-1', sn(1)],
      ['ORD-2', sn(2)],
    ] as const) {
      for (const postcode of ['SW1A 1AA', '', ' ']) {
        expect((await client.returns.checkPublic({ orderId, postcode, serial })).verdict).toBe(
          'order_not_found',
        );
      }
    }
  });
});

describe('returns: a scanned code of another product', () => {
  it('is a mistake in the request, not a verdict', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN, { gtin: '04012345000016' });
    await trackedSku(client, 'SKU-2', SN, { gtin: '04012345000023' });
    await registerRange(client, 'SKU-1', 1);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    const error = await errorOf(
      client.returns.accept({
        orderId: 'ORD-1',
        sku: 'SKU-1',
        serial: `(01)04012345000023(21)${sn(1)}`,
        disposition: 'restock',
      }),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.message).toBe('The scanned code is of another product than the SKU given');
    expect(error.issues!.map((issue) => [issue.reason, issue.path])).toEqual([
      ['gtin_mismatch', ['serial']],
    ]);
  });
});

describe('returns: accept while the store moves', () => {
  /** A store whose transitions from `from` fail, the unit found as `current`. */
  const moving = (from: SerialStatus, current: object | null) => {
    const inner = createStore();
    return override(inner, {
      transition: (transitions: Transition[]) =>
        transitions[0]?.from?.includes(from)
          ? Promise.resolve({
              ok: false as const,
              failures: [{ index: 0, current: current as SerialRecord | null }],
            })
          : inner.transition(transitions),
    });
  };

  it('says unknown when the unit is gone before it is received', async () => {
    const store = moving('shipped', null);
    const { client } = await shippedSetup({ store });
    const error = await errorOf(
      client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'restock' }),
    );
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error.details).toMatchObject({ verdict: 'unknown', serial: sn(1) });
  });

  it('says already_returned to the second of two accepts', async () => {
    const { client } = await shippedSetup();
    const results = await Promise.allSettled([
      client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'restock' }),
      client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'restock' }),
    ]);
    const refusedOne = results.find((result) => result.status === 'rejected');
    expect(refusedOne?.reason.details).toMatchObject({ verdict: 'already_returned' });
  });

  it('leaves the unit returned, and says so, when it changes between the two steps', async () => {
    const store = moving('returned', { status: 'scrapped' });
    const { client } = await shippedSetup({ store });
    const error = await errorOf(
      client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'restock' }),
    );
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error.message).toBe(`Unit ${sn(1)} changed while its return was being accepted`);
    expect(error.details).toEqual({ sku: 'SKU-1', serial: sn(1), status: 'scrapped' });
    expect((await client.serials.lookup(sn(1))).record.status).toBe('returned');
  });

  it('says so, without a status, when the unit is gone between the two steps', async () => {
    const { client } = await shippedSetup({ store: moving('returned', null) });
    const error = await errorOf(
      client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'restock' }),
    );
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error.details).toEqual({ sku: 'SKU-1', serial: sn(1), status: undefined });
  });
});
