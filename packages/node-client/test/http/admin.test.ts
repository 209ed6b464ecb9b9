import { describe, expect, test } from 'vitest';
import { harness, hpSerial, READ_KEY, WRITE_KEY } from './helpers.js';

const W = { key: WRITE_KEY };
const R = { key: READ_KEY };

test('GET /v1/health needs no key', async () => {
  const h = await harness();
  const response = await h.call('GET', '/v1/health');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});

describe('auth', () => {
  test('missing key → 401 with WWW-Authenticate; wrong key → 401; read key cannot write → 403', async () => {
    const h = await harness();
    const missing = await h.call('GET', '/v1/skus');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await missing.json()).error.code).toBe('unauthorized');
    const wrong = await h.call('GET', '/v1/skus', { key: 'sk_test_wrong_key_0123456789' });
    expect(wrong.status).toBe(401);
    const malformed = await h.call('GET', '/v1/skus', {
      headers: { authorization: `Basic ${btoa('a:b')}` },
    });
    expect(malformed.status).toBe(401);
    expect((await h.call('GET', '/v1/skus', R)).status).toBe(200);
    const forbidden = await h.call('PUT', '/v1/skus/NEW', {
      ...R,
      body: { name: 'New', serialTracking: { enabled: false } },
    });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe('forbidden');
    expect(await h.client.skus.get('NEW').catch(() => null)).toBe(null);
  });

  test('a key resolver function', async () => {
    const h = await harness({ apiKeys: (key) => (key === 'resolver-key-123456' ? 'read' : null) });
    expect((await h.call('GET', '/v1/skus', { key: 'resolver-key-123456' })).status).toBe(200);
    expect((await h.call('GET', '/v1/skus', { key: WRITE_KEY })).status).toBe(401);
  });
});

describe('SKUs', () => {
  test('PUT creates and updates, GET reads, GET list filters by tracking', async () => {
    const h = await harness();
    const put = await h.call('PUT', '/v1/skus/CH-65W', {
      ...W,
      body: { name: 'Charger', serialTracking: { enabled: true, format: '{A:3}{D:7}' } },
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      sku: 'CH-65W',
      name: 'Charger',
      serialTracking: { uniqueness: 'sku' },
    });
    await h.call('PUT', '/v1/skus/MANUAL', {
      ...W,
      body: { name: 'Manual', serialTracking: { enabled: false } },
    });
    expect((await (await h.call('GET', '/v1/skus/CH-65W', R)).json()).name).toBe('Charger');
    const tracked = await (await h.call('GET', '/v1/skus?tracking=true', R)).json();
    expect(tracked.items.map((s: { sku: string }) => s.sku)).toEqual(['CH-65W', 'HP-200']);
    const untracked = await (await h.call('GET', '/v1/skus?tracking=false', R)).json();
    expect(untracked.items.map((s: { sku: string }) => s.sku)).toEqual(['MANUAL']);
    const paged = await (await h.call('GET', '/v1/skus?limit=1', R)).json();
    expect(paged.items.length).toBe(1);
    const next = await (
      await h.call('GET', `/v1/skus?limit=1&cursor=${encodeURIComponent(paged.nextCursor)}`, R)
    ).json();
    expect(next.items[0].sku).toBe('HP-200');
  });

  test('unknown SKU → 404; invalid body or query → 400', async () => {
    const h = await harness();
    const missing = await h.call('GET', '/v1/skus/NOPE', R);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const bad = await h.call('PUT', '/v1/skus/X', { ...W, body: { name: '', serialTracking: {} } });
    expect(bad.status).toBe(400);
    const badFormat = await h.call('PUT', '/v1/skus/X', {
      ...W,
      body: { name: 'X', serialTracking: { enabled: true, format: '{Q:3' } },
    });
    expect(badFormat.status).toBe(400);
    expect((await h.call('GET', '/v1/skus?tracking=maybe', R)).status).toBe(400);
    expect((await h.call('GET', '/v1/skus?limit=0', R)).status).toBe(400);
  });
});

describe('serials', () => {
  test('register: valid rows kept, invalid and duplicates reported', async () => {
    const h = await harness();
    const response = await h.call('POST', '/v1/skus/HP-200/serials', {
      ...W,
      body: [
        hpSerial(100_000),
        { serial: hpSerial(100_001), lot: 'L9' },
        h.headphones[0],
        'garbage',
      ],
    });
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary).toMatchObject({ sku: 'HP-200', registered: 2, duplicates: 1, invalid: 1 });
    expect((await h.call('POST', '/v1/skus/NOPE/serials', { ...W, body: ['A'] })).status).toBe(404);
    expect((await h.call('POST', '/v1/skus/HP-200/serials', { ...W, body: [] })).status).toBe(400);
  });

  test('generate: 201 with the new serials', async () => {
    const h = await harness();
    const response = await h.call('POST', '/v1/skus/HP-200/serials/generate', {
      ...W,
      body: { count: 3 },
    });
    expect(response.status).toBe(201);
    const result = await response.json();
    expect(result.serials.length).toBe(3);
    expect(
      (await h.call('POST', '/v1/skus/HP-200/serials/generate', { ...W, body: { count: 0 } }))
        .status,
    ).toBe(400);
  });

  test('lookup: record, customer and history; normalized input; 404 for unknown', async () => {
    const h = await harness();
    const serial = h.headphones[0]!;
    const response = await h.call(
      'GET',
      `/v1/serials/${encodeURIComponent(serial.toLowerCase())}`,
      R,
    );
    expect(response.status).toBe(200);
    const found = await response.json();
    expect(found.record).toMatchObject({ sku: 'HP-200', serial, status: 'shipped' });
    expect(found.record.shipment.customer.email).toBe('ada@example.com');
    expect(found.events.map((e: { type: string }) => e.type)).toContain('shipped');
    expect((await h.call('GET', `/v1/serials/${hpSerial(999_999)}`, R)).status).toBe(404);
  });

  test('list with filters and paging', async () => {
    const h = await harness();
    const shipped = await (await h.call('GET', '/v1/serials?status=shipped', R)).json();
    expect(shipped.items.length).toBe(2);
    const both = await (
      await h.call('GET', '/v1/serials?status=shipped,in_stock&limit=5', R)
    ).json();
    expect(both.items.length).toBe(5);
    expect(both.nextCursor).toEqual(expect.any(String));
    const byOrder = await (await h.call('GET', '/v1/serials?orderId=ORD-1', R)).json();
    expect(byOrder.items.length).toBe(2);
    const byEmail = await (
      await h.call('GET', '/v1/serials?customerEmail=ada@example.com', R)
    ).json();
    expect(byEmail.items.length).toBe(2);
    const range = await (
      await h.call('GET', `/v1/serials?from=${h.headphones[0]}&to=${h.headphones[2]}`, R)
    ).json();
    expect(range.items.length).toBe(3);
    expect((await h.call('GET', '/v1/serials?status=lost', R)).status).toBe(400);
    expect((await h.call('GET', '/v1/serials?from=A', R)).status).toBe(400);
  });
});

describe('shipments and returns', () => {
  test('ship B2B, then a second shipment of the same unit is a 409 conflict', async () => {
    const h = await harness();
    const body = {
      orderId: 'PO-7',
      channel: 'b2b',
      account: { id: 'RES-1', name: 'Reseller' },
      lines: [{ sku: 'HP-200', serials: [h.headphones[5], h.headphones[6]] }],
    };
    const shipped = await h.call('POST', '/v1/shipments', { ...W, body });
    expect(shipped.status).toBe(201);
    expect((await shipped.json()).units.length).toBe(2);
    const again = await h.call('POST', '/v1/shipments', {
      ...W,
      body: { ...body, orderId: 'PO-8' },
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('conflict');
    const b2cWithoutCustomer = await h.call('POST', '/v1/shipments', {
      ...W,
      body: { ...body, channel: 'b2c' },
    });
    expect(b2cWithoutCustomer.status).toBe(400);
  });

  test('inspect gives the merchant verdict; accept and reject record the outcome', async () => {
    const h = await harness();
    const inspect = await h.call('POST', '/v1/returns/inspect', {
      ...W,
      body: { orderId: 'ORD-2', serial: h.headphones[0] },
    });
    expect(inspect.status).toBe(200);
    expect(await inspect.json()).toMatchObject({ verdict: 'mismatch', shippedInOrderId: 'ORD-1' });
    const readOnly = await h.call('POST', '/v1/returns/inspect', {
      ...R,
      body: { orderId: 'ORD-1', serial: 'x' },
    });
    expect(readOnly.status).toBe(403);

    const accepted = await h.call('POST', '/v1/returns/accept', {
      ...W,
      body: {
        orderId: 'ORD-1',
        serial: h.headphones[0],
        disposition: 'quarantine',
        reason: 'Rattles',
      },
    });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).status).toBe('quarantined');
    const twice = await h.call('POST', '/v1/returns/accept', {
      ...W,
      body: { orderId: 'ORD-1', serial: h.headphones[0] },
    });
    expect(twice.status).toBe(409);

    const rejected = await h.call('POST', '/v1/returns/reject', {
      ...W,
      body: { orderId: 'ORD-1', serial: h.headphones[1], reason: 'Water damage' },
    });
    expect(rejected.status).toBe(200);
    expect((await rejected.json()).type).toBe('return_rejected');
    const noReason = await h.call('POST', '/v1/returns/reject', {
      ...W,
      body: { orderId: 'ORD-1', serial: h.headphones[1] },
    });
    expect(noReason.status).toBe(400);
  });
});

describe('recalls', () => {
  test('create, list, get, contacts as JSON and as streamed CSV', async () => {
    const h = await harness();
    const created = await h.call('POST', '/v1/recalls', {
      ...W,
      body: {
        sku: 'HP-200',
        range: { from: h.headphones[0], to: h.headphones[4] },
        notice: 'Swelling battery',
      },
    });
    expect(created.status).toBe(201);
    const recall = await created.json();
    expect(recall.counts).toMatchObject({ affected: 5, shipped: 2 });
    const list = await (await h.call('GET', '/v1/recalls', R)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([recall.id]);
    expect((await (await h.call('GET', `/v1/recalls/${recall.id}`, R)).json()).notice).toBe(
      'Swelling battery',
    );
    expect((await h.call('GET', '/v1/recalls/rcl_missing', R)).status).toBe(404);

    const contacts = await (await h.call('GET', `/v1/recalls/${recall.id}/contacts`, R)).json();
    expect(contacts.items).toEqual([
      expect.objectContaining({
        orderId: 'ORD-1',
        email: 'ada@example.com',
        serials: [h.headphones[0], h.headphones[1]],
      }),
    ]);
    for (const request of [
      h.call('GET', `/v1/recalls/${recall.id}/contacts?format=csv`, R),
      h.call('GET', `/v1/recalls/${recall.id}/contacts`, { ...R, headers: { accept: 'text/csv' } }),
    ]) {
      const csv = await request;
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toContain('attachment');
      const text = await csv.text();
      expect(text.split('\n')[0]).toContain('order');
      expect(text).toContain('ada@example.com');
    }
    const missing = await h.call('GET', '/v1/recalls/rcl_missing/contacts?format=csv', R);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
    expect(
      (await h.call('POST', '/v1/recalls', { ...W, body: { sku: 'HP-200', notice: 'x' } })).status,
    ).toBe(400);
  });
});

describe('tracing and events', () => {
  test('sighting, trace, events list and EPCIS export', async () => {
    const h = await harness();
    const sighting = await h.call('POST', '/v1/sightings', {
      ...W,
      body: {
        serial: h.headphones[0],
        source: 'marketplace',
        url: 'https://market.example/item/1',
      },
    });
    expect(sighting.status).toBe(201);
    expect((await sighting.json()).type).toBe('sighted');
    const trace = await (await h.call('GET', `/v1/serials/${h.headphones[0]}/trace`, R)).json();
    expect(trace.soldTo).toMatchObject({ channel: 'b2c', orderId: 'ORD-1' });
    expect(trace.sightings.length).toBe(1);
    expect((await h.call('GET', `/v1/serials/${hpSerial(999_999)}/trace`, R)).status).toBe(404);

    const events = await (await h.call('GET', `/v1/events?serial=${h.headphones[0]}`, R)).json();
    expect(events.items.map((e: { type: string }) => e.type)).toEqual(['shipped', 'sighted']);
    const typed = await (await h.call('GET', '/v1/events?type=shipped&limit=1', R)).json();
    expect(typed.items.length).toBe(1);
    expect((await h.call('GET', '/v1/events?type=exploded', R)).status).toBe(400);

    const unknown = await h.call('POST', '/v1/sightings', {
      ...W,
      body: { serial: hpSerial(999_999), source: 'marketplace' },
    });
    expect(unknown.status).toBe(404);
    const badUrl = await h.call('POST', '/v1/sightings', {
      ...W,
      body: { serial: h.headphones[0], source: 'marketplace', url: 'not a url' },
    });
    expect(badUrl.status).toBe(400);

    const epcis = await h.call('GET', '/v1/events/epcis?type=shipped', R);
    expect(epcis.status).toBe(200);
    expect(epcis.headers.get('content-type')).toContain('application/ld+json');
    const document = JSON.parse(await epcis.text());
    expect(document.type).toBe('EPCISDocument');
  });
});

describe('CSV import and export', () => {
  test('POST /v1/imports/serials streams CSV rows into the store', async () => {
    const h = await harness();
    const csv = `serial,lot\n${hpSerial(100_000)},L7\n${hpSerial(100_001)},L7\nnot-a-serial,L7\n`;
    const response = await h.call('POST', '/v1/imports/serials?sku=HP-200', {
      ...W,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rows: 3, registered: 2, invalid: 1 });
    expect((await h.client.serials.lookup(hpSerial(100_000))).record.lot).toBe('L7');
    const json = await h.call('POST', '/v1/imports/serials', { ...W, body: { serial: 'x' } });
    expect(json.status).toBe(415);
    const noHeader = await h.call('POST', '/v1/imports/serials', {
      ...W,
      body: 'a,b\n1,2\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(noHeader.status).toBe(400);
  });

  test('POST /v1/imports/shipments ships rows grouped by order', async () => {
    const h = await harness();
    const csv = `order_id,channel,account_id,sku,serial\nPO-1,b2b,RES-1,HP-200,${h.headphones[8]}\nPO-1,b2b,RES-1,HP-200,${h.headphones[9]}\n`;
    const response = await h.call('POST', '/v1/imports/shipments', {
      ...W,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ shipments: 1, units: 2, failedShipments: 0 });
    // The same units again: the shipment fails as a whole and every line says why.
    const again = await h.call('POST', '/v1/imports/shipments', {
      ...W,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    const report = await again.json();
    expect(report).toMatchObject({ shipments: 0, failedShipments: 1 });
    expect(report.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    const asJson = await h.call('POST', '/v1/imports/shipments', { ...W, body: { csv } });
    expect(asJson.status).toBe(415);
    expect(
      (
        await h.call('POST', '/v1/imports/shipments', {
          key: READ_KEY,
          body: csv,
          headers: { 'content-type': 'text/csv' },
        })
      ).status,
    ).toBe(403);
  });

  test('exports stream CSV with a filter', async () => {
    const h = await harness();
    const serials = await h.call('GET', '/v1/exports/serials.csv?status=shipped', R);
    expect(serials.status).toBe(200);
    expect(serials.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await serials.text()).trim().split('\n');
    expect(lines.length).toBe(3);
    const events = await h.call('GET', '/v1/exports/events.csv?type=shipped', R);
    expect((await events.text()).trim().split('\n').length).toBe(3);
    expect((await h.call('GET', '/v1/exports/serials.csv')).status).toBe(401);
    expect((await h.call('GET', '/v1/exports/events.csv?type=exploded', R)).status).toBe(400);
    expect((await h.call('GET', '/v1/exports/serials.csv?status=lost', R)).status).toBe(400);
  });
});
