/** Scanned codes over HTTP: shipments and CSV imports read them as the client does. */
import { describe, expect, test } from 'vitest';
import { type Harness, harness, hpSerial, WRITE_KEY } from './helpers.js';

const W = { key: WRITE_KEY };
const CSV = { 'content-type': 'text/csv' };
/** HP-200's GTIN (the seed's GTIN-13 as GTIN-14). */
const HP_GTIN = '04012345000016';
/** EB-300's GTIN. */
const EB_GTIN = '04012345000023';

function codes(gtin: string, serial: string) {
  return [
    `01${gtin}21${serial}`,
    `(01)${gtin}(21)${serial}`,
    `https://id.example.com/01/${gtin}/21/${serial}`,
  ];
}

async function withEarbuds(): Promise<Harness> {
  const h = await harness();
  await h.client.skus.update('EB-300', {
    name: 'Earbuds',
    gtin: EB_GTIN,
    serialTracking: { enabled: true, format: 'SN-{YYYY}-{D:6}{check:luhn}', uniqueness: 'sku' },
  });
  return h;
}

describe('scanned codes over HTTP', () => {
  test('POST /v1/shipments ships each form; another SKU’s GTIN is a 400 naming both', async () => {
    const h = await withEarbuds();
    const [a, b, c, d] = h.headphones.slice(5, 9) as [string, string, string, string];
    const wrong = await h.call('POST', '/v1/shipments', {
      ...W,
      body: {
        orderId: 'PO-1',
        channel: 'b2b',
        account: { id: 'RES-1' },
        lines: [{ sku: 'HP-200', serials: [d, codes(EB_GTIN, d)[2]] }],
      },
    });
    expect(wrong.status).toBe(400);
    const body = await wrong.json();
    expect(body.error.issues).toEqual([
      expect.objectContaining({
        reason: 'gtin_mismatch',
        skus: ['HP-200', 'EB-300'],
        path: ['lines', 0, 'serials', 1],
        message: expect.stringMatching(/HP-200.*EB-300/),
      }),
    ]);
    expect((await h.client.serials.lookup(d)).record.status).toBe('in_stock');

    const shipped = await h.call('POST', '/v1/shipments', {
      ...W,
      body: {
        orderId: 'PO-2',
        channel: 'b2b',
        account: { id: 'RES-1' },
        lines: [
          {
            sku: 'HP-200',
            serials: [codes(HP_GTIN, a)[0], codes(HP_GTIN, b)[1], codes(HP_GTIN, c)[2]],
          },
        ],
      },
    });
    expect(shipped.status).toBe(201);
    expect((await shipped.json()).units).toEqual(
      [a, b, c].map((serial) => ({ sku: 'HP-200', serial })),
    );
  });

  test('POST /v1/imports/serials and /v1/imports/shipments read each form', async () => {
    const h = await withEarbuds();
    const serials = [100_000, 100_001, 100_002, 100_003].map(hpSerial) as [
      string,
      string,
      string,
      string,
    ];
    const csv = [
      'sku,serial',
      ...serials.slice(0, 3).map((serial, i) => `,${codes(HP_GTIN, serial)[i]}`),
      `HP-200,${codes(EB_GTIN, serials[3])[1]}`,
    ].join('\n');
    const imported = await h.call('POST', '/v1/imports/serials', { ...W, body: csv, headers: CSV });
    expect(imported.status).toBe(200);
    const report = await imported.json();
    expect(report).toMatchObject({ rows: 4, registered: 3, invalid: 1 });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringMatching(/HP-200.*EB-300/) }),
    ]);
    for (const serial of serials.slice(0, 3)) {
      expect((await h.client.serials.lookup(serial)).record.sku).toBe('HP-200');
    }

    const shipments = [
      'order_id,account_id,sku,serial',
      ...serials.slice(0, 3).map((serial, i) => `PO-9,RES-1,HP-200,${codes(HP_GTIN, serial)[i]}`),
    ].join('\n');
    const shipped = await h.call('POST', '/v1/imports/shipments', {
      ...W,
      body: shipments,
      headers: CSV,
    });
    expect(await shipped.json()).toMatchObject({ shipments: 1, units: 3, failedShipments: 0 });
    for (const serial of serials.slice(0, 3)) {
      expect((await h.client.serials.lookup(serial)).record.status).toBe('shipped');
    }
  });
});
