/**
 * What verify reads and writes besides its answer: the window of distinct clients, SKUs that
 * share a serial, the outcome log (its compare-and-set, its flags, its fallback to the event log),
 * and the reads a check must not make. Written from the survivors of the mutation run.
 */

import type { SerialEventType } from '@serialkit/core';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import type {
  EventFilter,
  EventInsert,
  SerialStore,
  VerificationOutcomeChange,
} from '../../src/store.js';
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

async function shippedUnits(options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  await trackedSku(s.client, 'SKU-1', SN, { name: 'Keyboard' });
  await registerRange(s.client, 'SKU-1', 6);
  await s.client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), sn(2), sn(3), sn(4)]));
  return s;
}

const outcomes = async (store: SerialStore, serial: string, type: SerialEventType = 'verified') =>
  (await store.listEvents({ sku: 'SKU-1', serial, type }, { limit: 1000 })).items.map(
    (event) => event.data?.outcome,
  );

describe('verify: the window of distinct clients', () => {
  it('counts the clients of the last windowMinutes, not of the last instant', async () => {
    const { client, clock } = await shippedUnits({
      verify: { maxFingerprints: 2, windowMinutes: 60 },
    });
    await client.verify(sn(1), { fingerprint: 'a' });
    clock.advance(20);
    await client.verify(sn(1), { fingerprint: 'b' });
    clock.advance(20);
    // Three clients within 40 minutes of a 60-minute window.
    expect(await client.verify(sn(1), { fingerprint: 'c' })).toMatchObject({
      status: 'suspicious',
      reasons: ['many_clients'],
    });
    clock.advance(61);
    expect((await client.verify(sn(1), { fingerprint: 'd' })).status).toBe('genuine');
  });
});

describe('verify: input', () => {
  it('answers a missing options object, a bad fingerprint and bad input with named issues', async () => {
    const { client } = await shippedUnits();
    for (const options of [undefined, {}, { fingerprint: '' }, { fingerprint: 'x'.repeat(1001) }]) {
      const error = await errorOf(client.verify(sn(1), options as never));
      expect(ValidationError.isInstance(error)).toBe(true);
      expect(error.message).toBe('Invalid fingerprint');
      expect(error.issues?.[0]?.path).toEqual(['fingerprint']);
    }
    const error = await errorOf(client.verify(42 as never, { fingerprint: 'x' }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.message).toBe('Invalid verification');
    // A fingerprint of the longest length allowed is taken.
    expect((await client.verify(sn(1), { fingerprint: 'x'.repeat(1000) })).status).toBe('genuine');
  });

  it('reads with a tracked SKU given, and as if none was given for any other SKU id', async () => {
    const { client } = await shippedUnits();
    await client.skus.update('SKU-UNTRACKED', {
      name: 'Cable',
      serialTracking: { enabled: false },
    });
    for (const sku of ['SKU-1', 'SKU-UNTRACKED', 'SKU-NOWHERE']) {
      expect(await client.verify(sn(1), { fingerprint: 'x', sku })).toMatchObject({
        status: 'genuine',
        serial: sn(1),
      });
    }
  });

  it('answers unknown, naming nothing, when a tracked SKU is gone from the store', async () => {
    const inner = createStore();
    let gone = false;
    const store = override(inner, {
      getSku: (id: string) => (gone ? Promise.resolve(null) : inner.getSku(id)),
    });
    const { client } = await shippedUnits({ store });
    // The catalog is read once, so it still lists the SKU the store no longer has.
    expect((await client.verify(sn(1), { fingerprint: 'x' })).status).toBe('genuine');
    gone = true;
    expect(await client.verify(sn(1), { fingerprint: 'x', sku: 'SKU-1' })).toMatchObject({
      status: 'unknown',
      serial: null,
      product: null,
    });
  });
});

describe('verify: recalls', () => {
  it('answers recalled when any of the SKUs sharing the serial is recalled', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-A', SN, { name: 'Keyboard' });
    await trackedSku(client, 'SKU-B', SN, { name: 'Keyboard, German' });
    await client.serials.register('SKU-A', [sn(7)]);
    await client.serials.register('SKU-B', [sn(7)]);
    await client.recalls.create({ sku: 'SKU-B', serials: [sn(7)], notice: 'Overheats' });
    expect(await client.verify(sn(7), { fingerprint: 'x' })).toMatchObject({
      status: 'recalled',
      product: { sku: 'SKU-B', name: 'Keyboard, German' },
      recall: { notice: 'Overheats' },
    });
  });

  it('logs a recalled outcome, and answers a generic notice when the recall cannot be read', async () => {
    const inner = createStore();
    let readable = true;
    const store = override(inner, {
      getRecall: (id: string) => (readable ? inner.getRecall(id) : Promise.resolve(null)),
    });
    const { client } = await shippedUnits({ store });
    await client.recalls.create({ sku: 'SKU-1', serials: [sn(1)], notice: 'Overheats' });
    await client.recalls.create({ sku: 'SKU-1', serials: [sn(2)], notice: 'Sparks' });
    await client.verify(sn(1), { fingerprint: 'x' });
    const [event] = (await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'verified' }))
      .items;
    expect(event?.data).toEqual({ outcome: 'recalled', status: 'recalled', reasons: [] });
    readable = false;
    expect(await client.verify(sn(2), { fingerprint: 'x' })).toMatchObject({
      status: 'recalled',
      recall: { notice: 'This product has been recalled', url: null },
    });
  });

  it('reads no recall for a unit that is not recalled, and no sightings for one that is', async () => {
    const inner = createStore();
    const reads: string[] = [];
    const store = override(inner, {
      getRecall: (id: string) => {
        reads.push('recall');
        return inner.getRecall(id);
      },
      listEvents: (filter, page) => {
        if (filter.type === 'sighted') reads.push(`sighted ${filter.serial}`);
        return inner.listEvents(filter, page);
      },
    });
    const { client } = await shippedUnits({ store });
    await client.verify(sn(1), { fingerprint: 'x' });
    await client.verify(sn(5), { fingerprint: 'x' });
    expect(reads).toEqual([`sighted ${sn(1)}`]);
    await client.recalls.create({ sku: 'SKU-1', serials: [sn(2)], notice: 'Overheats' });
    reads.length = 0;
    await client.verify(sn(2), { fingerprint: 'x' });
    expect(reads).toEqual(['recall']);
  });
});

describe('verify: the outcome log', () => {
  it('flags once when a suspicious unit gains a reason', async () => {
    const { client, store } = await shippedUnits({ verify: { maxFingerprints: 1 } });
    await client.verify(sn(1), { fingerprint: 'a' });
    await client.verify(sn(1), { fingerprint: 'b' });
    await client.sightings.record({ serial: sn(1), source: 'marketplace' });
    await client.verify(sn(1), { fingerprint: 'c' });
    expect(await outcomes(store, sn(1))).toEqual([
      'genuine',
      'suspicious many_clients',
      'suspicious many_clients sighted_elsewhere',
    ]);
    expect(await outcomes(store, sn(1), 'flagged')).toEqual(['suspicious many_clients']);
  });

  it('writes the outcome once when the store applies it, and from what it is now when not', async () => {
    const inner = createStore();
    const changes: VerificationOutcomeChange[] = [];
    let refuse = 0;
    const store = override(inner, {
      setVerificationOutcome: async (change: VerificationOutcomeChange) => {
        changes.push(change);
        if (refuse-- > 0) return { applied: false, outcome: 'suspicious sighted_elsewhere' };
        return inner.setVerificationOutcome!(change);
      },
    });
    const { client } = await shippedUnits({ store });
    await client.verify(sn(1), { fingerprint: 'x' });
    expect(changes.map(({ from, to }) => [from, to])).toEqual([[null, 'genuine']]);

    changes.length = 0;
    refuse = 1;
    await client.verify(sn(2), { fingerprint: 'x' });
    // Refused: tried again from the outcome the store said it has (which the store, still at
    // none, refuses in turn), and logged from it: genuine again after suspicious, nothing flagged.
    expect(changes.map(({ from, to }) => [from, to])).toEqual([
      [null, 'genuine'],
      ['suspicious sighted_elsewhere', 'genuine'],
      [null, 'genuine'],
    ]);
    expect(changes[1]?.events.map((event: EventInsert) => event.type)).toEqual(['verified']);
  });

  it('gives up after three refused writes of the outcome', async () => {
    const inner = createStore();
    let attempts = 0;
    const store = override(inner, {
      setVerificationOutcome: async () => {
        attempts++;
        return { applied: false, outcome: `other ${attempts}` };
      },
    });
    const { client } = await shippedUnits({ store });
    expect((await client.verify(sn(1), { fingerprint: 'x' })).status).toBe('genuine');
    expect(attempts).toBe(3);
  });

  describe('with a store that keeps no outcomes', () => {
    const withoutOutcomes = () => {
      const inner = createStore();
      return override(inner, {
        setVerificationOutcome: undefined,
        recordVerification: async (input) => {
          const { outcome: _outcome, ...counts } = await inner.recordVerification(input);
          return counts;
        },
      });
    };

    it("reads each unit's own last outcome", async () => {
      const store = withoutOutcomes();
      const { client } = await shippedUnits({ store, verify: { flagUnshipped: true } });
      await client.verify(sn(1), { fingerprint: 'x' });
      await client.verify(sn(5), { fingerprint: 'x' });
      await client.verify(sn(1), { fingerprint: 'x' });
      expect(await outcomes(store, sn(1))).toEqual(['genuine']);
      expect(await outcomes(store, sn(5))).toEqual(['suspicious not_shipped']);
    });

    it('reads the last outcome past the first thousand events', async () => {
      const store = withoutOutcomes();
      const { client } = await shippedUnits({ store });
      const at = '2024-05-01T11:00:00.000Z';
      const logged = (outcome: string): EventInsert => ({
        sku: 'SKU-1',
        serial: sn(1),
        type: 'verified',
        at,
        data: { outcome, status: outcome.split(' ')[0], reasons: [] },
      });
      await store.appendEvents([
        ...Array.from({ length: 1200 }, () => logged('suspicious many_clients')),
        logged('genuine'),
      ]);
      await client.verify(sn(1), { fingerprint: 'x' });
      // Nothing was logged: the last outcome, on the second page, was genuine already.
      const filter: EventFilter = { sku: 'SKU-1', serial: sn(1), type: 'verified' };
      const first = await store.listEvents(filter, { limit: 1000 });
      const second = await store.listEvents(filter, { limit: 1000, cursor: first.nextCursor });
      expect(second.items.map((event) => event.data?.outcome)).toEqual([
        ...Array.from({ length: 200 }, () => 'suspicious many_clients'),
        'genuine',
      ]);
      expect(second.nextCursor).toBe(null);
    });
  });
});

describe('verify: units of SKUs no longer tracked', () => {
  it('names the product and its warranty from the store', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN, { name: 'Keyboard' });
    await trackedSku(client, 'SKU-2', SN, { name: 'Mouse' });
    await client.serials.register('SKU-2', [sn(9)]);
    await client.skus.update('SKU-2', {
      name: 'Mouse',
      warranty: { months: 12, startsAt: 'shipment' },
      serialTracking: { enabled: false },
    });
    // SKU-1's format still reads the serial; the unit found is SKU-2's.
    expect(await client.verify(sn(9), { fingerprint: 'x' })).toMatchObject({
      status: 'genuine',
      product: { sku: 'SKU-2', name: 'Mouse' },
      coverage: { covered: false, until: null },
    });
  });
});
