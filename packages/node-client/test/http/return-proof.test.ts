/**
 * The public return check as an oracle: what proves an order (the whole email or postcode, and
 * nothing near it), its own limits per address and per order, and the merchant's choice of
 * email-only proof.
 */
import { describe, expect, test } from 'vitest';
import { harness } from './helpers.js';

type Proof = { email?: string; postcode?: string };

async function checker(...args: Parameters<typeof harness>) {
  const h = await harness({ returnCheckLimit: false, ...args[0] }, args[1]);
  return {
    h,
    async verdict(proof: Proof, orderId = 'ORD-1', ip = '198.51.100.1'): Promise<string> {
      const response = await h.call('POST', '/v1/returns/check', {
        body: { orderId, serial: h.headphones[0], ...proof },
        ip,
      });
      if (response.status !== 200) return `http ${response.status}`;
      return (await response.json()).verdict;
    },
  };
}

describe('what proves an order (customer ada@example.com, postcode 10115)', () => {
  test('the whole email proves it, in any case and with surrounding spaces', async () => {
    const { verdict } = await checker();
    for (const email of [
      'ada@example.com',
      'ADA@Example.COM',
      '  ada@example.com\t',
      ' Ada@example.com ',
    ]) {
      expect(await verdict({ email }), email).toBe('match');
    }
  });

  test('near misses of the email do not: prefixes, substrings, extensions, look-alikes', async () => {
    const { verdict } = await checker();
    const nearMisses = [
      '@',
      'a',
      'ada',
      'ada@',
      'ada@example',
      'ada@example.co', // prefix
      'da@example.com', // suffix
      'example.com',
      'ada@example.com.evil.test', // extension
      'xada@example.com',
      'ada@example.comx',
      'ada @example.com', // inner space
      'ada@example.com;', // trailing punctuation
      '\u0430da@example.com', // Cyrillic а
      '\uff41da@example.com', // full-width ａ
      'ada@exampIe.com', // capital I for l
      'ada@examp1e.com', // digit 1 for l
      'ad\u200ba@example.com', // zero-width space inside
      'ad\u00e1@example.com', // á
      '*',
      '%',
      '.*',
    ];
    for (const email of nearMisses) {
      expect(await verdict({ email }), JSON.stringify(email)).toBe('order_not_found');
    }
  });

  test('the whole postcode proves it, in any spacing; near misses do not', async () => {
    const { verdict } = await checker();
    for (const postcode of ['10115', ' 10115 ', '10 115', '1 0 1 1 5']) {
      expect(await verdict({ postcode }), postcode).toBe('match');
    }
    const nearMisses = [
      '1',
      '1011', // prefix
      '0115', // suffix
      '101150', // extension
      '10116',
      '01115',
      '\uff11\uff10\uff11\uff11\uff15', // full-width digits
      '１0115',
      '10115-',
      '',
      ' ',
    ];
    for (const postcode of nearMisses) {
      expect(await verdict({ postcode }), JSON.stringify(postcode)).toBe('order_not_found');
    }
  });

  test('a right proof of another order proves nothing about this one', async () => {
    const { h, verdict } = await checker();
    await h.client.shipments.create({
      orderId: 'ORD-2',
      channel: 'b2c',
      customer: { id: 'CUS-2', email: 'bob@example.com', postcode: '80331' },
      lines: [{ sku: 'HP-200', serials: [h.headphones[5]!] }],
    });
    expect(await verdict({ email: 'bob@example.com' }, 'ORD-1')).toBe('order_not_found');
    expect(await verdict({ postcode: '80331' }, 'ORD-1')).toBe('order_not_found');
    expect(await verdict({ email: 'ada@example.com' }, 'ORD-2')).toBe('order_not_found');
    expect(await verdict({ email: 'ada@example.com' }, 'ORD-404')).toBe('order_not_found');
    // One wrong field with one right one: the right one proves it (either is enough).
    expect(await verdict({ email: 'wrong@example.com', postcode: '10115' })).toBe('match');
  });

  test("with publicProof: 'email' the postcode proves nothing", async () => {
    const { verdict } = await checker({}, { returns: { publicProof: 'email' } });
    expect(await verdict({ postcode: '10115' })).toBe('order_not_found');
    expect(await verdict({ email: 'wrong@example.com', postcode: '10115' })).toBe(
      'order_not_found',
    );
    expect(await verdict({ email: 'ada@example.com' })).toBe('match');
  });
});

describe('limits of the return check', () => {
  test('per address, stricter than the public limit', async () => {
    const { verdict } = await checker({
      returnCheckLimit: { capacity: 3, refillPerSecond: 0.01 },
    });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await verdict({ email: 'ada@example.com' }));
    expect(answers).toEqual(['match', 'match', 'match', 'http 429', 'http 429']);
    expect(await verdict({ email: 'ada@example.com' }, 'ORD-1', '198.51.100.2')).toBe('match');
  });

  test('per order: failed proofs from many addresses lock guessing on that order only', async () => {
    const { verdict } = await checker({
      returnCheckLimit: { capacity: 3, refillPerSecond: 0.01 },
    });
    const guesses = [];
    for (let i = 0; i < 5; i++) {
      guesses.push(await verdict({ postcode: `9000${i}` }, 'ORD-1', `203.0.113.${i}`));
    }
    expect(guesses).toEqual([
      'order_not_found',
      'order_not_found',
      'order_not_found',
      'http 429',
      'http 429',
    ]);
    // Another order is not affected; successful checks never count against an order.
    expect(await verdict({ email: 'x@example.com' }, 'ORD-2', '203.0.113.50')).toBe(
      'order_not_found',
    );
    const fresh = await checker({ returnCheckLimit: { capacity: 2, refillPerSecond: 0.01 } });
    for (let i = 0; i < 6; i++) {
      expect(await fresh.verdict({ email: 'ada@example.com' }, 'ORD-1', `192.0.2.${i}`)).toBe(
        'match',
      );
    }
  });

  test('on by default', async () => {
    const h = await harness();
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      const response = await h.call('POST', '/v1/returns/check', {
        body: { orderId: `ORD-${i}`, serial: h.headphones[0], postcode: '10115' },
        ip: '198.51.100.77',
      });
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  });
});
