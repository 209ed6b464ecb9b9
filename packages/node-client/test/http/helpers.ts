/** Shared set-up of the HTTP tests: a client over a memory store, seeded, behind a handler. */
import { compileFormat } from '@serialkit/core';
import {
  createSerialClient,
  type SerialClient,
  type SerialClientOptions,
} from '../../src/client.js';
import {
  createHandler,
  type HandlerOptions,
  type SerialkitHandler,
} from '../../src/http/handler.js';
import type { SerialStore } from '../../src/store.js';
import { memoryStore } from '../../src/stores/memory.js';

export const WRITE_KEY = 'sk_test_write_key_0123456789';
export const READ_KEY = 'sk_test_read_key_01234567890';
export const STORE_KEY = 'sk_test_store_key_0123456789';
export const ORIGIN = 'https://shop.example';

const headphoneFormat = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');

/** The HP-200 serial with sequence `n` (valid format and check digit). */
export function hpSerial(n: number): string {
  return headphoneFormat.generate({ sequence: n, date: new Date(Date.UTC(2024, 0, 1)) });
}

/** A serial of the right shape whose check digit is wrong. */
export function badCheckDigit(serial: string): string {
  const last = serial.at(-1)!;
  return serial.slice(0, -1) + (last === '9' ? '0' : String(Number(last) + 1));
}

/** A Response whose JSON body the tests read without casting at every step. */
export interface JsonResponse extends Response {
  // biome-ignore lint/suspicious/noExplicitAny: test assertions navigate arbitrary JSON bodies.
  json(): Promise<any>;
}

export interface Harness {
  client: SerialClient;
  store: SerialStore;
  handler: SerialkitHandler;
  /** Sends a request; `key` adds a Bearer header, `body` objects are sent as JSON. */
  call(
    method: string,
    path: string,
    init?: { body?: unknown; key?: string; headers?: Record<string, string>; ip?: string },
  ): Promise<JsonResponse>;
  /** Serials registered for HP-200 by the seed, in order. */
  headphones: string[];
  errors: unknown[];
}

export async function harness(
  options: HandlerOptions = {},
  clientOptions: Omit<SerialClientOptions, 'store' | 'now'> = {},
): Promise<Harness> {
  const store = memoryStore();
  let clock = Date.UTC(2024, 5, 1, 12);
  const tick = () => {
    clock += 1000;
    return new Date(clock);
  };
  const client = createSerialClient({ ...clientOptions, store, now: tick });
  await client.skus.update('HP-200', {
    name: 'Aurora headphones',
    gtin: '4012345000016',
    serialTracking: { enabled: true, format: 'SN-{YYYY}-{D:6}{check:luhn}', uniqueness: 'sku' },
  });
  const { serials: headphones } = await client.serials.generate('HP-200', 20, {
    mode: 'sequential',
    lot: 'L1',
    manufacturedAt: '2024-05-01',
  });
  await client.shipments.create({
    orderId: 'ORD-1',
    channel: 'b2c',
    customer: { id: 'CUS-1', email: 'ada@example.com', name: 'Ada Lovelace', postcode: '10115' },
    lines: [{ sku: 'HP-200', serials: [headphones[0]!, headphones[1]!] }],
  });
  const errors: unknown[] = [];
  const handler = createHandler(client, {
    apiKeys: [
      { key: WRITE_KEY, scope: 'write' },
      { key: READ_KEY, scope: 'read' },
      { key: STORE_KEY, scope: 'store' },
    ],
    publicOrigins: [ORIGIN],
    rateLimit: false,
    onError: (error) => errors.push(error),
    // The store protocol serves the harness's own store unless the test gives another.
    ...(options.storeProtocol ? { store } : {}),
    ...options,
  });
  return {
    client,
    store,
    handler,
    headphones,
    errors,
    call(method, path, init = {}) {
      const headers = new Headers(init.headers);
      if (init.key) headers.set('authorization', `Bearer ${init.key}`);
      let body: string | undefined;
      if (init.body !== undefined) {
        if (typeof init.body === 'string') body = init.body;
        else {
          body = JSON.stringify(init.body);
          if (!headers.has('content-type')) headers.set('content-type', 'application/json');
        }
      }
      return handler(new Request(`http://serialkit.test${path}`, { method, headers, body }), {
        remoteAddress: init.ip ?? '203.0.113.7',
      }) as Promise<JsonResponse>;
    },
  };
}

/** Every string anywhere in a JSON value. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The key structure of a JSON value (keys and types, not values). */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return 'array';
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [
          k,
          v === null ? 'nullable' : typeof v === 'object' ? shape(v) : typeof v,
        ]),
    );
  }
  return typeof value;
}
