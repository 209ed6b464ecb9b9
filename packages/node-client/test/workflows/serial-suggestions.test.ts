import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.js';
import { oneEditAway } from '../../src/workflows/serial-suggestions.js';
import { b2c, LUHN, registerRange, SN, type StoreKind, setup, trackedSku } from './fixtures.js';

/** SKU-1: `SN-{D:6}` (no check character), SN-000120…SN-000129; KB: Luhn, 3 units; CABLE off. */
async function catalog(kind: StoreKind) {
  const s = setup({ kind });
  await trackedSku(s.client, 'SKU-1', SN);
  await registerRange(s.client, 'SKU-1', 10, 120);
  await trackedSku(s.client, 'KB', LUHN);
  const { serials: kb } = await s.client.serials.generate('KB', 3, { mode: 'sequential' });
  await trackedSku(s.client, 'LONG', 'LG-{D:2-4}');
  await s.client.serials.register('LONG', ['LG-1234']);
  await s.client.skus.update('CABLE', { name: 'Cable', serialTracking: { enabled: false } });
  return { ...s, kb: kb as string[] };
}

async function order(client: Awaited<ReturnType<typeof catalog>>['client'], lines: string[]) {
  return client.orders.create({
    id: 'ORD-1',
    channel: 'b2c',
    customer: { id: 'C-1', email: 'ada@example.com', name: 'Ada' },
    lines: lines.map((sku) => ({ sku, quantity: 2 })),
  });
}

const serialsOf = (items: { serial: string }[]) => items.map((item) => item.serial);

describe('oneEditAway', () => {
  it('replaces, swaps, drops and adds one character; look-alikes rank first', () => {
    const edits = oneEditAway('S0');
    const texts = edits.map((edit) => edit.text);
    expect(texts).toContain('SO'); // look-alike of 0
    expect(texts).toContain('0S'); // swapped
    expect(texts).toContain('S'); // dropped
    expect(texts).toContain('S07'); // added
    expect(texts).toContain('SA'); // replaced
    expect(texts).not.toContain('S0');
    const score = (text: string) => edits.find((edit) => edit.text === text)!.score;
    expect(score('SO')).toBeGreaterThan(score('0S'));
    expect(score('0S')).toBeGreaterThan(score('SA'));
    expect(score('SA')).toBeGreaterThan(score('S07'));
    // A case change is not an edit; hopeless input gets none.
    expect(oneEditAway('s').map((edit) => edit.text)).not.toContain('S');
    expect(oneEditAway('')).toEqual([]);
    expect(oneEditAway('X'.repeat(65))).toEqual([]);
  });
});

describe.each<StoreKind>(['memory', 'sqlite'])('suggestions (%s)', (kind) => {
  it('serials.suggest: registered units one edit away, across the catalog, best first', async () => {
    const { client, kb } = await catalog(kind);
    // A look-alike (O for 0) in a format without a check character: it reads as no serial.
    expect((await client.serials.suggest('SN-00O125')).items).toEqual([
      { sku: 'SKU-1', serial: 'SN-000125', status: 'in_stock' },
    ]);
    // Valid, but not registered: the units one edit away, swaps before substitutions.
    const valid = await client.serials.suggest('SN-000112');
    expect(valid.input).toBe('SN-000112');
    expect(serialsOf(valid.items)[0]).toBe('SN-000121'); // swap of the last two digits
    expect(serialsOf(valid.items)).toContain('SN-000122'); // one digit wrong
    expect(valid.items.length).toBeLessThanOrEqual(5);
    // A dropped and an added character.
    expect(serialsOf((await client.serials.suggest('SN-00128')).items)).toEqual(['SN-000128']);
    expect(serialsOf((await client.serials.suggest('LG-12834')).items)).toEqual(['LG-1234']);
    // A wrong check digit: the check ranks the registered unit.
    const good = kb[1]!;
    const typo = `${good.slice(0, 5)}${(Number(good[5]) + 1) % 10}${good.slice(6)}`;
    expect((await client.serials.suggest(typo)).items[0]).toEqual({
      sku: 'KB',
      serial: good,
      status: 'in_stock',
    });
    // Shipped units are suggested to the merchant too.
    await client.shipments.create(b2c('ORD-9', 'SKU-1', ['SN-000127']));
    expect((await client.serials.suggest('SN-0001277')).items).toContainEqual({
      sku: 'SKU-1',
      serial: 'SN-000127',
      status: 'shipped',
    });
  });

  it('serials.suggest: never the unit typed itself, none for scans, far input or unknown SKUs', async () => {
    const { client } = await catalog(kind);
    expect(serialsOf((await client.serials.suggest('SN-000125')).items)).not.toContain('SN-000125');
    expect((await client.serials.suggest('SN-999999')).items).toEqual([]);
    expect((await client.serials.suggest('(01)09506000134352(21)SN-00012')).items).toEqual([]);
    expect((await client.serials.suggest('   ')).items).toEqual([]);
    // Restricted to one SKU.
    expect((await client.serials.suggest('SN-00O125', { sku: 'KB' })).items).toEqual([]);
    expect(serialsOf((await client.serials.suggest('SN-00O125', { sku: 'SKU-1' })).items)).toEqual([
      'SN-000125',
    ]);
    await expect(client.serials.suggest('SN-00O125', { sku: 'NOPE' })).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
  });

  it('picks: a typo that reads as a valid serial is mistyped, with unshipped units of the order', async () => {
    const { client } = await catalog(kind);
    await order(client, ['SKU-1', 'CABLE']);
    // SN-000112 is a valid serial without a check character, and is not registered.
    const swapped = await client.orders.pick('ORD-1', 'SN-000112');
    expect(swapped.outcome).toBe('mistyped');
    expect(swapped.suggestions?.[0]).toEqual({ sku: 'SKU-1', serial: 'SN-000121' });
    expect(swapped.order.picks).toEqual([]);
    // Shipped units are not offered: only one that can still be packed.
    await client.shipments.create(b2c('ORD-9', 'SKU-1', ['SN-000128']));
    const dropped = await client.orders.pick('ORD-1', 'SN-00128');
    expect(dropped.outcome).toBe('invalid');
    const added = await client.orders.pick('ORD-1', 'SN-0001299');
    expect(added.outcome).toBe('mistyped');
    expect(added.suggestions).toEqual([{ sku: 'SKU-1', serial: 'SN-000129' }]);
    // Taking the suggestion packs the unit.
    const taken = await client.orders.pick('ORD-1', 'SN-000129', { sku: 'SKU-1' });
    expect(taken.outcome).toBe('accepted');
    // Units of SKUs not on the order are not offered; nothing near: not registered.
    expect((await client.orders.pick('ORD-1', 'LG-12834')).outcome).toBe('invalid');
    expect((await client.orders.pick('ORD-1', 'SN-999999')).outcome).toBe('not_registered');
  });
});
