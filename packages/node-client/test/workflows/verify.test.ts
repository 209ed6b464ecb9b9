import type { VerifyResult } from '@serialkit/core';
import { verifyResultSchema } from '@serialkit/core';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import type { VerificationInput } from '../../src/store.js';
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
const KEYS = [
  'checkedAt',
  'coverage',
  'issues',
  'product',
  'reasons',
  'recall',
  'serial',
  'status',
];

async function verifySetup(options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  await trackedSku(s.client, 'SKU-1', SN, { gtin: GTIN, name: 'Keyboard' });
  await registerRange(s.client, 'SKU-1', 6);
  await s.client.shipments.create(
    b2c('ORD-1', 'SKU-1', [sn(1), sn(2), sn(3), sn(4)], {
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      postcode: 'SW1A 1AA',
    }),
  );
  return s;
}

function expectPublicShape(result: VerifyResult) {
  expect(Object.keys(result).sort()).toEqual(KEYS);
  expect(verifyResultSchema.safeParse(result).success).toBe(true);
  const json = JSON.stringify(result);
  for (const secret of ['ada@example.com', 'Ada Lovelace', 'SW1A', 'ORD-1', 'C-ORD-1', 'fp-']) {
    expect(json).not.toContain(secret);
  }
}

describe('verify', () => {
  it('answers every status with the same keys and no personal data', async () => {
    const { client } = await verifySetup({ verify: { flagUnshipped: true } });
    await client.recalls.create({
      sku: 'SKU-1',
      serials: [sn(2)],
      notice: 'Overheats',
      url: 'https://example.com/r',
    });
    await client.sightings.record({ serial: sn(3), source: 'marketplace' });

    const genuine = await client.verify('sn 000001', { fingerprint: 'fp-1' });
    expect(genuine).toEqual({
      status: 'genuine',
      serial: sn(1),
      product: { sku: 'SKU-1', name: 'Keyboard' },
      recall: null,
      reasons: [],
      issues: [],
      coverage: null,
      checkedAt: '2024-05-01T12:00:00.000Z',
    });
    const recalled = await client.verify(sn(2), { fingerprint: 'fp-1' });
    expect(recalled).toMatchObject({
      status: 'recalled',
      recall: { notice: 'Overheats', url: 'https://example.com/r' },
    });
    const sighted = await client.verify(sn(3), { fingerprint: 'fp-1' });
    expect(sighted).toMatchObject({ status: 'suspicious', reasons: ['sighted_elsewhere'] });
    const inStock = await client.verify(sn(5), { fingerprint: 'fp-1' });
    expect(inStock).toMatchObject({ status: 'suspicious', reasons: ['not_shipped'] });
    const unknown = await client.verify(sn(99), { fingerprint: 'fp-1' });
    expect(unknown).toMatchObject({ status: 'unknown', serial: sn(99), product: null });
    const invalid = await client.verify('not a serial', { fingerprint: 'fp-1' });
    expect(invalid).toMatchObject({ status: 'invalid', serial: null, product: null });
    expect(invalid.issues.length).toBeGreaterThan(0);

    for (const result of [genuine, recalled, sighted, inStock, unknown, invalid])
      expectPublicShape(result);
  });

  it('reads GS1 Digital Links: GTIN → SKU, AI 21 → serial', async () => {
    const { client } = await verifySetup();
    const result = await client.verify(`https://id.gs1.org/01/${GTIN}/21/SN-000001`, {
      fingerprint: 'x',
    });
    expect(result).toMatchObject({ status: 'genuine', serial: sn(1) });
    expect(
      await client.verify(`https://id.gs1.org/01/04012345678901/21/SN-000001`, {
        fingerprint: 'x',
      }),
    ).toMatchObject({ status: 'unknown', product: null });
    expect(await client.verify(`(01)${GTIN}(21)SN-00`, { fingerprint: 'x' })).toMatchObject({
      status: 'invalid',
    });
  });

  it('explains GS1 input without a serial, in the client locale', async () => {
    const { client } = await verifySetup({ locale: 'de' });
    const productOnly = await client.verify(`https://id.gs1.org/01/${GTIN}`, { fingerprint: 'x' });
    expect(productOnly).toMatchObject({ status: 'invalid', serial: null });
    expect(productOnly.issues[0]).toMatchObject({
      code: 'invalid_gs1',
      reason: 'missing_value',
      ai: '21',
    });
    const english = await (await verifySetup()).client.verify('SN-1', { fingerprint: 'x' });
    const german = await client.verify('SN-1', { fingerprint: 'x' });
    expect(german.issues[0]?.code).toBe(english.issues[0]?.code);
    expect(german.issues[0]?.message).not.toBe(english.issues[0]?.message);
  });

  it('flags a unit checked by more distinct clients than allowed in the window', async () => {
    const { client, clock } = await verifySetup({
      verify: { maxFingerprints: 3, windowMinutes: 60 },
    });
    for (const fp of ['a', 'b', 'c', 'a', 'b']) {
      expect((await client.verify(sn(1), { fingerprint: fp })).status).toBe('genuine');
    }
    expect(await client.verify(sn(1), { fingerprint: 'd' })).toMatchObject({
      status: 'suspicious',
      reasons: ['many_clients'],
    });
    clock.advance(120);
    expect((await client.verify(sn(1), { fingerprint: 'e' })).status).toBe('genuine');
  });

  it('hashes fingerprints with the secret before they reach the store', async () => {
    const inner = createStore();
    const seen: VerificationInput[] = [];
    const store = override(inner, {
      recordVerification: (input: VerificationInput) => {
        seen.push(input);
        return inner.recordVerification(input);
      },
    });
    const a = await verifySetup({ store, verify: { secret: 'one' } });
    await a.client.verify(sn(1), { fingerprint: '203.0.113.7 Firefox' });
    const b = setup({ store, verify: { secret: 'two' } });
    await b.client.verify(sn(1), { fingerprint: '203.0.113.7 Firefox' });
    expect(seen).toHaveLength(2);
    expect(seen[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(seen[0]!.fingerprint).not.toBe(seen[1]!.fingerprint);
    expect(JSON.stringify(seen)).not.toContain('203.0.113.7');
  });

  it('records verified events only when the outcome changes, and flags once', async () => {
    const { client, store } = await verifySetup({ verify: { maxFingerprints: 2 } });
    for (let i = 0; i < 10; i++) await client.verify(sn(1), { fingerprint: 'same' });
    for (const fp of ['x', 'y', 'z', 'w']) await client.verify(sn(1), { fingerprint: fp });
    const verified = await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'verified' });
    expect(verified.items.map((e) => e.data?.status)).toEqual(['genuine', 'suspicious']);
    const flagged = await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'flagged' });
    expect(flagged.items).toHaveLength(1);
    expect(flagged.items[0]?.data).toMatchObject({ reasons: ['many_clients'] });
  });

  it('reads the last outcome beside the counters, never from the history', async () => {
    for (const kind of ['memory', 'sqlite'] as const) {
      const inner = createStore(kind);
      const reads: unknown[] = [];
      const store = override(inner, {
        listEvents: (filter, page) => {
          if ([filter.type].flat().includes('verified')) reads.push(filter);
          return inner.listEvents(filter, page);
        },
      });
      const { client } = await verifySetup({
        store,
        verify: { maxFingerprints: 2, flagUnshipped: true },
      });
      for (let i = 0; i < 5; i++) await client.verify(sn(1), { fingerprint: 'same' });
      for (const fp of ['x', 'y', 'z']) await client.verify(sn(1), { fingerprint: fp });
      await client.verify(sn(5), { fingerprint: 'same' });
      expect(reads).toEqual([]);
      const verified = await inner.listEvents({ sku: 'SKU-1', type: 'verified' });
      expect(verified.items.map((e) => [e.serial, e.data?.outcome])).toEqual([
        [sn(1), 'genuine'],
        [sn(1), 'suspicious many_clients'],
        [sn(5), 'suspicious not_shipped'],
      ]);
      const flagged = await inner.listEvents({ sku: 'SKU-1', type: 'flagged' });
      expect(flagged.items.map((e) => e.serial)).toEqual([sn(1), sn(5)]);
    }
  });

  it('logs an outcome change once when concurrent checks see it', async () => {
    for (const kind of ['memory', 'sqlite'] as const) {
      const { client, store } = await verifySetup({ kind });
      const results = await Promise.all(
        Array.from({ length: 8 }, () => client.verify(sn(1), { fingerprint: 'same' })),
      );
      expect(results.every((result) => result.status === 'genuine')).toBe(true);
      const verified = await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'verified' });
      expect(verified.items.map((e) => e.data?.outcome)).toEqual(['genuine']);
    }
  });

  it('with a store that keeps no outcomes, finds the last one in the event log', async () => {
    const inner = createStore();
    const store = override(inner, {
      setVerificationOutcome: undefined,
      recordVerification: async (input: VerificationInput) => {
        const { outcome: _outcome, ...counts } = await inner.recordVerification(input);
        return counts;
      },
    });
    const { client } = await verifySetup({ store, verify: { maxFingerprints: 2 } });
    for (let i = 0; i < 5; i++) await client.verify(sn(1), { fingerprint: 'same' });
    for (const fp of ['x', 'y', 'z', 'w']) await client.verify(sn(1), { fingerprint: fp });
    const verified = await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'verified' });
    expect(verified.items.map((e) => e.data?.status)).toEqual(['genuine', 'suspicious']);
    const flagged = await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'flagged' });
    expect(flagged.items).toHaveLength(1);
  });

  it('reads a recall once for many checks, and still answers recalls created since', async () => {
    const inner = createStore();
    let recallReads = 0;
    const store = override(inner, {
      getRecall: (id: string) => {
        recallReads++;
        return inner.getRecall(id);
      },
    });
    const { client } = await verifySetup({ store });
    await client.recalls.create({ sku: 'SKU-1', serials: [sn(1)], notice: 'Overheats' });
    for (let i = 0; i < 5; i++) {
      expect(await client.verify(sn(1), { fingerprint: `fp${i}` })).toMatchObject({
        status: 'recalled',
        recall: { notice: 'Overheats', url: null },
      });
    }
    expect(recallReads).toBe(1);
    await client.recalls.create({ sku: 'SKU-1', serials: [sn(2)], notice: 'Sparks' });
    expect(await client.verify(sn(2), { fingerprint: 'fp' })).toMatchObject({
      status: 'recalled',
      recall: { notice: 'Sparks' },
    });
  });

  it('needs a fingerprint and input', async () => {
    const { client } = await verifySetup();
    await expect(client.verify(sn(1), {} as never)).rejects.toSatisfy(ValidationError.isInstance);
    await expect(client.verify('', { fingerprint: 'x' })).rejects.toSatisfy(
      ValidationError.isInstance,
    );
  });
});
