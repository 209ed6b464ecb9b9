/**
 * The EPCIS export of the steps added after the first release: order picks and their undoing,
 * cancelled shipments, lifted recalls and warranty claims; corrections and owners stay out.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SN, setup, sn, trackedSku } from '../workflows/fixtures.js';
import { epcisDocumentSchema } from './official-schema.js';

const GTIN = '09506000134352';

async function orderLife() {
  const s = setup();
  const { client, clock } = s;
  await trackedSku(client, 'KB', SN, { gtin: GTIN });
  await client.serials.register('KB', [{ serial: sn(1), lot: 'L1' }, sn(2), sn(3), sn(4)]);
  await client.orders.create({
    id: 'ORD-9',
    channel: 'b2c',
    customer: { id: 'C-1', email: 'ada@example.com' },
    lines: [{ sku: 'KB', quantity: 2 }],
    source: 'manual',
  });
  clock.advance(1);
  await client.orders.pick('ORD-9', sn(1));
  await client.orders.pick('ORD-9', sn(3));
  clock.advance(1);
  await client.orders.unpick('ORD-9', { sku: 'KB', serial: sn(3) });
  await client.orders.pick('ORD-9', sn(2));
  clock.advance(1);
  const { shipment } = await client.orders.ship('ORD-9');
  clock.advance(1);
  await client.orders.cancelShipment('ORD-9', shipment.shipmentId!);
  clock.advance(1);
  await client.recalls.create({ sku: 'KB', serials: [sn(4)], notice: 'x' });
  clock.advance(1);
  await client.corrections.liftRecall(sn(4), { reason: 'Inspected: unaffected' });
  await client.warranty.claim(sn(1), {
    decision: 'accepted',
    reason: 'Dead key',
    resolution: 'replaced',
  });
  await client.warranty.claim(sn(2), {
    decision: 'accepted',
    reason: 'Loose',
    resolution: 'repaired',
  });
  await client.warranty.claim(sn(3), { decision: 'refused', reason: 'Coffee spill' });
  await client.corrections.edit(sn(2), { lot: 'L2', reason: 'Label misread' });
  await client.owners.register({
    input: sn(2),
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    consent: true,
  });
  return s;
}

const steps = (
  doc: Awaited<ReturnType<ReturnType<typeof setup>['client']['events']['exportEpcis']>>,
) => doc.epcisBody.eventList.map((e) => [e.action, e.bizStep, e.disposition ?? null]);

describe('EPCIS export of order picks, cancelled shipments, lifted recalls and claims', () => {
  it('maps each to CBV 2.0 terms, in a document valid against the EPCIS 2.0 schema', async () => {
    const { client } = await orderLife();
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(epcisDocumentSchema());
    const document = await client.events.exportEpcis();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);

    expect(steps(await client.events.exportEpcis({ sku: 'KB', serial: sn(3) }))).toEqual([
      ['ADD', 'commissioning', 'active'],
      ['OBSERVE', 'reserving', 'reserved'],
      ['OBSERVE', 'storing', 'sellable_not_accessible'],
      // A refused claim says nothing of the unit's state.
      ['OBSERVE', 'inspecting', null],
    ]);
    const first = await client.events.exportEpcis({ sku: 'KB', serial: sn(1) });
    expect(steps(first)).toEqual([
      ['ADD', 'commissioning', 'active'],
      ['OBSERVE', 'reserving', 'reserved'],
      ['OBSERVE', 'shipping', 'in_transit'],
      ['OBSERVE', 'void_shipping', 'sellable_not_accessible'],
      ['OBSERVE', 'inspecting', 'needs_replacement'],
    ]);
    // The cancelled shipment names its order, as the shipment did.
    expect(first.epcisBody.eventList[3]?.bizTransactionList).toEqual([
      { type: 'po', bizTransaction: 'urn:serialkit:order:ORD-9' },
    ]);
    expect(
      steps(
        await client.events.exportEpcis({ sku: 'KB', serial: sn(2), type: 'warranty_claimed' }),
      ),
    ).toEqual([['OBSERVE', 'inspecting', 'damaged']]);
    expect(steps(await client.events.exportEpcis({ sku: 'KB', serial: sn(4) }))).toEqual([
      ['ADD', 'commissioning', 'active'],
      ['OBSERVE', 'holding', 'recalled'],
      ['OBSERVE', 'inspecting', 'conformant'],
    ]);
  });

  it('leaves out corrections and owners: the commissioning carries the corrected lot', async () => {
    const { client } = await orderLife();
    const left = await client.events.exportEpcis({
      type: ['corrected', 'owner_registered', 'owner_erased'],
    });
    expect(left.epcisBody.eventList).toEqual([]);
    const all = JSON.stringify(await client.events.exportEpcis());
    expect(all).not.toContain('ada@example.com');
    expect(all).not.toContain('Lovelace');
    const unit = await client.events.exportEpcis({
      sku: 'KB',
      serial: sn(2),
      type: 'commissioned',
    });
    expect(unit.epcisBody.eventList[0]?.ilmd).toEqual({ 'cbvmda:lotNumber': 'L2' });
  });
});
