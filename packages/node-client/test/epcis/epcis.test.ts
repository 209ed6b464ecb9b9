import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EpcisDocument } from '../../src/workflows/epcis.js';
import { b2c, SN, setup, sn, trackedSku } from '../workflows/fixtures.js';
import { epcisDocumentSchema } from './official-schema.js';

const GTIN = '09506000134352';
let validate: (document: unknown) => boolean;
let errors: () => unknown;

beforeAll(() => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = ajv.compile(epcisDocumentSchema());
  validate = (document) => compiled(document);
  errors = () => compiled.errors;
});

/** A unit through its whole life, a recall, a scrapped return and a unit without GTIN. */
async function history() {
  const s = setup();
  const { client, clock } = s;
  await trackedSku(client, 'KB', SN, { gtin: GTIN });
  await trackedSku(client, 'NO GTIN', 'X{D:3}');
  await client.serials.register('KB', [{ serial: sn(1), lot: 'L1' }, sn(2), sn(3)]);
  await client.serials.register('NO GTIN', ['X001']);
  clock.advance(60);
  await client.shipments.create(b2c('ORD 1', 'KB', [sn(1), sn(2)]));
  await client.shipments.create(b2c('ORD-2', 'NO GTIN', ['X001']));
  clock.advance(60);
  await client.returns.accept({ orderId: 'ORD 1', serial: sn(1), disposition: 'restock' });
  await client.returns.accept({ orderId: 'ORD 1', serial: sn(2), disposition: 'scrap' });
  await client.recalls.create({ sku: 'KB', serials: [sn(3)], notice: 'x' });
  await client.returns.check({ orderId: 'ORD-2', serial: 'X001' });
  await client.verify(sn(1), { fingerprint: 'f' });
  await client.sightings.record({ serial: 'X001', source: 'market' });
  return s;
}

describe('events.exportEpcis', () => {
  it('produces a document valid against GS1 EPCIS 2.0 JSON schema', async () => {
    const { client } = await history();
    const document = await client.events.exportEpcis();
    const valid = validate(document);
    if (!valid) console.error(JSON.stringify(errors(), null, 2));
    expect(valid).toBe(true);
    expect(document).toMatchObject({
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2024-05-01T14:00:00.000Z',
    });
  });

  it('the schema catches what is wrong (the validation is real)', async () => {
    const { client } = await history();
    const document = await client.events.exportEpcis();
    const broken = structuredClone(document) as EpcisDocument & Record<string, unknown>;
    (broken.epcisBody.eventList[0] as unknown as Record<string, unknown>).action = 'MOVE';
    expect(validate(broken)).toBe(false);
    const noTime = structuredClone(document);
    delete (noTime.epcisBody.eventList[0] as Partial<(typeof noTime.epcisBody.eventList)[0]>)
      .eventTime;
    expect(validate(noTime)).toBe(false);
  });

  it('maps each step to CBV 2.0 terms, with Digital Links or the merchant namespace', async () => {
    const { client } = await history();
    const { epcisBody } = await client.events.exportEpcis({ sku: 'KB', serial: sn(1) });
    expect(
      epcisBody.eventList.map((e) => [e.action, e.bizStep, e.disposition, e.eventTime]),
    ).toEqual([
      ['ADD', 'commissioning', 'active', '2024-05-01T12:00:00.000Z'],
      ['OBSERVE', 'shipping', 'in_transit', '2024-05-01T13:00:00.000Z'],
      ['OBSERVE', 'receiving', 'returned', '2024-05-01T14:00:00.000Z'],
      ['OBSERVE', 'storing', 'sellable_not_accessible', '2024-05-01T14:00:00.000Z'],
    ]);
    const [commissioning, shipping] = epcisBody.eventList;
    expect(commissioning).toMatchObject({
      type: 'ObjectEvent',
      eventTimeZoneOffset: '+00:00',
      epcList: [`https://id.gs1.org/01/${GTIN}/21/SN-000001`],
      ilmd: { 'cbvmda:lotNumber': 'L1' },
    });
    expect(shipping?.bizTransactionList).toEqual([
      { type: 'po', bizTransaction: 'urn:serialkit:order:ORD%201' },
    ]);
    expect(commissioning?.eventID).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // Stable across exports.
    const again = await client.events.exportEpcis({ sku: 'KB', serial: sn(1) });
    expect(again.epcisBody.eventList.map((e) => e.eventID)).toEqual(
      epcisBody.eventList.map((e) => e.eventID),
    );

    const scrapped = await client.events.exportEpcis({
      sku: 'KB',
      serial: sn(2),
      type: 'scrapped',
    });
    expect(scrapped.epcisBody.eventList.map((e) => [e.bizStep, e.disposition])).toEqual([
      ['destroying', 'destroyed'],
    ]);
    const recalled = await client.events.exportEpcis({ type: 'recalled' });
    expect(recalled.epcisBody.eventList.map((e) => [e.bizStep, e.disposition])).toEqual([
      ['holding', 'recalled'],
    ]);

    const plain = await client.events.exportEpcis({ sku: 'NO GTIN' });
    expect(plain.epcisBody.eventList.map((e) => e.epcList[0])).toEqual([
      'urn:serialkit:unit:NO%20GTIN:X001',
      'urn:serialkit:unit:NO%20GTIN:X001',
    ]);
    const http = await client.events.exportEpcis(
      { sku: 'NO GTIN' },
      { unitUriBase: 'https://example.com/unit/' },
    );
    expect(http.epcisBody.eventList[0]?.epcList).toEqual([
      'https://example.com/unit/NO%20GTIN:X001',
    ]);
    expect(validate(http)).toBe(true);
  });

  it('leaves out checks, verifications and sightings, which are not supply-chain steps', async () => {
    const { client } = await history();
    const { epcisBody } = await client.events.exportEpcis({
      type: ['return_checked', 'verified', 'sighted'],
    });
    expect(epcisBody.eventList).toEqual([]);
  });
});
