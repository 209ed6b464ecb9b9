/** Shared setup of the workflow tests: a client over a fresh store, a settable clock, SKUs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import {
  createSerialClient,
  type SerialClient,
  type SerialClientOptions,
} from '../../src/client.js';
import { SerialkitError } from '../../src/errors.js';
import type { SerialStore } from '../../src/store.js';
import { memoryStore } from '../../src/stores/memory.js';
import { sqliteStore } from '../../src/stores/sqlite.js';

export type StoreKind = 'memory' | 'sqlite';

/** A clock the tests move by hand. */
export class Clock {
  time: number;
  constructor(iso = '2024-05-01T12:00:00.000Z') {
    this.time = Date.parse(iso);
  }
  now = (): Date => new Date(this.time);
  advance(minutes: number): void {
    this.time += minutes * 60_000;
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh store of the given kind, closed (and deleted) after the test. */
export function createStore(kind: StoreKind = 'memory'): SerialStore {
  if (kind === 'memory') {
    const store = memoryStore();
    cleanups.push(() => store.close().catch(() => {}));
    return store;
  }
  const dir = mkdtempSync(join(tmpdir(), 'serialkit-workflows-'));
  const store = sqliteStore({ filename: join(dir, 'test.db') });
  cleanups.push(async () => {
    await store.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

export interface Setup {
  client: SerialClient;
  store: SerialStore;
  clock: Clock;
}

/** A client over a fresh store with a fixed clock. */
export function setup(
  options: { kind?: StoreKind; store?: SerialStore } & Omit<
    Partial<SerialClientOptions>,
    'store'
  > = {},
): Setup {
  const { kind, store: given, ...rest } = options;
  const store = given ?? createStore(kind);
  const clock = new Clock();
  const client = createSerialClient({ now: clock.now, ...rest, store });
  return { client, store, clock };
}

/** A simple format: `SN-` and six digits. */
export const SN = 'SN-{D:6}';
/** A format with a Luhn check digit over its digits. */
export const LUHN = 'KB-{D:6}{check:luhn}';

/** Creates a tracked SKU. */
export async function trackedSku(
  client: SerialClient,
  sku = 'SKU-1',
  /** null: no format (free-form serials). */
  format: string | null = SN,
  extra: { gtin?: string; uniqueness?: 'sku' | 'global'; name?: string } = {},
) {
  return client.skus.update(sku, {
    name: extra.name ?? `Product ${sku}`,
    ...(extra.gtin ? { gtin: extra.gtin } : {}),
    serialTracking: {
      enabled: true,
      ...(format === null ? {} : { format }),
      uniqueness: extra.uniqueness ?? 'sku',
    },
  });
}

/** `SN-000001`… */
export function sn(n: number): string {
  return `SN-${String(n).padStart(6, '0')}`;
}

/** A B2C shipment of serials of one SKU. */
export function b2c(orderId: string, sku: string, serials: string[], customer = {}) {
  return {
    orderId,
    channel: 'b2c' as const,
    customer: {
      id: `C-${orderId}`,
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      postcode: 'SW1A 1AA',
      ...customer,
    },
    lines: [{ sku, serials }],
  };
}

/** Registers `SN-000001`…`SN-00000n` for the SKU. */
export async function registerRange(client: SerialClient, sku: string, count: number, from = 1) {
  return client.serials.register(
    sku,
    Array.from({ length: count }, (_, i) => sn(from + i)),
  );
}

/** The store with some methods replaced (the others are the store's own, bound to it). */
export function override(store: SerialStore, methods: Partial<SerialStore>): SerialStore {
  return new Proxy(store, {
    get(target, key) {
      if (key in methods) return methods[key as keyof SerialStore];
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The serialkit error `promise` rejects with. A promise that resolves, or rejects with anything
 * else, fails the test here.
 */
export async function errorOf(promise: PromiseLike<unknown>): Promise<SerialkitError> {
  try {
    await promise;
  } catch (error) {
    if (SerialkitError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection with a serialkit error');
}
