/**
 * The service's security gaps, each tried as an attacker would: spoofed headers, keys of the
 * wrong scope, guessing, look-alike input.
 */
import { describe, expect, test } from 'vitest';
import { ConnectionError } from '../../src/errors.js';
import { memoryStore } from '../../src/stores/memory.js';
import { harness, READ_KEY, STORE_KEY, WRITE_KEY } from './helpers.js';

const LIMIT = { capacity: 3, refillPerSecond: 0.01 };

async function statuses(send: (i: number) => Promise<Response>, count: number) {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await send(i)).status);
  return seen;
}

describe('client address behind proxies', () => {
  test('trustProxy: true takes the entry its proxy appended, not what the client wrote', async () => {
    const h = await harness({ rateLimit: LIMIT, trustProxy: true });
    // The client writes any X-Forwarded-For it likes; the proxy appends the real peer.
    const spoofed = await statuses(
      (i) =>
        h.call('GET', '/v1/formats', {
          ip: '10.0.0.1',
          headers: { 'x-forwarded-for': `198.51.100.${i}, 192.0.2.50` },
        }),
      20,
    );
    expect(spoofed.filter((status) => status === 200)).toHaveLength(LIMIT.capacity);
    // "spoofed, 127.0.0.1" as an appending proxy sends it: the key is 127.0.0.1 every time.
    const loopback = await statuses(
      (i) =>
        h.call('GET', '/v1/formats', {
          ip: '10.0.0.1',
          headers: { 'x-forwarded-for': `spoofed-${i}, 127.0.0.1` },
        }),
      10,
    );
    expect(loopback.filter((status) => status === 200)).toHaveLength(LIMIT.capacity);
  });

  test('trustProxy: n takes the n-th entry from the right; fewer entries fall back to the peer', async () => {
    const h = await harness({ rateLimit: LIMIT, trustProxy: 2 });
    const viaTwo = await statuses(
      (i) =>
        h.call('GET', '/v1/formats', {
          ip: '10.0.0.2',
          headers: { 'x-forwarded-for': `203.0.113.${i}, 192.0.2.60, 10.0.0.3` },
        }),
      6,
    );
    expect(viaTwo).toEqual([200, 200, 200, 429, 429, 429]);
    // One entry only, or junk in the trusted position: the peer's bucket, never a fresh one.
    const short = await statuses(
      (i) =>
        h.call('GET', '/v1/formats', {
          ip: '10.0.0.9',
          headers: { 'x-forwarded-for': i % 2 ? `203.0.113.${i}` : `not-an-ip-${i}, 10.0.0.3` },
        }),
      6,
    );
    expect(short).toEqual([200, 200, 200, 429, 429, 429]);
  });

  test('platform headers count only when configured', async () => {
    const plain = await harness({ rateLimit: LIMIT });
    const ignored = await statuses(
      (i) =>
        plain.call('GET', '/v1/formats', {
          ip: '10.0.0.4',
          headers: {
            'cf-connecting-ip': `198.51.100.${i}`,
            'fly-client-ip': `198.51.100.${i}`,
            'x-real-ip': `198.51.100.${i}`,
          },
        }),
      5,
    );
    expect(ignored).toEqual([200, 200, 200, 429, 429]);
    const cloudflare = await harness({ rateLimit: LIMIT, addressHeader: 'cf-connecting-ip' });
    const perClient = await statuses(
      (i) =>
        cloudflare.call('GET', '/v1/formats', {
          ip: '10.0.0.4',
          headers: { 'cf-connecting-ip': `198.51.100.${i}`, 'x-real-ip': '192.0.2.1' },
        }),
      5,
    );
    expect(perClient).toEqual([200, 200, 200, 200, 200]);
    const same = await statuses(
      () =>
        cloudflare.call('GET', '/v1/formats', {
          ip: '10.0.0.4',
          headers: { 'cf-connecting-ip': '198.51.100.200', 'x-real-ip': `192.0.2.1` },
        }),
      4,
    );
    expect(same).toEqual([200, 200, 200, 429]);
  });
});

describe('store protocol scope', () => {
  test('an admin key cannot un-recall a unit and wipe its customer through /v1/store', async () => {
    const h = await harness({ storeProtocol: true });
    const unit = h.headphones[0]!;
    await h.client.recalls.create({ sku: 'HP-200', serials: [unit], notice: 'Battery' });
    const attack = {
      transitions: [
        {
          sku: 'HP-200',
          serial: unit,
          from: ['shipped'],
          to: 'in_stock',
          set: { shipment: null, recallId: null },
          event: { type: 'restocked', at: '2024-06-02T00:00:00.000Z' },
        },
      ],
    };
    for (const key of [WRITE_KEY, READ_KEY]) {
      const response = await h.call('POST', '/v1/store/transition', { key, body: attack });
      expect(response.status).toBe(403);
    }
    const after = await h.client.serials.lookup(unit, { sku: 'HP-200' });
    expect(after.record.recallId).toBeDefined();
    expect(after.record.shipment?.customer?.email).toBe('ada@example.com');
    // The store key may; and it may use nothing else.
    const store = await h.call('POST', '/v1/store/getSku', {
      key: STORE_KEY,
      body: { sku: 'HP-200' },
    });
    expect(store.status).toBe(200);
    expect((await h.call('GET', '/v1/skus', { key: STORE_KEY })).status).toBe(403);
    expect(
      (await h.call('PUT', '/v1/skus/X-1', { key: STORE_KEY, body: { name: 'X' } })).status,
    ).toBe(403);
  });

  test('the OpenAPI document marks store routes as needing a key', async () => {
    const h = await harness({ storeProtocol: true, store: memoryStore() });
    const doc = await (await h.call('GET', '/v1/openapi.json')).json();
    expect(doc.paths['/v1/store/transition'].post.security).toEqual([{ apiKey: [] }]);
  });
});

describe('verification fingerprints', () => {
  const verifyFrom = (h: Awaited<ReturnType<typeof harness>>, ip: string, agent: string) =>
    h
      .call('POST', '/v1/verify', {
        body: { input: h.headphones[0] },
        ip,
        headers: { 'user-agent': agent },
      })
      .then((response) => response.json());

  test('one client rotating its user agent stays one client', async () => {
    const h = await harness();
    for (let i = 0; i < 20; i++) {
      const answer = await verifyFrom(h, '198.51.100.7', `Browser/${i}`);
      expect(answer.status).toBe('genuine');
    }
  });

  test('addresses of one /24 or one IPv6 /64 count once; six networks are many clients', async () => {
    const h = await harness();
    for (let i = 1; i <= 30; i++) {
      expect((await verifyFrom(h, `198.51.100.${i}`, 'A')).status).toBe('genuine');
      expect((await verifyFrom(h, `2001:db8:5:6::${i.toString(16)}`, 'A')).status).toBe('genuine');
    }
    // 2 networks so far; 4 more reach 6 > maxFingerprints (5).
    const answers = [];
    for (let net = 1; net <= 4; net++) answers.push(await verifyFrom(h, `203.0.${net}.9`, 'A'));
    expect(answers.map((a) => a.status)).toEqual(['genuine', 'genuine', 'genuine', 'suspicious']);
    expect(answers[3].reasons).toContain('many_clients');
  });

  test('stored fingerprints depend on the verify secret', async () => {
    const seenWith = async (secret: string) => {
      const h = await harness({}, { verify: { secret } });
      const seen: string[] = [];
      const original = h.store.recordVerification.bind(h.store);
      h.store.recordVerification = (input) => {
        seen.push(input.fingerprint);
        return original(input);
      };
      await verifyFrom(h, '192.0.2.44', 'A');
      return seen[0];
    };
    const one = await seenWith('secret-one-0123456789');
    expect(await seenWith('secret-one-0123456789')).toBe(one);
    expect(await seenWith('secret-two-0123456789')).not.toBe(one);
  });
});

describe('failed authentications', () => {
  test('guessing keys is limited per address; the right key from elsewhere still works', async () => {
    const h = await harness({ authFailureLimit: { capacity: 5, refillPerSecond: 0.01 } });
    const guesses = await statuses(
      (i) => h.call('GET', '/v1/skus', { key: `sk_guess_${i}_0123456789abcdef`, ip: '192.0.2.9' }),
      8,
    );
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Once over, even the right key waits: the limit does not tell guesses from the real key.
    const limited = await h.call('GET', '/v1/skus', { key: WRITE_KEY, ip: '192.0.2.9' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await h.call('GET', '/v1/skus', { key: WRITE_KEY, ip: '192.0.2.10' })).status).toBe(
      200,
    );
    // Successes do not count: a busy merchant backend never trips it.
    for (let i = 0; i < 20; i++) {
      expect((await h.call('GET', '/v1/skus', { key: READ_KEY, ip: '192.0.2.11' })).status).toBe(
        200,
      );
    }
    // Missing and malformed Authorization headers are failures too.
    const h2 = await harness({ authFailureLimit: { capacity: 2, refillPerSecond: 0.01 } });
    const missing = await statuses(
      (i) =>
        h2.call('GET', '/v1/skus', {
          ip: '192.0.2.12',
          headers: i % 2 ? { authorization: 'Basic abc' } : {},
        }),
      3,
    );
    expect(missing).toEqual([401, 401, 429]);
  });
});

describe('smaller leaks', () => {
  test('a store connection error reaches public callers without host, port or driver text', async () => {
    const h = await harness();
    h.store.findSerial = () =>
      Promise.reject(
        new ConnectionError('PostgreSQL: connect ECONNREFUSED 10.20.30.40:5432', {
          details: { code: 'ECONNREFUSED' },
        }),
      );
    const response = await h.call('POST', '/v1/verify', { body: { input: h.headphones[0] } });
    expect(response.status).toBe(503);
    const text = await response.text();
    for (const leak of ['10.20.30.40', '5432', 'ECONNREFUSED', 'PostgreSQL']) {
      expect(text).not.toContain(leak);
    }
    expect(JSON.parse(text).error.code).toBe('unavailable');
    // The operator still sees it.
    expect(String((h.errors[0] as Error).message)).toContain('10.20.30.40');
  });

  test('an unknown sku answers as an untracked one and as no sku at all', async () => {
    const h = await harness();
    await h.client.skus.update('SECRET-PROTO', {
      name: 'Prototype',
      serialTracking: { enabled: false },
    });
    const answer = async (body: object) => {
      const { checkedAt: _, ...rest } = await (await h.call('POST', '/v1/verify', { body })).json();
      return rest;
    };
    for (const input of [h.headphones[0]!, h.headphones[15]!, 'SN-2024-9999990', 'zz', '0']) {
      const none = await answer({ input });
      expect(await answer({ input, sku: 'NO-SUCH-SKU' }), input).toEqual(none);
      expect(await answer({ input, sku: 'SECRET-PROTO' }), input).toEqual(none);
    }
  });

  test('an unsold unit is genuine unless the merchant asks to flag it', async () => {
    const h = await harness();
    const inStock = h.headphones[15]!;
    const quiet = await (await h.call('POST', '/v1/verify', { body: { input: inStock } })).json();
    expect(quiet).toMatchObject({ status: 'genuine', reasons: [] });
    const flagging = await harness({}, { verify: { flagUnshipped: true } });
    const flagged = await (
      await flagging.call('POST', '/v1/verify', { body: { input: inStock } })
    ).json();
    expect(flagged).toMatchObject({ status: 'suspicious', reasons: ['not_shipped'] });
  });

  test('bidi controls in a serial are ignored like zero-width characters', async () => {
    const h = await harness();
    const serial = h.headphones[0]!;
    for (const control of [
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u061c',
    ]) {
      const input = `${control}${serial.slice(0, 4)}${control}${serial.slice(4)}${control}`;
      const answer = await (await h.call('POST', '/v1/verify', { body: { input } })).json();
      expect(answer, JSON.stringify(control)).toMatchObject({ status: 'genuine', serial });
    }
  });
});
