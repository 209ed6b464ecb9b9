/**
 * A void that frees a serial keeps the voided unit's events in the log, and a unit registered
 * again under the serial starts a history of its own: lookups, traces, return checks and
 * warranty claims read only its events.
 */
import { describe, expect, it } from 'vitest';
import { b2c, registerRange, SN, setup, sn, trackedSku } from './fixtures.js';

describe.each(['memory', 'sqlite'] as const)(
  'a serial voided and registered again on %s',
  (kind) => {
    async function reRegistered() {
      const s = setup({ kind });
      await trackedSku(s.client, 'SKU-1', SN);
      await registerRange(s.client, 'SKU-1', 2);
      await s.client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
      await s.client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'quarantine' });
      await s.client.warranty.claim(sn(1), {
        decision: 'accepted',
        reason: 'Dead on arrival',
        resolution: 'replaced',
      });
      s.clock.advance(10);
      expect((await s.client.corrections.void(sn(1), { reason: 'Never ours' })).freed).toBe(true);
      s.clock.advance(10);
      await s.client.serials.register('SKU-1', [{ serial: sn(1), lot: 'NEW' }]);
      return s;
    }

    it('lookup and trace start at the new registration', async () => {
      const { client, clock } = await reRegistered();
      const lookup = await client.serials.lookup(sn(1));
      expect(lookup.record.lot).toBe('NEW');
      expect(lookup.events.map((e) => e.type)).toEqual(['commissioned']);
      expect(lookup.events[0]?.at).toBe(new Date(clock.time).toISOString());
      expect(lookup.shipments).toEqual([]);
      const trace = await client.trace(sn(1));
      expect(trace.events.map((e) => e.type)).toEqual(['commissioned']);
      expect(trace.shipments).toEqual([]);
      // The new unit's own events follow its registration.
      await client.shipments.create(b2c('ORD-2', 'SKU-1', [sn(1)]));
      const after = await client.serials.lookup(sn(1));
      expect(after.events.map((e) => e.type)).toEqual(['commissioned', 'shipped']);
      expect(after.shipments.map((shipment) => shipment.orderId)).toEqual(['ORD-2']);
      expect((await client.events.history('SKU-1', sn(1))).map((e) => e.type)).toEqual([
        'commissioned',
        'shipped',
      ]);
    });

    it('keeps the voided unit’s events in the log', async () => {
      const { client } = await reRegistered();
      const page = await client.events.list({ sku: 'SKU-1', serial: sn(1) });
      expect(page.items.map((e) => e.type)).toEqual([
        'shipped',
        'returned',
        'quarantined',
        'warranty_claimed',
        'voided',
      ]);
    });

    it('the old order’s return check and the old claims are not the new unit’s', async () => {
      const { client } = await reRegistered();
      const check = await client.returns.check({ orderId: 'ORD-1', serial: sn(1) });
      expect(check.verdict).not.toBe('match');
      expect(check.verdict).not.toBe('already_returned');
      expect(await client.warranty.claims(sn(1))).toEqual([]);
      // A first claim on the new unit is not flagged as one on a unit already replaced.
      const claim = await client.warranty.claim(sn(1), { decision: 'refused', reason: 'Scratch' });
      expect(claim.flags ?? []).toEqual([]);
    });
  },
);
