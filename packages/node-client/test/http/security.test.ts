/**
 * The service's security gaps, each tried as an attacker would: spoofed headers, keys of the
 * wrong scope, guessing, look-alike input.
 */
import { describe, expect, test } from 'vitest';
import { harness } from './helpers.js';

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
