import { describe, expect, test } from 'vitest';
import { badCheckDigit, harness, READ_KEY, strings, WRITE_KEY } from './helpers.js';

const R = { key: READ_KEY };
const W = { key: WRITE_KEY };

/** The harness, plus DK-1: `DK-{D:5}` (no check character), DK-00120…DK-00124 registered. */
async function withDesk() {
  const h = await harness();
  await h.client.skus.update('DK-1', {
    name: 'Desk lamp',
    serialTracking: { enabled: true, format: 'DK-{D:5}', uniqueness: 'sku' },
  });
  await h.client.serials.register('DK-1', ['DK-00120', 'DK-00121', 'DK-00122', 'DK-00123']);
  return h;
}

const suggest = (h: Awaited<ReturnType<typeof harness>>, serial: string, query = '') =>
  h.call('GET', `/v1/serials/${encodeURIComponent(serial)}/suggestions${query}`, R);

describe('GET /v1/serials/:serial/suggestions', () => {
  test('answers the registered units a mistyped serial could have meant, best first', async () => {
    const h = await withDesk();
    const shipped = h.headphones[0]!;
    const typo = badCheckDigit(shipped);
    const response = await suggest(h, typo);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.input).toBe(typo);
    expect(body.items).toContainEqual({ sku: 'HP-200', serial: shipped, status: 'shipped' });
    // A swap that still reads as a valid serial (no check character).
    expect((await (await suggest(h, 'DK-00112')).json()).items).toEqual([
      { sku: 'DK-1', serial: 'DK-00121', status: 'in_stock' },
      { sku: 'DK-1', serial: 'DK-00122', status: 'in_stock' },
    ]);
    // Restricted to a SKU; a unit found as typed is no suggestion of itself.
    expect((await (await suggest(h, 'DK-00112', '?sku=HP-200')).json()).items).toEqual([]);
    expect(
      (await (await suggest(h, 'DK-00121')).json()).items.map((i: { serial: string }) => i.serial),
    ).not.toContain('DK-00121');
    // Nothing near: an empty list, not an error.
    expect(await (await suggest(h, 'ZZ-NOTHING')).json()).toEqual({
      input: 'ZZ-NOTHING',
      items: [],
    });
  });

  test('as an attacker: no key, huge or malformed input, unknown SKU, no personal data', async () => {
    const h = await withDesk();
    const path = `/v1/serials/${encodeURIComponent(badCheckDigit(h.headphones[0]!))}/suggestions`;
    expect((await h.call('GET', path)).status).toBe(401);
    expect((await h.call('GET', path, { key: 'sk_test_wrong_key_000000000' })).status).toBe(401);
    // A spoofed client address changes nothing about access.
    expect(
      (await h.call('GET', path, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status,
    ).toBe(401);
    expect((await suggest(h, 'D'.repeat(2001))).status).toBe(400);
    expect((await suggest(h, 'DK-00112', '?sku=NOPE')).status).toBe(404);
    expect((await suggest(h, 'DK-00112', `?sku=${'x'.repeat(5000)}`)).status).toBe(400);
    expect((await h.call('GET', '/v1/serials/%E0%A4%A/suggestions', R)).status).toBe(400);
    // A scanned code, control characters, percent-encoded garbage: answered, never thrown.
    for (const input of ['(01)04012345000016(21)X', '\u0000\u0007', '%%%', '../../etc']) {
      const response = await suggest(h, input);
      expect(response.status).toBe(200);
      expect((await response.json()).items).toEqual([]);
    }
    // The unit the answer names shipped to a customer: none of them is in the answer.
    const body = await (await suggest(h, badCheckDigit(h.headphones[0]!))).json();
    expect(strings(body).join(' ')).not.toMatch(/ada@|lovelace|CUS-1|10115|ORD-1/i);
    expect(h.errors).toEqual([]);
  });

  test('is in the OpenAPI document with its answer schema', async () => {
    const h = await harness();
    const doc = await (await h.call('GET', '/v1/openapi.json')).json();
    const operation = doc.paths['/v1/serials/{serial}/suggestions'].get;
    expect(operation.operationId).toBe('suggestSerials');
    expect(Object.keys(operation.responses)).toEqual(['200', '400', '401', '404']);
  });
});

describe('POST /v1/orders/:id/picks with a typo that reads as a valid serial', () => {
  test('answers mistyped with the unshipped units one edit away; taking one packs it', async () => {
    const h = await withDesk();
    await h.call('POST', '/v1/orders', {
      ...W,
      body: {
        id: 'ORD-3001',
        channel: 'b2c',
        customer: { id: 'C-9', email: 'bo@example.com', name: 'Bo' },
        lines: [{ sku: 'DK-1', quantity: 1 }],
      },
    });
    const typo = await h.call('POST', '/v1/orders/ORD-3001/picks', {
      ...W,
      body: { input: 'DK-00213' },
    });
    expect(typo.status).toBe(200);
    const answer = await typo.json();
    expect([answer.outcome, answer.suggestions]).toEqual([
      'mistyped',
      [{ sku: 'DK-1', serial: 'DK-00123' }],
    ]);
    const taken = await h.call('POST', '/v1/orders/ORD-3001/picks', {
      ...W,
      body: { input: 'DK-00123', sku: 'DK-1' },
    });
    expect((await taken.json()).outcome).toBe('accepted');
    const far = await h.call('POST', '/v1/orders/ORD-3001/picks', {
      ...W,
      body: { input: 'DK-99999' },
    });
    expect((await far.json()).outcome).toBe('not_registered');
  });
});
