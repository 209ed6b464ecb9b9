import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { addMonths } from '../../src/workflows/coverage.js';
import { b2c, registerRange, SN, type StoreKind, setup, sn } from './fixtures.js';

async function warrantySetup(kind: StoreKind, startsAt: 'shipment' | 'registration') {
  const s = setup({ kind });
  await s.client.skus.update('SKU-1', {
    name: 'Keyboard',
    serialTracking: { enabled: true, format: SN },
    warranty: { months: 24, startsAt },
  });
  await s.client.skus.update('SKU-2', {
    name: 'Cable',
    serialTracking: { enabled: true, format: 'C-{D:4}' },
  });
  await registerRange(s.client, 'SKU-1', 4);
  await s.client.serials.register('SKU-2', ['C-0001']);
  return s;
}

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths(new Date('2024-05-10T08:00:00Z'), 24).toISOString()).toBe(
      '2026-05-10T08:00:00.000Z',
    );
    expect(addMonths(new Date('2024-01-31T00:00:00Z'), 1).toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
    expect(addMonths(new Date('2023-12-15T00:00:00Z'), 2).toISOString()).toBe(
      '2024-02-15T00:00:00.000Z',
    );
  });
});

describe.each(['memory', 'sqlite'] as const)('warranty (%s)', (kind) => {
  it('keeps the SKU setting and starts coverage at shipment', async () => {
    const { client, clock } = await warrantySetup(kind, 'shipment');
    expect((await client.skus.get('SKU-1')).warranty).toEqual({ months: 24, startsAt: 'shipment' });
    expect(await client.warranty.coverage(sn(1))).toBe(null);
    expect((await client.serials.lookup(sn(1))).coverage).toBe(null);

    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    const coverage = {
      start: '2024-05-01T12:00:00.000Z',
      end: '2026-05-01T12:00:00.000Z',
      active: true,
      startsAt: 'shipment',
    };
    expect(await client.warranty.coverage(sn(1))).toEqual(coverage);
    expect((await client.serials.lookup(sn(1))).coverage).toEqual(coverage);
    expect((await client.trace(sn(1))).coverage).toEqual(coverage);
    // A SKU without a warranty has no coverage.
    expect(await client.warranty.coverage('C-0001')).toBe(null);

    const verified = await client.verify(sn(1), { fingerprint: 'f' });
    expect(verified.coverage).toEqual({ covered: true, until: '2026-05' });
    expect(JSON.stringify({ ...verified, checkedAt: null })).not.toContain('2024-05-01');
    // Not shipped: a warranty that has not started.
    expect((await client.verify(sn(2), { fingerprint: 'f' })).coverage).toEqual({
      covered: false,
      until: null,
    });
    expect((await client.verify('C-0001', { fingerprint: 'f' })).coverage).toBe(null);
    expect((await client.verify(sn(99), { fingerprint: 'f' })).coverage).toBe(null);

    clock.advance(24 * 31 * 24 * 60);
    expect((await client.verify(sn(1), { fingerprint: 'f' })).coverage).toEqual({
      covered: false,
      until: '2026-05',
    });
    expect((await client.warranty.coverage(sn(1)))?.active).toBe(false);
  });

  it('starts coverage at the first owner registration when the SKU says so', async () => {
    const { client, clock } = await warrantySetup(kind, 'registration');
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    expect(await client.warranty.coverage(sn(1))).toBe(null);
    clock.advance(60 * 24 * 10);
    await client.owners.register({
      input: sn(1),
      name: 'Grace',
      email: 'grace@example.com',
      consent: true,
    });
    expect(await client.warranty.coverage(sn(1))).toMatchObject({
      start: '2024-05-11T12:00:00.000Z',
      end: '2026-05-11T12:00:00.000Z',
      startsAt: 'registration',
      active: true,
    });
  });

  it('records claims in the history and flags a claim on a replaced unit', async () => {
    const { client } = await warrantySetup(kind, 'shipment');
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    const refused = await client.warranty.claim(sn(1), {
      decision: 'refused',
      reason: 'Water damage',
    });
    expect(refused).toMatchObject({ decision: 'refused', covered: true, flags: [] });
    const replaced = await client.warranty.claim(sn(1), {
      decision: 'accepted',
      reason: 'Dead key',
      resolution: 'replaced',
      reference: 'T-1',
    });
    expect(replaced).toMatchObject({ resolution: 'replaced', reference: 'T-1', flags: [] });
    const again = await client.warranty.claim(sn(1), { decision: 'accepted', reason: 'Again' });
    expect(again.flags).toEqual(['already_replaced']);
    expect((await client.warranty.claims(sn(1))).map((c) => c.reason)).toEqual([
      'Water damage',
      'Dead key',
      'Again',
    ]);
    const history = (await client.serials.lookup(sn(1))).events.map((e) => e.type);
    expect(history.filter((type) => type === 'warranty_claimed')).toHaveLength(3);
    // Not covered (never shipped): recorded, and said.
    expect((await client.warranty.claim(sn(2), { decision: 'refused', reason: 'x' })).covered).toBe(
      false,
    );
    await expect(
      client.warranty.claim(sn(1), { decision: 'refused', reason: 'x', resolution: 'replaced' }),
    ).rejects.toSatisfy(ValidationError.isInstance);
    await expect(
      client.warranty.claim(sn(1), { decision: 'maybe', reason: 'x' } as never),
    ).rejects.toSatisfy(ValidationError.isInstance);
  });
});
