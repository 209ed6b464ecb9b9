/**
 * A void that frees a serial keeps the voided unit's events in the log, and a unit registered
 * again under the serial starts a history of its own: lookups, traces, return checks and
 * warranty claims read only its events.
 */
import { describe, expect, it } from 'vitest';
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

describe.each(['memory', 'sqlite'] as const)(
  'the owners of a serial voided and registered again on %s',
  (kind) => {
    const ada = { name: 'Ada Lovelace', email: 'ada@example.com', consent: true as const };

    /** Ada owned the voided unit; the unit registered again under its serial has no owner. */
    async function reRegistered() {
      const s = setup({ kind });
      await s.client.skus.update('SKU-1', {
        name: 'Keyboard',
        serialTracking: { enabled: true, format: SN, uniqueness: 'sku' },
        warranty: { months: 24, startsAt: 'registration' },
      });
      await registerRange(s.client, 'SKU-1', 2);
      await s.client.owners.register({ input: sn(1), ...ada });
      s.clock.advance(10);
      expect((await s.client.corrections.void(sn(1), { reason: 'Never ours' })).freed).toBe(true);
      s.clock.advance(10);
      await s.client.serials.register('SKU-1', [{ serial: sn(1), lot: 'NEW' }]);
      return s;
    }

    it('warranty coverage does not start at the voided unit’s owner registration', async () => {
      const { client, clock } = await reRegistered();
      expect(await client.warranty.coverage(sn(1))).toBe(null);
      expect((await client.serials.lookup(sn(1))).coverage).toBe(null);
      clock.advance(10);
      await client.owners.register({
        input: sn(1),
        name: 'Grace',
        email: 'grace@example.com',
        consent: true,
      });
      // The store keeps one active owner per serial: the new owner waits for review.
      expect(await client.warranty.coverage(sn(1))).toBe(null);
    });

    it('lists only the new unit’s owners, and keeps the old ones exportable and erasable', async () => {
      const { client } = await reRegistered();
      expect(await client.owners.list({ serial: sn(1) }).toArray()).toEqual([]);
      const [old] = await client.owners.list({ email: ada.email }).toArray();
      expect(old).toMatchObject({ serial: sn(1), status: 'active', name: ada.name });
      const lines: string[] = [];
      for await (const line of client.owners.exportCsv(sn(1))) lines.push(line);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(ada.email);
      expect(await client.owners.erase(old!.id)).toMatchObject({ id: old!.id, status: 'erased' });
      expect(await client.owners.list({ email: ada.email }).toArray()).toEqual([]);
    });

    it('the voided unit’s owner registering the new unit is kept for review', async () => {
      const { client } = await reRegistered();
      expect(await client.owners.register({ input: sn(1), ...ada })).toEqual({
        status: 'received',
        serial: sn(1),
      });
      const owners = await client.owners.list({ serial: sn(1) }).toArray();
      expect(owners.map((owner) => [owner.email, owner.status])).toEqual([
        [ada.email, 'pending_review'],
      ]);
    });

    it('a recall of the new unit does not contact the voided unit’s owner', async () => {
      const { client } = await reRegistered();
      await client.owners.register({
        input: sn(2),
        name: 'Grace',
        email: 'grace@example.com',
        consent: true,
      });
      const recall = await client.recalls.create({
        sku: 'SKU-1',
        serials: [sn(1), sn(2)],
        notice: 'Battery',
      });
      const contacts = await client.recalls.affected(recall.id).toArray();
      expect(contacts.map((contact) => [contact.email, contact.serials])).toEqual([
        ['grace@example.com', [sn(2)]],
      ]);
    });
  },
);

describe.each(['memory', 'sqlite'] as const)(
  'verification of a serial voided and registered again on %s',
  (kind) => {
    async function voidAndRegisterAgain(s: ReturnType<typeof setup>) {
      s.clock.advance(10);
      expect((await s.client.corrections.void(sn(1), { reason: 'Never ours' })).freed).toBe(true);
      s.clock.advance(10);
      await s.client.serials.register('SKU-1', [{ serial: sn(1), lot: 'NEW' }]);
    }

    it('does not count the voided unit’s clients against the new unit', async () => {
      const s = setup({ kind, verify: { maxFingerprints: 2, windowMinutes: 60 } });
      await trackedSku(s.client, 'SKU-1', SN);
      await registerRange(s.client, 'SKU-1', 2);
      for (const fp of ['a', 'b']) await s.client.verify(sn(1), { fingerprint: fp });
      await voidAndRegisterAgain(s);
      expect((await s.client.verify(sn(1), { fingerprint: 'c' })).status).toBe('genuine');
      expect((await s.client.verify(sn(1), { fingerprint: 'd' })).status).toBe('genuine');
      expect(await s.client.verify(sn(1), { fingerprint: 'e' })).toMatchObject({
        status: 'suspicious',
        reasons: ['many_clients'],
      });
    });

    it('with a store that keeps no outcomes, logs the new unit’s first outcome', async () => {
      const inner = createStore(kind);
      const store = override(inner, {
        setVerificationOutcome: undefined,
        recordVerification: async (input: VerificationInput) => {
          const { outcome: _outcome, ...counts } = await inner.recordVerification(input);
          return counts;
        },
      });
      const s = setup({ store });
      await trackedSku(s.client, 'SKU-1', SN);
      await registerRange(s.client, 'SKU-1', 2);
      await s.client.verify(sn(1), { fingerprint: 'a' });
      await voidAndRegisterAgain(s);
      await s.client.verify(sn(1), { fingerprint: 'b' });
      const { events } = await s.client.serials.lookup(sn(1));
      expect(events.map((e) => [e.type, e.data?.outcome])).toEqual([
        ['commissioned', undefined],
        ['verified', 'genuine'],
      ]);
    });
  },
);
