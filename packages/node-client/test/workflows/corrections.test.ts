import { CORRECTION_RULES } from '@serialkit/core';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';
import {
  b2c,
  override,
  registerRange,
  SN,
  type StoreKind,
  setup,
  sn,
  trackedSku,
} from './fixtures.js';

async function history(client: ReturnType<typeof setup>['client'], serial: string) {
  const page = await client.events.list({ sku: 'SKU-1', serial });
  return page.items.map((event) => [event.type, event.data]);
}

async function conflictOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ConflictError.isInstance(error)).toBe(true);
  return (error as ConflictError).details;
}

async function quarantined(kind: StoreKind = 'memory') {
  const s = setup({ kind });
  await trackedSku(s.client, 'SKU-1', SN);
  await registerRange(s.client, 'SKU-1', 5);
  await s.client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), sn(2)]));
  for (const serial of [sn(1), sn(2)]) {
    await s.client.returns.accept({ orderId: 'ORD-1', serial, disposition: 'quarantine' });
  }
  return s;
}

describe.each(['memory', 'sqlite'] as const)('corrections on %s', (kind) => {
  it('release: a quarantined unit goes back to stock or is scrapped', async () => {
    const { client } = await quarantined(kind);
    const back = await client.corrections.release('sn 000001', {
      to: 'in_stock',
      reason: 'Tested fine',
    });
    expect(back.status).toBe('in_stock');
    expect((await history(client, sn(1))).at(-1)).toEqual([
      'released',
      { from: 'quarantined', reason: 'Tested fine' },
    ]);
    const scrapped = await client.corrections.release(sn(2), { to: 'scrapped' });
    expect(scrapped.status).toBe('scrapped');
    expect((await history(client, sn(2))).at(-1)).toEqual(['scrapped', { from: 'quarantined' }]);
    // Released units ship again.
    await client.shipments.create(b2c('ORD-2', 'SKU-1', [sn(1)]));
    // Neither a unit in stock nor a scrapped one can be released.
    expect(await conflictOf(client.corrections.release(sn(3), { to: 'in_stock' }))).toMatchObject({
      reason: 'not_quarantined',
      status: 'in_stock',
    });
    expect(await conflictOf(client.corrections.release(sn(2), { to: 'in_stock' }))).toMatchObject({
      reason: 'not_quarantined',
      status: 'scrapped',
    });
  });

  it('liftRecall: one unit leaves its recall, the others stay', async () => {
    const s = setup({ kind });
    await trackedSku(s.client, 'SKU-1', SN);
    await registerRange(s.client, 'SKU-1', 3);
    await s.client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    const recall = await s.client.recalls.create({
      sku: 'SKU-1',
      range: { from: sn(1), to: sn(3) },
      notice: 'Battery may overheat',
    });
    const unit = await s.client.corrections.liftRecall(sn(1), { reason: 'Board rev B' });
    expect(unit.recallId).toBeUndefined();
    expect(unit.status).toBe('shipped');
    expect((await history(s.client, sn(1))).at(-1)).toEqual([
      'recall_lifted',
      { recallId: recall.id, reason: 'Board rev B' },
    ]);
    expect((await s.client.verify(sn(1), { fingerprint: 'fp-1' })).status).toBe('genuine');
    expect((await s.client.verify(sn(2), { fingerprint: 'fp-1' })).status).toBe('recalled');
    expect(
      await conflictOf(s.client.corrections.liftRecall(sn(1), { reason: 'again' })),
    ).toMatchObject({ reason: 'not_recalled', recalled: false });
  });

  it('void: frees a serial of a SKU without a sequence, keeps the history', async () => {
    const s = setup({ kind });
    await trackedSku(s.client, 'SKU-1', SN);
    await s.client.serials.register('SKU-1', [{ serial: sn(1), lot: 'L1' }, sn(2)]);
    const result = await s.client.corrections.void(sn(1), { reason: 'Wrong SKU' });
    expect(result).toEqual({ sku: 'SKU-1', serial: sn(1), freed: true });
    await expect(s.client.serials.lookup(sn(1))).rejects.toThrow(NotFoundError);
    expect(await history(s.client, sn(1))).toEqual([
      [
        'voided',
        {
          freed: true,
          reason: 'Wrong SKU',
          unit: { status: 'in_stock', registeredAt: '2024-05-01T12:00:00.000Z', lot: 'L1' },
        },
      ],
    ]);
    // Registered again, correctly.
    const again = await s.client.serials.register('SKU-1', [{ serial: sn(1), lot: 'L2' }]);
    expect(again.registered).toBe(1);
    expect((await s.client.serials.lookup(sn(1))).record.lot).toBe('L2');
    expect((await s.client.verify(sn(1), { fingerprint: 'fp-1' })).status).toBe('genuine');
  });

  it('void: a sequence-numbered SKU keeps the voided unit and its serial', async () => {
    const s = setup({ kind });
    await trackedSku(s.client, 'SKU-1', 'SN-{seq:6}');
    await s.client.serials.register('SKU-1', [sn(1)]);
    const result = await s.client.corrections.void(sn(1), { reason: 'Label misprinted' });
    expect(result.freed).toBe(false);
    expect(result.unit?.status).toBe('voided');
    expect((await s.client.serials.lookup(sn(1))).record.status).toBe('voided');
    // Never registered twice, never shipped, public answer as for an unknown serial.
    const again = await s.client.serials.register('SKU-1', [sn(1)]);
    expect(again.registered).toBe(0);
    await expect(s.client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]))).rejects.toBeInstanceOf(
      Error,
    );
    expect((await s.client.verify(sn(1), { fingerprint: 'fp-1' })).status).toBe('unknown');
    expect(await conflictOf(s.client.corrections.void(sn(1), { reason: 'twice' }))).toMatchObject({
      reason: 'not_voidable',
      status: 'voided',
    });
    expect(await conflictOf(s.client.corrections.edit(sn(1), { lot: 'L2' }))).toMatchObject({
      reason: 'voided',
    });
  });

  it('void: a shipped unit is returned, not voided', async () => {
    const { client } = await quarantined(kind);
    await client.shipments.create(b2c('ORD-3', 'SKU-1', [sn(4)]));
    expect(await conflictOf(client.corrections.void(sn(4), { reason: 'x' }))).toMatchObject({
      reason: 'not_voidable',
      status: 'shipped',
    });
    // A quarantined unit can be voided.
    expect((await client.corrections.void(sn(1), { reason: 'Never ours' })).freed).toBe(true);
  });

  it('edit: sets and clears lot and dates, the event keeps the old values', async () => {
    const s = setup({ kind });
    await trackedSku(s.client, 'SKU-1', SN);
    await s.client.serials.register('SKU-1', [
      { serial: sn(1), lot: 'L1', manufacturedAt: '2024-01-02' },
    ]);
    const unit = await s.client.corrections.edit(sn(1), {
      lot: 'L7',
      manufacturedAt: null,
      receivedAt: '2024-03-04T10:00:00+02:00',
      reason: 'Typo on the import',
    });
    expect(unit).toMatchObject({ lot: 'L7', receivedAt: '2024-03-04T08:00:00.000Z' });
    expect(unit.manufacturedAt).toBeUndefined();
    expect((await history(s.client, sn(1))).at(-1)).toEqual([
      'corrected',
      {
        before: { lot: 'L1', manufacturedAt: '2024-01-02', receivedAt: null },
        after: { lot: 'L7', manufacturedAt: null, receivedAt: '2024-03-04T08:00:00.000Z' },
        reason: 'Typo on the import',
      },
    ]);
    // Recalls by lot see the new lot.
    const recall = await s.client.recalls.create({ sku: 'SKU-1', lot: 'L7', notice: 'Check' });
    expect(recall.counts.affected).toBe(1);
  });
});

describe('corrections: input and races', () => {
  it('refuses bad input with ValidationError and unknown units with NotFoundError', async () => {
    const { client } = await quarantined();
    await expect(client.corrections.edit(sn(1), {})).rejects.toThrow(ValidationError);
    await expect(client.corrections.edit(sn(1), { manufacturedAt: '2024-13-01' })).rejects.toThrow(
      ValidationError,
    );
    await expect(client.corrections.release(sn(1), { to: 'shipped' } as never)).rejects.toThrow(
      ValidationError,
    );
    await expect(client.corrections.void(sn(1), { reason: '' })).rejects.toThrow(ValidationError);
    await expect(
      client.corrections.release(sn(1), { to: 'in_stock', extra: 1 } as never),
    ).rejects.toThrow(ValidationError);
    await expect(client.corrections.void(sn(99), { reason: 'x' })).rejects.toThrow(NotFoundError);
    await expect(client.corrections.release('not a serial', { to: 'in_stock' })).rejects.toThrow(
      ValidationError,
    );
  });

  it('a unit changed between read and write is not corrected on stale facts', async () => {
    const s = setup();
    await trackedSku(s.client, 'SKU-1', SN);
    await s.client.serials.register('SKU-1', [{ serial: sn(1), lot: 'L1' }]);
    // Another process edits the lot between this client's read and its write.
    const raced = override(s.store, {
      async amendSerial(change) {
        await s.store.amendSerial({
          sku: change.sku,
          serial: change.serial,
          from: ['in_stock'],
          set: { lot: 'L-OTHER' },
          event: { type: 'corrected', at: change.event.at },
        });
        return s.store.amendSerial(change);
      },
    });
    const { client } = setup({ store: raced });
    const details = await conflictOf(client.corrections.edit(sn(1), { lot: 'L2' }));
    expect(details).toMatchObject({ reason: 'changed' });
    expect((await s.client.serials.lookup(sn(1))).record.lot).toBe('L-OTHER');
  });

  it('every correction has a rule', () => {
    expect(Object.keys(CORRECTION_RULES).sort()).toEqual(['edit', 'liftRecall', 'release', 'void']);
  });
});
