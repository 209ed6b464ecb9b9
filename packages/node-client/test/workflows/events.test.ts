import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.js';
import { b2c, registerRange, SN, setup, sn, trackedSku } from './fixtures.js';

describe('events', () => {
  it('lists stored events by filter, awaited or iterated across pages', async () => {
    const { client, clock } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 3);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), sn(2)]));
    clock.advance(30);
    await client.shipments.create(b2c('ORD-2', 'SKU-1', [sn(3)]));

    const page = await client.events.list({ type: 'shipped' }, { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const all = await client.events.list({ type: 'shipped' }, { limit: 2 }).toArray();
    expect(all.map((e) => e.serial)).toEqual([sn(1), sn(2), sn(3)]);
    const late = await client.events.list({
      between: { from: '2024-05-01T12:10:00.000Z', to: '2024-05-01T13:00:00.000Z' },
    });
    expect(late.items.map((e) => e.serial)).toEqual([sn(3)]);
  });

  it("gives a unit's history with its commissioning first", async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await client.serials.register('SKU-1', [
      { serial: sn(1), lot: 'L9', receivedAt: '2024-04-30' },
    ]);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    const history = await client.events.history('SKU-1', sn(1));
    expect(history).toEqual([
      {
        id: 'commissioned/SKU-1/SN-000001',
        sku: 'SKU-1',
        serial: sn(1),
        type: 'commissioned',
        at: '2024-05-01T12:00:00.000Z',
        data: { lot: 'L9', receivedAt: '2024-04-30' },
      },
      expect.objectContaining({ type: 'shipped', data: { orderId: 'ORD-1', channel: 'b2c' } }),
    ]);
    await expect(client.events.history('SKU-1', sn(2))).rejects.toSatisfy(NotFoundError.isInstance);
  });
});

describe('formats.hints', () => {
  it('lists tracked SKUs with format, hint and example; the version follows changes', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN, { name: 'Keyboard' });
    await trackedSku(client, 'FREE', null);
    await client.skus.update('OFF', {
      name: 'Off',
      serialTracking: { enabled: false, format: SN },
    });
    const hints = await client.formats.hints();
    expect(hints.formats).toEqual([
      { sku: 'FREE', name: 'Product FREE', format: null, hint: expect.any(String), example: '' },
      {
        sku: 'SKU-1',
        name: 'Keyboard',
        format: SN,
        hint: expect.any(String),
        example: expect.stringMatching(/^SN-\d{6}$/),
      },
    ]);
    expect(hints.version).toMatch(/^[0-9a-f]{16}$/);
    expect((await client.formats.hints()).version).toBe(hints.version);
    await trackedSku(client, 'SKU-1', 'SN-{D:6-7}', { name: 'Keyboard' });
    expect((await client.formats.hints()).version).not.toBe(hints.version);
  });
});
