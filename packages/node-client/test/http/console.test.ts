import { describe, expect, test } from 'vitest';
import { harness, READ_KEY, strings, WRITE_KEY } from './helpers.js';

const R = { key: READ_KEY };
const W = { key: WRITE_KEY };

describe('POST /v1/recalls/preview', () => {
  test('counts the units a selection would recall, by status, and changes nothing', async () => {
    const h = await harness();
    const response = await h.call('POST', '/v1/recalls/preview', {
      ...R,
      body: { sku: 'HP-200', lot: 'L1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sku: 'HP-200',
      skus: ['HP-200'],
      affected: 20,
      byStatus: { in_stock: 18, shipped: 2 },
      alreadyRecalled: 0,
    });
    const units = await h.client.serials.list({ sku: 'HP-200', recalled: true });
    expect(units.items).toEqual([]);
  });

  test('the count is what create then marks; a range is read through the format', async () => {
    const h = await harness();
    const selection = {
      sku: 'HP-200',
      range: { from: h.headphones[0]!.toLowerCase(), to: h.headphones[4]! },
    };
    const preview = await (
      await h.call('POST', '/v1/recalls/preview', { ...R, body: selection })
    ).json();
    expect(preview).toMatchObject({ affected: 5, byStatus: { shipped: 2, in_stock: 3 } });
    const created = await h.call('POST', '/v1/recalls', {
      ...W,
      body: { ...selection, notice: 'Battery may swell' },
    });
    expect((await created.json()).counts.affected).toBe(preview.affected);
    const again = await (
      await h.call('POST', '/v1/recalls/preview', { ...R, body: selection })
    ).json();
    expect(again.alreadyRecalled).toBe(5);
  });

  test('a selection of several SKUs counts each in its own format, as create marks them', async () => {
    const h = await harness();
    const selection = { skus: ['HP-200', 'HP-200'], lot: 'L1' };
    const preview = await (
      await h.call('POST', '/v1/recalls/preview', { ...R, body: selection })
    ).json();
    expect(preview).toMatchObject({ sku: 'HP-200', skus: ['HP-200'], affected: 20 });
    const window = { from: '2000-01-01', to: '2000-01-02' };
    const none = await (
      await h.call('POST', '/v1/recalls/preview', {
        ...R,
        body: { sku: 'HP-200', lot: 'L1', shippedBetween: window },
      })
    ).json();
    expect([none.affected, none.byStatus]).toEqual([0, {}]);
    const both = await h.call('POST', '/v1/recalls/preview', {
      ...R,
      body: { sku: 'HP-200', skus: ['HP-200'], lot: 'L1' },
    });
    expect(both.status).toBe(400);
  });

  test('refuses selections that select nothing, unknown keys, bad serials and unknown SKUs', async () => {
    const h = await harness();
    const call = (body: unknown) => h.call('POST', '/v1/recalls/preview', { ...R, body });
    expect((await call({ sku: 'HP-200' })).status).toBe(400);
    expect((await call({ sku: 'HP-200', lot: 'L1', notice: 'x', admin: true })).status).toBe(400);
    expect((await call({ sku: 'HP-200', range: { from: 'nope', to: 'nope' } })).status).toBe(400);
    expect((await call({ sku: 'NOPE', lot: 'L1' })).status).toBe(404);
    const malformed = await h.call('POST', '/v1/recalls/preview', {
      ...R,
      body: '{"sku":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect((await call('{"sku":"HP-200","lot":"L1"}')).status, 'not JSON by its type').toBe(415);
    const huge = await call({ sku: 'HP-200', serials: Array(10_000).fill('SN-2024-0000016') });
    expect(huge.status).toBe(413);
  });

  test('needs an API key', async () => {
    const h = await harness();
    const response = await h.call('POST', '/v1/recalls/preview', {
      body: { sku: 'HP-200', lot: 'L1' },
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(response.status).toBe(401);
  });
});

describe('GET /v1/stats', () => {
  test('units by status, verification outcomes per day, return mismatches, open recalls', async () => {
    const h = await harness();
    await h.client.verify(h.headphones[0]!, { fingerprint: 'shopper-1' });
    await h.client.verify(h.headphones[0]!, { fingerprint: 'shopper-2' });
    await h.client.returns.check({ orderId: 'ORD-1', serial: h.headphones[5]! });
    await h.client.recalls.create({ sku: 'HP-200', lot: 'L1', notice: 'Check the hinge' });
    const response = await h.call('GET', '/v1/stats?days=7&to=2024-06-01T23:00:00Z', R);
    expect(response.status).toBe(200);
    const stats = await response.json();
    expect(stats.unitsByStatus).toMatchObject({ in_stock: 18, shipped: 2 });
    expect(stats.verificationsByDay).toHaveLength(7);
    expect(stats.verificationsByDay.at(-1)).toMatchObject({ date: '2024-06-01' });
    const verified = stats.verificationsByDay.at(-1).outcomes;
    expect(Object.values(verified).reduce((a: number, b) => a + (b as number), 0)).toBeGreaterThan(
      0,
    );
    expect(stats.returnMismatches).toBe(1);
    expect(stats.openRecalls).toEqual([
      expect.objectContaining({ sku: 'HP-200', affected: 20, outstanding: 2 }),
    ]);
    // No personal data in the overview.
    expect(strings(stats).join(' ')).not.toMatch(/ada@example\.com|Lovelace|10115/);
  });

  test('refuses windows out of range and unknown parameters', async () => {
    const h = await harness();
    for (const query of ['days=0', 'days=367', 'days=1.5', 'to=yesterday', 'admin=1']) {
      expect((await h.call('GET', `/v1/stats?${query}`, R)).status, query).toBe(400);
    }
    expect((await h.call('GET', '/v1/stats')).status).toBe(401);
  });

  test('both routes are in the OpenAPI document', async () => {
    const h = await harness();
    const doc = await (await h.call('GET', '/v1/openapi.json')).json();
    expect(doc.paths['/v1/recalls/preview'].post.operationId).toBe('previewRecall');
    expect(doc.paths['/v1/stats'].get.operationId).toBe('overviewStats');
  });
});
