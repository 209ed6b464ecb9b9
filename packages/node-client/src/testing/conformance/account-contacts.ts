/**
 * A B2B account's contact (name, email, phone) ships with the unit and is read back whole, so a
 * recall's contact list can reach the account.
 */
import type { ShipmentRef } from '@serialkit/core';
import { at, B2B, ship, unit } from './fixtures.js';
import type { Suite } from './suite.js';

const WITH_CONTACT: ShipmentRef = {
  ...B2B,
  account: {
    id: 'ACME',
    name: 'Acme Resellers',
    contactName: 'Grace Hopper',
    email: 'recalls@acme.example',
    phone: '+44 20 7946 0000',
  },
};

export function accountContactTests({ test, expect, withStore }: Suite): void {
  test(
    'transition keeps the account contact of a B2B shipment',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2')]);
      const result = await store.transition([ship('A', 'S1', WITH_CONTACT)]);
      expect(result.ok && result.records[0]?.shipment).toEqual(WITH_CONTACT);
      expect((await store.getSerial('A', 'S1'))?.shipment).toEqual(WITH_CONTACT);
      expect((await store.findSerial('S1'))[0]?.shipment).toEqual(WITH_CONTACT);
      const listed = await store.listSerials({ accountId: 'ACME' });
      expect(listed.items.map((record) => record.shipment)).toEqual([WITH_CONTACT]);
      // An account without a contact reads back without one (no empty fields).
      await store.transition([ship('A', 'S2', B2B)]);
      expect((await store.getSerial('A', 'S2'))?.shipment).toEqual(B2B);
      // Back in stock and shipped to a customer: the account and its contact are gone.
      await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['shipped'],
          to: 'in_stock',
          set: { shipment: null },
          event: { type: 'returned', at: at(30) },
        },
      ]);
      expect((await store.getSerial('A', 'S1'))?.shipment).toBe(undefined);
    }),
  );
}
