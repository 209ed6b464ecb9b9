import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { fingerprintOf } from '../../src/http/client-address.js';
import { createHandler } from '../../src/http/handler.js';
import { badCheckDigit, harness, hpSerial, ORIGIN, READ_KEY, strings } from './helpers.js';

const PERSONAL = ['ada@example.com', 'Ada Lovelace', '10115', 'CUS-1', 'ORD-1'];

describe('POST /v1/verify', () => {
  test('genuine, unknown and invalid answers have the same keys and no personal data', async () => {
    const h = await harness();
    const genuine = await h.call('POST', '/v1/verify', { body: { input: h.headphones[0] } });
    expect(genuine.status).toBe(200);
    expect(genuine.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const a = await genuine.json();
    expect(a.status).toBe('genuine');
    expect(a.product).toEqual({ sku: 'HP-200', name: 'Aurora headphones' });

    const unknown = await (
      await h.call('POST', '/v1/verify', { body: { input: hpSerial(999_999) } })
    ).json();
    expect(unknown.status).toBe('unknown');
    const invalid = await (
      await h.call('POST', '/v1/verify', { body: { input: badCheckDigit(hpSerial(1)) } })
    ).json();
    expect(invalid.status).toBe('invalid');
    expect(invalid.issues.length).toBeGreaterThan(0);

    const keys = (value: object) => Object.keys(value).sort();
    expect(keys(unknown)).toEqual(keys(a));
    expect(keys(invalid)).toEqual(keys(a));
    for (const answer of [a, unknown, invalid]) {
      for (const secret of PERSONAL) expect(strings(answer).join(' ')).not.toContain(secret);
    }
  });

  test('a recalled unit says so, with the notice and no customer', async () => {
    const h = await harness();
    await h.client.recalls.create({
      sku: 'HP-200',
      serials: [h.headphones[0]!],
      notice: 'Battery may swell',
      url: 'https://example.com/recall',
    });
    const answer = await (
      await h.call('POST', '/v1/verify', { body: { input: h.headphones[0] } })
    ).json();
    expect(answer.status).toBe('recalled');
    expect(answer.recall).toEqual({
      notice: 'Battery may swell',
      url: 'https://example.com/recall',
    });
    for (const secret of PERSONAL) expect(JSON.stringify(answer)).not.toContain(secret);
  });

  test('a recall link that is not http(s) never reaches the storefront', async () => {
    const h = await harness();
    const recall = {
      sku: 'HP-200',
      serials: [h.headphones[2]!],
      notice: 'Check your unit',
      url: 'javascript:alert(document.cookie)',
    };
    // Refused when the recall is created…
    await expect(h.client.recalls.create(recall)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    // …and dropped from the answer when one was stored anyway (directly in the store).
    const created = await h.client.recalls.create({ ...recall, url: 'https://example.com/r' });
    await h.store.putRecall({ ...created, url: recall.url });
    const answer = await (
      await h.call('POST', '/v1/verify', { body: { input: h.headphones[2] } })
    ).json();
    expect(answer.status).toBe('recalled');
    expect(answer.recall).toEqual({ notice: 'Check your unit', url: null });
  });

  test('the default fingerprint is a hash of the network: /24 for IPv4, /64 for IPv6', () => {
    const sha = (text: string) =>
      createHash('sha256').update(text).digest('base64url').slice(0, 22);
    expect(fingerprintOf('192.0.2.44')).toBe(sha('192.0.2.0/24'));
    expect(fingerprintOf('192.0.2.200')).toBe(fingerprintOf('192.0.2.44'));
    expect(fingerprintOf('192.0.3.44')).not.toBe(fingerprintOf('192.0.2.44'));
    expect(fingerprintOf('2001:db8:1:2::/64')).toBe(sha('2001:db8:1:2::/64'));
  });

  test('the fingerprint reaching the store is a hash, never the address or user agent', async () => {
    const h = await harness();
    const seen: string[] = [];
    const original = h.store.recordVerification.bind(h.store);
    h.store.recordVerification = (input) => {
      seen.push(input.fingerprint);
      return original(input);
    };
    await h.call('POST', '/v1/verify', {
      body: { input: h.headphones[5] },
      ip: '192.0.2.44',
      headers: { 'user-agent': 'Mozilla/5.0 TestBrowser' },
    });
    expect(seen.length).toBe(1);
    expect(seen[0]).not.toContain('192.0.2.44');
    expect(seen[0]).not.toContain('Mozilla');
  });

  test('a code of another product, scanned with a sku, names no SKU and no GTIN', async () => {
    const h = await harness();
    await h.client.skus.update('CH-65', {
      name: 'Charger',
      gtin: '4012345000023',
      serialTracking: { enabled: true, format: 'SN-{YYYY}-{D:6}{check:luhn}' },
    });
    const link = `https://shop.example/01/04012345000023/21/${h.headphones[0]}`;
    const answer = await (
      await h.call('POST', '/v1/verify', { body: { input: link, sku: 'HP-200' } })
    ).json();
    expect(answer.status).toBe('invalid');
    expect(answer.issues).toEqual([
      expect.objectContaining({
        reason: 'gtin_mismatch',
        message: 'The scanned code is of another product',
      }),
    ]);
    // Only the customer's own input comes back: no SKU id, no GTIN of the catalog.
    expect(
      JSON.stringify({
        ...answer,
        issues: answer.issues.map(({ input: _, ...i }: { input: string }) => i),
      }),
    ).not.toMatch(/CH-65|HP-200|4012345000023|4012345000016/);
    expect(answer.issues[0].input).toBe(link);
  });

  test('bad input: missing field, unknown key, wrong type', async () => {
    const h = await harness();
    for (const body of [{}, { input: 'x', extra: 1 }, { input: 42 }, { input: '' }]) {
      const response = await h.call('POST', '/v1/verify', { body });
      expect(response.status).toBe(400);
      const error = (await response.json()).error;
      expect(error.code).toBe('validation_failed');
      expect(error.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('POST /v1/returns/check', () => {
  test('match with the right email or postcode; order_not_found otherwise, without saying why', async () => {
    const h = await harness();
    const check = async (body: Record<string, string>) => {
      const response = await h.call('POST', '/v1/returns/check', { body });
      expect(response.status).toBe(200);
      return response.json();
    };
    const match = await check({
      orderId: 'ORD-1',
      email: 'ADA@example.com',
      serial: h.headphones[1]!,
    });
    expect(match).toEqual({ verdict: 'match', next: 'send_back', issues: [] });
    expect(
      (await check({ orderId: 'ORD-1', postcode: '10115', serial: h.headphones[0]! })).verdict,
    ).toBe('match');
    const wrongEmail = await check({
      orderId: 'ORD-1',
      email: 'eve@example.com',
      serial: h.headphones[0]!,
    });
    const noOrder = await check({
      orderId: 'ORD-404',
      email: 'eve@example.com',
      serial: h.headphones[0]!,
    });
    expect(wrongEmail.verdict).toBe('order_not_found');
    expect(noOrder).toEqual(wrongEmail);
    const other = await check({
      orderId: 'ORD-1',
      email: 'ada@example.com',
      serial: h.headphones[7]!,
    });
    expect(other.verdict).toBe('mismatch');
    for (const answer of [match, wrongEmail, other]) {
      for (const secret of PERSONAL) expect(JSON.stringify(answer)).not.toContain(secret);
    }
  });

  test('needs the email or the postcode', async () => {
    const h = await harness();
    const response = await h.call('POST', '/v1/returns/check', {
      body: { orderId: 'ORD-1', serial: 'x' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('validation_failed');
  });
});

describe('GET /v1/formats', () => {
  test('hints with an ETag and Cache-Control; 304 for a matching If-None-Match', async () => {
    const h = await harness();
    const response = await h.call('GET', '/v1/formats');
    expect(response.status).toBe(200);
    const hints = await response.json();
    expect(hints.formats).toEqual([
      expect.objectContaining({
        sku: 'HP-200',
        name: 'Aurora headphones',
        format: 'SN-{YYYY}-{D:6}{check:luhn}',
      }),
    ]);
    const etag = response.headers.get('etag');
    expect(etag).toBe(`"${hints.version}"`);
    expect(response.headers.get('cache-control')).toContain('max-age');
    const cached = await h.call('GET', '/v1/formats', { headers: { 'if-none-match': etag! } });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');
    expect(
      (await h.call('GET', '/v1/formats', { headers: { 'if-none-match': '"stale"' } })).status,
    ).toBe(200);

    await h.client.skus.update('CH-65W', {
      name: 'Charger',
      serialTracking: { enabled: true, format: '{A:3}{D:7}', uniqueness: 'sku' },
    });
    const changed = await h.call('GET', '/v1/formats', { headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});

describe('CORS', () => {
  test('allowed origin gets Access-Control-Allow-Origin; others do not; Vary: Origin always', async () => {
    const h = await harness();
    const allowed = await h.call('POST', '/v1/verify', {
      body: { input: 'x' },
      headers: { origin: ORIGIN },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('vary')).toContain('Origin');
    const denied = await h.call('POST', '/v1/verify', {
      body: { input: 'x' },
      headers: { origin: 'https://evil.example' },
    });
    expect(denied.headers.get('access-control-allow-origin')).toBe(null);
    expect(denied.headers.get('vary')).toContain('Origin');
  });

  test('preflight: allowed origin gets methods and headers; denied origin gets none', async () => {
    const h = await harness();
    const preflight = await h.call('OPTIONS', '/v1/verify', {
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const denied = await h.call('OPTIONS', '/v1/verify', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(denied.headers.get('access-control-allow-origin')).toBe(null);
  });

  test('errors of public routes carry CORS headers, so the widget can read them', async () => {
    const h = await harness();
    const response = await h.call('POST', '/v1/verify', {
      body: '{',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  test('admin routes never send CORS headers', async () => {
    const h = await harness();
    const response = await h.call('GET', '/v1/skus', {
      key: READ_KEY,
      headers: { origin: ORIGIN },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(null);
  });
});

describe('rate limit', () => {
  test('429 with Retry-After once the bucket is empty, per client address', async () => {
    const h = await harness({ rateLimit: { capacity: 3, refillPerSecond: 0.5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await h.call('POST', '/v1/verify', { body: { input: 'x' }, ip: '198.51.100.1' })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await h.call('GET', '/v1/formats', {
      ip: '198.51.100.1',
      headers: { origin: ORIGIN },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = await limited.json();
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.details.retryAfter).toBe(2);
    // Another client has its own bucket.
    expect((await h.call('GET', '/v1/formats', { ip: '198.51.100.2' })).status).toBe(200);
  });

  test('X-Forwarded-For is ignored unless trustProxy', async () => {
    const h = await harness({ rateLimit: { capacity: 1, refillPerSecond: 0.1 } });
    const spoofed = (n: number) =>
      h.call('GET', '/v1/formats', {
        ip: '198.51.100.9',
        headers: { 'x-forwarded-for': `10.0.0.${n}` },
      });
    expect((await spoofed(1)).status).toBe(200);
    expect((await spoofed(2)).status).toBe(429);
    const proxied = await harness({
      rateLimit: { capacity: 1, refillPerSecond: 0.1 },
      trustProxy: true,
    });
    const via = (client: string) =>
      proxied.call('GET', '/v1/formats', {
        ip: '127.0.0.1',
        headers: { 'x-forwarded-for': client },
      });
    expect((await via('192.0.2.1')).status).toBe(200);
    expect((await via('192.0.2.2')).status).toBe(200);
    expect((await via('192.0.2.1')).status).toBe(429);
  });

  test('off with rateLimit: false', async () => {
    const h = await harness({ rateLimit: false });
    for (let i = 0; i < 100; i++) {
      expect((await h.call('GET', '/v1/formats', { ip: '198.51.100.3' })).status).toBe(200);
    }
  });

  test('the proof hook lets a limited client through when it proves itself', async () => {
    const h = await harness({
      rateLimit: { capacity: 1, refillPerSecond: 0.01 },
      proof: (request) => request.headers.get('x-serialkit-proof') === 'solved-captcha',
    });
    expect((await h.call('GET', '/v1/formats')).status).toBe(200);
    expect((await h.call('GET', '/v1/formats')).status).toBe(429);
    const proved = await h.call('GET', '/v1/formats', {
      headers: { 'x-serialkit-proof': 'solved-captcha' },
    });
    expect(proved.status).toBe(200);
    expect(
      (await h.call('GET', '/v1/formats', { headers: { 'x-serialkit-proof': 'wrong' } })).status,
    ).toBe(200);
  });

  test('admin routes are not rate-limited by the public bucket', async () => {
    const h = await harness({ rateLimit: { capacity: 1, refillPerSecond: 0.01 } });
    for (let i = 0; i < 5; i++) {
      expect((await h.call('GET', '/v1/skus', { key: READ_KEY })).status).toBe(200);
    }
  });
});

test('the handler works without any admin keys: public routes only', async () => {
  const h = await harness();
  const handler = createHandler(h.client, { rateLimit: false });
  const ok = await handler(
    new Request('http://x/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: h.headphones[0] }),
    }),
  );
  expect(ok.status).toBe(200);
  const admin = await handler(
    new Request('http://x/v1/skus', { headers: { authorization: 'Bearer anything-at-all-123' } }),
  );
  expect(admin.status).toBe(401);
});
