/** The public owner registration, attacked; and the merchant's owner, warranty and recall routes. */
import { describe, expect, test } from 'vitest';
import { harness, ORIGIN, READ_KEY, strings, WRITE_KEY } from './helpers.js';

const PERSONAL = ['ada@example.com', 'Ada Lovelace', '10115', 'CUS-1', 'ORD-1', 'grace', 'Grace'];

const register = (input: string, extra: Record<string, unknown> = {}) => ({
  input,
  name: 'Grace Hopper',
  email: 'grace@example.com',
  consent: true,
  ...extra,
});

describe('POST /v1/owners (public)', () => {
  test('the same answer whether the unit had an owner or not, and nothing personal', async () => {
    const h = await harness();
    const [a, b] = h.headphones;
    const first = await h.call('POST', '/v1/owners', { body: register(a!) });
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    // Someone else registers the same unit: the same answer, byte for byte.
    const second = await h.call('POST', '/v1/owners', {
      body: register(a!, { name: 'Mallory', email: 'mallory@example.com' }),
    });
    const secondBody = await second.json();
    expect(secondBody).toEqual(firstBody);
    expect(firstBody).toEqual({ status: 'received', serial: a });
    // A unit nobody registered answers with the same keys.
    const fresh = await (await h.call('POST', '/v1/owners', { body: register(b!) })).json();
    expect(Object.keys(fresh).sort()).toEqual(Object.keys(firstBody).sort());
    for (const answer of [firstBody, secondBody, fresh]) {
      for (const secret of [...PERSONAL, 'mallory', 'own_']) {
        expect(strings(answer).join(' ')).not.toContain(secret);
      }
    }
    // Recorded for review, visible to the merchant only.
    const review = await (
      await h.call('GET', '/v1/owners?status=pending_review', { key: READ_KEY })
    ).json();
    expect(review.items.map((o: { email: string }) => o.email)).toEqual(['mallory@example.com']);
    expect((await h.call('GET', '/v1/owners?status=pending_review')).status).toBe(401);
  });

  test('unknown keys, missing consent, oversized and malformed bodies are refused', async () => {
    const h = await harness();
    const serial = h.headphones[3]!;
    const bad = [
      register(serial, { consent: false }),
      register(serial, { consent: 'true' }),
      register(serial, { status: 'active' }),
      register(serial, { email: 'grace@' }),
      register(serial, { name: '' }),
      register(serial, { name: 'x'.repeat(201) }),
      { input: serial, email: 'grace@example.com', consent: true },
      [register(serial)],
      null,
    ];
    for (const body of bad) {
      const response = await h.call('POST', '/v1/owners', {
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const huge = await h.call('POST', '/v1/owners', {
      body: register(serial, { name: 'x'.repeat(10_000) }),
    });
    expect(huge.status).toBe(413);
    const broken = await h.call('POST', '/v1/owners', {
      body: '{"input": "x", "name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    const form = await h.call('POST', '/v1/owners', {
      body: 'input=x&name=y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(await h.client.owners.list().toArray()).toEqual([]);
  });

  test('Unicode tricks in names: bidi overrides and invisibles refused, NFC kept', async () => {
    const h = await harness();
    const serial = h.headphones[4]!;
    for (const name of [
      'Grace\u202Eeci',
      'Gr\u200Bace',
      'Grace\u0000',
      'Gr\uFEFFace',
      'G\u2066race',
    ]) {
      const response = await h.call('POST', '/v1/owners', { body: register(serial, { name }) });
      expect(response.status, JSON.stringify(name)).toBe(400);
    }
    const decomposed = 'Zoe\u0301';
    const ok = await h.call('POST', '/v1/owners', { body: register(serial, { name: decomposed }) });
    expect(ok.status).toBe(200);
    const [owner] = await h.client.owners.list({ serial }).toArray();
    expect(owner?.name).toBe('Zo\u00e9');
  });

  test('unknown and invalid serials answer without revealing more than verify', async () => {
    const h = await harness();
    const unknown = await (
      await h.call('POST', '/v1/owners', { body: register('SN-2024-0999999-0') })
    ).json();
    expect(['unknown', 'invalid']).toContain(unknown.status);
    const invalid = await (
      await h.call('POST', '/v1/owners', { body: register('nonsense') })
    ).json();
    expect(invalid).toEqual({ status: 'invalid', serial: null });
  });

  test('rate-limited like verify, with CORS for the storefront', async () => {
    const h = await harness({ rateLimit: { capacity: 2, refillPerSecond: 0.1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await h.call('POST', '/v1/owners', {
        body: register(h.headphones[5]!),
        ip: '198.51.100.9',
        headers: { origin: ORIGIN },
      });
      statuses.push(response.status);
      if (i === 0) expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const preflight = await h.call('OPTIONS', '/v1/owners', {
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });
});

describe('owners, warranty and recall campaigns (admin)', () => {
  test('export as CSV and erase', async () => {
    const h = await harness();
    const serial = h.headphones[0]!;
    await h.call('POST', '/v1/owners', { body: register(serial) });
    const csv = await h.call('GET', `/v1/serials/${encodeURIComponent(serial)}/owners.csv`, {
      key: READ_KEY,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe(
      'owner_id,sku,serial,status,name,email,registered_at,erased_at',
    );
    expect(text).toContain('grace@example.com');
    expect(
      (await h.call('GET', '/v1/serials/SN-2024-0999999-0/owners.csv', { key: READ_KEY })).status,
    ).toBeGreaterThanOrEqual(400);

    const { items } = await (
      await h.call('GET', `/v1/owners?serial=${serial}`, { key: READ_KEY })
    ).json();
    const id = items[0].id as string;
    expect((await h.call('POST', `/v1/owners/${id}/erase`, { key: READ_KEY })).status).toBe(403);
    const erased = await h.call('POST', `/v1/owners/${id}/erase`, { key: WRITE_KEY });
    expect(erased.status).toBe(200);
    const body = await erased.json();
    expect(body).toMatchObject({ id, status: 'erased' });
    expect(body.email).toBeUndefined();
    expect((await h.call('POST', '/v1/owners/own_nope/erase', { key: WRITE_KEY })).status).toBe(
      404,
    );
  });

  test('coverage, claims, recall progress and close', async () => {
    const h = await harness();
    await h.client.skus.update('HP-200', {
      name: 'Aurora headphones',
      gtin: '4012345000016',
      serialTracking: { enabled: true, format: 'SN-{YYYY}-{D:6}{check:luhn}', uniqueness: 'sku' },
      warranty: { months: 24, startsAt: 'shipment' },
    });
    const serial = h.headphones[0]!;
    const coverage = await (
      await h.call('GET', `/v1/serials/${serial}/coverage`, { key: READ_KEY })
    ).json();
    expect(coverage.coverage).toMatchObject({ active: true, startsAt: 'shipment' });
    const verify = await (await h.call('POST', '/v1/verify', { body: { input: serial } })).json();
    expect(verify.coverage).toEqual({ covered: true, until: '2026-06' });

    const claim = await h.call('POST', `/v1/serials/${serial}/claims`, {
      key: WRITE_KEY,
      body: { decision: 'accepted', reason: 'Broken hinge', resolution: 'replaced' },
    });
    expect(claim.status).toBe(201);
    const again = await (
      await h.call('POST', `/v1/serials/${serial}/claims`, {
        key: WRITE_KEY,
        body: { decision: 'refused', reason: 'Again' },
      })
    ).json();
    expect(again.flags).toEqual(['already_replaced']);
    const claims = await (
      await h.call('GET', `/v1/serials/${serial}/claims`, { key: READ_KEY })
    ).json();
    expect(claims.items).toHaveLength(2);

    const recall = await h.client.recalls.create({ sku: 'HP-200', lot: 'L1', notice: 'x' });
    const progress = await (
      await h.call('GET', `/v1/recalls/${recall.id}/progress`, { key: READ_KEY })
    ).json();
    expect(progress).toMatchObject({ affected: 20, returned: 0, status: 'open' });
    const closed = await h.call('POST', `/v1/recalls/${recall.id}/close`, { key: WRITE_KEY });
    expect(closed.status).toBe(200);
    expect((await closed.json()).status).toBe('closed');
    expect(
      (await h.call('POST', `/v1/recalls/${recall.id}/close`, { key: WRITE_KEY })).status,
    ).toBe(409);
  });

  test('the OpenAPI document lists the new routes', async () => {
    const h = await harness();
    const doc = await (await h.call('GET', '/v1/openapi.json')).json();
    for (const path of [
      '/v1/owners',
      '/v1/owners/{id}/erase',
      '/v1/serials/{serial}/owners.csv',
      '/v1/serials/{serial}/coverage',
      '/v1/serials/{serial}/claims',
      '/v1/recalls/{id}/close',
      '/v1/recalls/{id}/progress',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
