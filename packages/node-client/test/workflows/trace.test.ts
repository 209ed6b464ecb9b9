import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/errors.js';
import { b2c, registerRange, SN, setup, sn, trackedSku } from './fixtures.js';

describe('trace', () => {
  it('names the B2B account a unit was sold to, its sightings and history', async () => {
    const { client, clock } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 2);
    await client.shipments.create({
      orderId: 'PO-1',
      channel: 'b2b',
      account: { id: 'ACC-9', name: 'Reseller Ltd' },
      lines: [{ sku: 'SKU-1', serials: [sn(1)] }],
    });
    clock.advance(60);
    const sighting = await client.sightings.record({
      serial: 'sn000001',
      source: 'marketplace',
      url: 'https://market.example/item/1',
      note: 'Listed as new',
    });
    expect(sighting).toMatchObject({
      id: expect.any(String),
      sku: 'SKU-1',
      serial: sn(1),
      type: 'sighted',
      at: '2024-05-01T13:00:00.000Z',
      data: { source: 'marketplace', url: 'https://market.example/item/1', note: 'Listed as new' },
    });

    const trace = await client.trace(sn(1));
    expect(trace).toMatchObject({
      serial: sn(1),
      sku: 'SKU-1',
      status: 'shipped',
      soldTo: { channel: 'b2b', orderId: 'PO-1', account: { id: 'ACC-9', name: 'Reseller Ltd' } },
      sightings: [
        expect.objectContaining({
          type: 'sighted',
          data: expect.objectContaining({ source: 'marketplace' }),
        }),
      ],
    });
    expect(trace.events.map((e) => e.type)).toEqual(['commissioned', 'shipped', 'sighted']);
  });

  it('names the B2C customer, and nobody for a unit in stock', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 2);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    expect((await client.trace(sn(1))).soldTo).toMatchObject({
      channel: 'b2c',
      customer: { email: 'ada@example.com' },
    });
    const inStock = await client.trace(sn(2));
    expect(inStock.soldTo).toBeUndefined();
    expect(inStock.sightings).toEqual([]);
  });

  it('records sightings only for registered units, with a given date', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 1);
    await expect(client.sightings.record({ serial: sn(5), source: 'ebay' })).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
    await expect(client.sightings.record({ serial: sn(1), source: '' })).rejects.toSatisfy(
      ValidationError.isInstance,
    );
    const event = await client.sightings.record({
      serial: sn(1),
      source: 'shop',
      seenAt: '2024-04-01',
    });
    expect(event.at).toBe('2024-04-01T00:00:00.000Z');
    await expect(client.trace(sn(7))).rejects.toSatisfy(NotFoundError.isInstance);
  });
});
