import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test, vi } from 'vitest';
import {
  AuthError,
  ConnectionError,
  ForbiddenError,
  RateLimitError,
  type SerialkitError,
  ValidationError,
} from '../../src/errors.js';
import { createHandler } from '../../src/http/handler.js';
import { toNodeListener } from '../../src/http/node/listener.js';
import type { ServedClient } from '../../src/http/served-client.js';
import type { SerialStore } from '../../src/store.js';
import { httpStore } from '../../src/stores/http.js';
import { memoryStore } from '../../src/stores/memory.js';
import { runStoreConformance } from '../../src/testing.js';

const STORE_KEY = 'sk_test_store_0123456789abcdef';
const READ_KEY = 'sk_test_read_0123456789abcdefgh';

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A real loopback server serving `store` over the store protocol. */
async function serve(store: SerialStore): Promise<string> {
  const handler = createHandler({ store } as unknown as ServedClient, {
    apiKeys: [
      { key: STORE_KEY, scope: 'store' },
      { key: READ_KEY, scope: 'read' },
    ],
    storeProtocol: true,
    onError: () => {},
  });
  const server = createServer(toNodeListener(handler));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('httpStore over a loopback server', () => {
  runStoreConformance({
    test,
    expect,
    describe,
    createStore: async () => httpStore({ baseUrl: await serve(memoryStore()), apiKey: STORE_KEY }),
  });

  test('capabilities', () => {
    expect(httpStore({ baseUrl: 'http://127.0.0.1:1', apiKey: STORE_KEY }).capabilities).toEqual({
      name: 'http',
      persistent: true,
      concurrentWriters: true,
      preferredBatchSize: 2_000,
    });
  });

  test('typed errors: wrong key, read-only key, invalid arguments', async () => {
    const baseUrl = await serve(memoryStore());
    const wrong = httpStore({ baseUrl, apiKey: 'sk_wrong_key_0123456789abcdef', retries: 0 });
    const error = await wrong.getSku('A').catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    const readOnly = httpStore({ baseUrl, apiKey: READ_KEY, retries: 0 });
    expect(ForbiddenError.isInstance(await readOnly.getSku('A').catch((e: unknown) => e))).toBe(
      true,
    );
    const store = httpStore({ baseUrl, apiKey: STORE_KEY, retries: 0 });
    const invalid = await store
      .insertSerials([{ sku: 'A' } as never])
      .catch((e: unknown) => e as SerialkitError);
    expect(ValidationError.isInstance(invalid)).toBe(true);
    expect((invalid as SerialkitError).issues?.length).toBeGreaterThan(0);
  });

  test('connection refused is a ConnectionError after the retries', async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    let calls = 0;
    const store = httpStore({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: STORE_KEY,
      retries: 2,
      backoff: { initialMs: 1, maxMs: 2 },
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
    const error = await store.getSku('A').catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(calls).toBe(3);
  });
});

describe('httpStore retries', () => {
  test('a write that fails twice is retried with the same idempotency key and applied once', async () => {
    const backing = memoryStore();
    const baseUrl = await serve(backing);
    const keys: string[] = [];
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      keys.push(new Headers(init?.headers).get('idempotency-key') ?? '');
      if (calls === 1) throw new TypeError('fetch failed: socket hang up');
      if (calls === 2) {
        // The request reaches the server and is applied, but the answer is lost.
        await fetch(input, init);
        throw new TypeError('fetch failed: connection reset');
      }
      return fetch(input, init);
    };
    const store = httpStore({
      baseUrl,
      apiKey: STORE_KEY,
      fetch: flaky,
      backoff: { initialMs: 1 },
    });
    const at = '2024-01-01T00:00:00.000Z';
    await store.putSku({
      sku: 'A',
      name: 'A',
      serialTracking: { enabled: true, uniqueness: 'sku' },
      createdAt: at,
      updatedAt: at,
    });
    calls = 0;
    keys.length = 0;
    const result = await store.insertSerials([
      { sku: 'A', serial: 'S1', uniqueKey: 'A\u001fS1', registeredAt: at },
      { sku: 'A', serial: 'S2', uniqueKey: 'A\u001fS2', registeredAt: at },
    ]);
    expect(calls).toBe(3);
    expect(new Set(keys).size).toBe(1);
    // Applied on the second attempt; the third got the stored answer replayed, not a conflict.
    expect(result).toEqual({ inserted: 2, conflicts: [] });
    expect(await backing.countSerials({ sku: 'A' })).toBe(2);
  });

  test('5xx answers are retried; 4xx are not', async () => {
    let calls = 0;
    const failing =
      (status: number): typeof fetch =>
      async () => {
        calls++;
        return new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      };
    const five = httpStore({
      baseUrl: 'http://store.test',
      apiKey: STORE_KEY,
      retries: 2,
      backoff: { initialMs: 1 },
      fetch: failing(502),
    });
    await expect(five.getSku('A')).rejects.toThrow('boom');
    expect(calls).toBe(3);
    calls = 0;
    const four = httpStore({
      baseUrl: 'http://store.test',
      apiKey: STORE_KEY,
      fetch: failing(404),
    });
    await expect(four.getSku('A')).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });

  test('429 waits for Retry-After, then succeeds; a long Retry-After fails at once', async () => {
    let calls = 0;
    const limited: typeof fetch = async () => {
      calls++;
      if (calls === 1) {
        return new Response(
          JSON.stringify({
            error: { code: 'rate_limited', message: 'slow down', details: { retryAfter: 1 } },
          }),
          { status: 429, headers: { 'retry-after': '1', 'content-type': 'application/json' } },
        );
      }
      return new Response('null', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const store = httpStore({ baseUrl: 'http://store.test', apiKey: STORE_KEY, fetch: limited });
    // The clock is driven by hand: the retry waits exactly the second Retry-After asks for.
    vi.useFakeTimers();
    try {
      const answer = store.getSku('A');
      await vi.advanceTimersByTimeAsync(999);
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(await answer).toBe(null);
      expect(calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }

    const tooLong: typeof fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'later' } }), {
        status: 429,
        headers: { 'retry-after': '3600' },
      });
    const impatient = httpStore({
      baseUrl: 'http://store.test',
      apiKey: STORE_KEY,
      fetch: tooLong,
    });
    const error = await impatient.getSku('A').catch((e: unknown) => e);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfter).toBe(3600);
  });

  test('an attempt that takes longer than `timeout` is aborted and retried', async () => {
    let calls = 0;
    const slowThenFast: typeof fetch = (_input, init) => {
      calls++;
      if (calls === 1) {
        return new Promise((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        });
      }
      return Promise.resolve(
        new Response('[]', { headers: { 'content-type': 'application/json' } }),
      );
    };
    const store = httpStore({
      baseUrl: 'http://store.test',
      apiKey: STORE_KEY,
      timeout: 50,
      backoff: { initialMs: 1 },
      fetch: slowThenFast,
    });
    expect(await store.findSerial('S1')).toEqual([]);
    expect(calls).toBe(2);

    const never: typeof fetch = (_input, init) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const stuck = httpStore({
      baseUrl: 'http://store.test',
      apiKey: STORE_KEY,
      timeout: 20,
      retries: 1,
      backoff: { initialMs: 1 },
      fetch: never,
    });
    const error = await stuck.findSerial('S1').catch((e: unknown) => e as SerialkitError);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as SerialkitError).message).toContain('20 ms');
  });
});
