import { describe, expect, test } from 'vitest';
import { TokenBucketLimiter } from '../../src/http/rate-limit.js';

describe('TokenBucketLimiter', () => {
  test('a burst of `capacity`, then one request per refill, with the wait in whole seconds', () => {
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5 });
    expect(limiter.take('a', 0)).toEqual({ ok: true, remaining: 2 });
    expect(limiter.take('a', 0)).toEqual({ ok: true, remaining: 1 });
    expect(limiter.take('a', 0)).toEqual({ ok: true, remaining: 0 });
    // Empty: a token comes in 2 s.
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfter: 2 });
    expect(limiter.take('a', 1_000)).toEqual({ ok: false, retryAfter: 1 });
    expect(limiter.take('a', 2_000)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take('a', 2_000)).toEqual({ ok: false, retryAfter: 2 });
    // Refills never exceed the capacity, however long the client was away.
    expect(limiter.take('a', 1_000_000)).toEqual({ ok: true, remaining: 2 });
  });

  test('clients are counted apart', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1 });
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('a', 0).ok).toBe(false);
    expect(limiter.take('b', 0).ok).toBe(true);
    expect(limiter.size).toBe(2);
  });

  test('a cost takes several tokens; a refused request takes none', () => {
    const limiter = new TokenBucketLimiter({ capacity: 5, refillPerSecond: 1 });
    expect(limiter.take('a', 0, 3)).toEqual({ ok: true, remaining: 2 });
    expect(limiter.take('a', 0, 3)).toEqual({ ok: false, retryAfter: 1 });
    expect(limiter.take('a', 0, 2)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take('a', 0, 4)).toEqual({ ok: false, retryAfter: 4 });
  });

  test('remaining rounds down while fractions of a token accumulate', () => {
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 1 });
    limiter.take('a', 0);
    limiter.take('a', 0);
    expect(limiter.take('a', 1_500)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.peek('a', 1_500)).toEqual({ ok: false, retryAfter: 1 });
    expect(limiter.peek('a', 2_000)).toEqual({ ok: true, remaining: 1 });
  });

  test('peek tells without taking', () => {
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 0.25 });
    expect(limiter.peek('new', 0)).toEqual({ ok: true, remaining: 2 });
    expect(limiter.size).toBe(0);
    limiter.take('a', 0);
    limiter.take('a', 0);
    expect(limiter.peek('a', 0)).toEqual({ ok: false, retryAfter: 4 });
    expect(limiter.peek('a', 0)).toEqual({ ok: false, retryAfter: 4 });
    expect(limiter.peek('a', 3_000)).toEqual({ ok: false, retryAfter: 1 });
    expect(limiter.peek('a', 4_000)).toEqual({ ok: true, remaining: 1 });
    expect(limiter.peek('a', 60_000)).toEqual({ ok: true, remaining: 2 });
    expect(limiter.take('a', 4_000)).toEqual({ ok: true, remaining: 0 });
  });

  test('reset gives a client a full bucket again', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0.001 });
    limiter.take('a', 0);
    expect(limiter.take('a', 0).ok).toBe(false);
    limiter.reset('a');
    expect(limiter.take('a', 0)).toEqual({ ok: true, remaining: 0 });
  });

  test('at its bound it forgets the least recently seen client, not a busy one', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2 });
    limiter.take('busy', 0);
    limiter.take('idle', 1);
    // 'busy' is seen again: 'idle' is now the least recent.
    expect(limiter.take('busy', 2).ok).toBe(false);
    limiter.take('new', 3);
    expect(limiter.size).toBe(2);
    // 'busy' was kept (still empty); 'idle' was forgotten (full again).
    expect(limiter.take('busy', 4).ok).toBe(false);
    expect(limiter.take('idle', 5).ok).toBe(true);
  });

  test('a bound of 0 still limits the client being served', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 0 });
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('a', 0).ok).toBe(false);
    expect(limiter.take('b', 0).ok).toBe(true);
    expect(limiter.size).toBe(1);
  });

  test('remembers 50,000 clients by default', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1 });
    for (let i = 0; i <= 50_000; i++) limiter.take(`client-${i}`, 0);
    expect(limiter.size).toBe(50_000);
    // The first was forgotten: it has a full bucket again.
    expect(limiter.take('client-0', 0).ok).toBe(true);
  });

  test.each([
    [{ capacity: 0, refillPerSecond: 1 }],
    [{ capacity: 0.5, refillPerSecond: 1 }],
    [{ capacity: Number.NaN, refillPerSecond: 1 }],
    [{ capacity: 1, refillPerSecond: 0 }],
    [{ capacity: 1, refillPerSecond: -1 }],
    [{ capacity: 1, refillPerSecond: Number.NaN }],
  ])('refuses %o', (options) => {
    expect(() => new TokenBucketLimiter(options)).toThrow(
      'rateLimit needs capacity ≥ 1 and refillPerSecond > 0',
    );
  });

  test('accepts the smallest valid settings', () => {
    expect(new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0.0001 }).take('a', 0).ok).toBe(
      true,
    );
  });
});
