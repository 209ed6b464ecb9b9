import { describe, expect, test } from 'vitest';
import { ConflictError } from '../../src/errors.js';
import { IdempotencyCache, replay } from '../../src/http/idempotency.js';

const answer = (status: number, body = `{"n":${status}}`, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : body, {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A producer that counts its runs and answers each with the given status. */
function producer(status = 201) {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    produce: async () => {
      runs++;
      return answer(status, `{"run":${runs}}`, { 'x-run': String(runs) });
    },
  };
}

describe('IdempotencyCache', () => {
  test('a repeat with the same request replays the first answer, marked, without running again', async () => {
    const cache = new IdempotencyCache();
    const p = producer();
    const first = await cache.run('k', 'hash', p.produce, 1_000);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBe(null);
    expect(await first.text()).toBe('{"run":1}');
    const again = await cache.run('k', 'hash', p.produce, 2_000);
    expect(p.runs).toBe(1);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('x-run')).toBe('1');
    expect(await again.text()).toBe('{"run":1}');
    expect(cache.size).toBe(1);
  });

  test('the same key for a different request is a conflict naming the key, never a replay', async () => {
    const cache = new IdempotencyCache();
    const p = producer();
    await cache.run('client-a\u0000key-1', 'hash-1', p.produce, 0);
    const error = await cache.run('client-a\u0000key-1', 'hash-2', p.produce, 1).catch((e) => e);
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error.message).toBe('This Idempotency-Key was used for a different request');
    expect(error.details).toEqual({ idempotencyKey: 'key-1' });
    expect(p.runs).toBe(1);
  });

  test('a repeat while the first is still running waits for it and replays its answer', async () => {
    const cache = new IdempotencyCache();
    let release!: () => void;
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return answer(200, '{"slow":true}');
    };
    const first = cache.run('k', 'h', slow, 0);
    const second = cache.run('k', 'h', slow, 0);
    await Promise.resolve();
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(runs).toBe(1);
    expect(await a.text()).toBe('{"slow":true}');
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(await b.text()).toBe('{"slow":true}');
  });

  // The statuses are written out: iterating NOT_REPLAYED itself would pass with an empty set.
  test.each([401, 403, 408, 429, 500, 502, 503])(
    'an answer %i decides nothing: it is not kept, and a retry runs again',
    async (status) => {
      const cache = new IdempotencyCache();
      const p = producer(status);
      expect((await cache.run('k', 'h', p.produce, 0)).status).toBe(status);
      expect(cache.size).toBe(0);
      const retry = await cache.run('k', 'h', p.produce, 1);
      expect(p.runs).toBe(2);
      expect(retry.headers.get('idempotent-replayed')).toBe(null);
    },
  );

  test.each([400, 404, 409, 422, 499])('an answer %i is kept and replayed', async (status) => {
    const cache = new IdempotencyCache();
    const p = producer(status);
    await cache.run('k', 'h', p.produce, 0);
    const retry = await cache.run('k', 'h', p.produce, 1);
    expect(p.runs).toBe(1);
    expect(retry.status).toBe(status);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  test('a failure without an answer is rethrown and forgotten, also for a repeat that waited', async () => {
    const cache = new IdempotencyCache();
    let runs = 0;
    let fail!: (error: Error) => void;
    const failing = () =>
      new Promise<Response>((_, reject) => {
        runs++;
        fail = reject;
      });
    const first = cache.run('k', 'h', failing, 0);
    const waiting = cache.run('k', 'h', async () => answer(201, '{"second":true}'), 0);
    await Promise.resolve();
    fail(new Error('store down'));
    await expect(first).rejects.toThrow('store down');
    // The repeat that waited runs for real once the first failed.
    expect(await (await waiting).text()).toBe('{"second":true}');
    expect(runs).toBe(1);
    expect(cache.size).toBe(1);
  });

  test('keys expire after their time to live', async () => {
    const cache = new IdempotencyCache({ ttlMs: 1_000 });
    const p = producer();
    await cache.run('k', 'h', p.produce, 0);
    await cache.run('k', 'h', p.produce, 999);
    expect(p.runs).toBe(1);
    const later = await cache.run('k', 'h', p.produce, 1_000);
    expect(p.runs).toBe(2);
    expect(later.headers.get('idempotent-replayed')).toBe(null);
  });

  test('at its bound it drops expired keys first, then the oldest', async () => {
    const cache = new IdempotencyCache({ ttlMs: 100, maxEntries: 3 });
    const p = producer();
    await cache.run('old-1', 'h', p.produce, 0);
    await cache.run('fresh-1', 'h', p.produce, 90);
    await cache.run('fresh-2', 'h', p.produce, 95);
    expect(cache.size).toBe(3);
    // At 150, old-1 has expired: it goes, and the fresh ones stay.
    await cache.run('new-1', 'h', p.produce, 150);
    expect(cache.size).toBe(3);
    const runs = p.runs;
    await cache.run('fresh-1', 'h', p.produce, 151);
    await cache.run('fresh-2', 'h', p.produce, 151);
    expect(p.runs).toBe(runs);
    // None expired: the oldest (fresh-1) goes to make room.
    await cache.run('new-2', 'h', p.produce, 160);
    expect(cache.size).toBe(3);
    await cache.run('fresh-2', 'h', p.produce, 161);
    expect(p.runs).toBe(runs + 1);
    await cache.run('fresh-1', 'h', p.produce, 162);
    expect(p.runs).toBe(runs + 2);
  });

  test('an expired key run again keeps its place in line, and the sweep takes what expired', async () => {
    const cache = new IdempotencyCache({ ttlMs: 100, maxEntries: 3 });
    const p = producer();
    await cache.run('a', 'h', p.produce, 0);
    await cache.run('b', 'h', p.produce, 50);
    // 'a' expired at 100 and runs again at 120 (the cache is not full: nothing is swept): it is
    // fresh now but still first in line; 'b' expires at 150.
    await cache.run('a', 'h', p.produce, 120);
    await cache.run('c', 'h', p.produce, 130);
    expect(p.runs).toBe(4);
    // Full at 150, exactly when 'b' expires: the sweep drops 'b', not 'a', first in line.
    await cache.run('d', 'h', p.produce, 150);
    expect(cache.size).toBe(3);
    await cache.run('a', 'h', p.produce, 151);
    await cache.run('c', 'h', p.produce, 151);
    expect(p.runs).toBe(5);
  });

  test('a bound of 0 keeps only the answer in flight', async () => {
    const cache = new IdempotencyCache({ maxEntries: 0 });
    const p = producer();
    await cache.run('a', 'h', p.produce, 0);
    await cache.run('b', 'h', p.produce, 0);
    expect(cache.size).toBe(1);
    await cache.run('a', 'h', p.produce, 0);
    expect(p.runs).toBe(3);
  });

  test('defaults: a day to live, and 10,000 keys', async () => {
    const cache = new IdempotencyCache();
    const p = producer();
    await cache.run('k', 'h', p.produce, 0);
    await cache.run('k', 'h', p.produce, 24 * 60 * 60 * 1000 - 1);
    expect(p.runs).toBe(1);
    await cache.run('k', 'h', p.produce, 24 * 60 * 60 * 1000);
    expect(p.runs).toBe(2);
    for (let i = 0; i < 10_000; i++) await cache.run(`key-${i}`, 'h', p.produce, 1);
    expect(cache.size).toBe(10_000);
  });
});

describe('replay', () => {
  test('keeps status, headers and body; a 204 has no body', async () => {
    const ok = replay({ requestHash: 'h', status: 201, headers: [['etag', '"1"']], body: 'x' });
    expect([ok.status, ok.headers.get('etag'), ok.headers.get('idempotent-replayed')]).toEqual([
      201,
      '"1"',
      'true',
    ]);
    expect(await ok.text()).toBe('x');
    const empty = replay({ requestHash: 'h', status: 204, headers: [], body: '' }, false);
    expect(empty.body).toBe(null);
    expect(empty.headers.get('idempotent-replayed')).toBe(null);
  });
});
