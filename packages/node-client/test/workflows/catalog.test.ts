import { afterEach, describe, expect, test, vi } from 'vitest';
import type { SerialStore } from '../../src/store.js';
import { Catalog } from '../../src/workflows/context.js';
import { FormatCache } from '../../src/workflows/sku-formats.js';
import { createStore, override, SN } from './fixtures.js';

const TTL = 10_000;
const at = '2024-05-01T12:00:00.000Z';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A store whose SKU listings are counted and can be made to fail. */
function countingStore(): { store: SerialStore; lists: () => number; fail: (on: boolean) => void } {
  const inner = createStore();
  let lists = 0;
  let failing = false;
  const store = override(inner, {
    listSkus: (filter, page) => {
      lists++;
      return failing ? Promise.reject(new Error('down')) : inner.listSkus(filter, page);
    },
  });
  return { store, lists: () => lists, fail: (on) => (failing = on) };
}

async function putSku(store: SerialStore, sku: string, name: string, format = SN) {
  await store.putSku({
    sku,
    name,
    serialTracking: { enabled: true, format, uniqueness: 'sku' },
    createdAt: at,
    updatedAt: at,
  });
}

describe('Catalog', () => {
  test('reuses a snapshot for its TTL, then refreshes it in the background', async () => {
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const { store, lists } = countingStore();
    await putSku(store, 'SKU-1', 'Keyboard');
    const catalog = new Catalog(store, new FormatCache('en'));

    const first = await catalog.snapshot();
    expect(first.get('SKU-1')?.name).toBe('Keyboard');
    expect(await catalog.snapshot()).toBe(first);
    expect(lists()).toBe(1);

    // Expired, nothing changed: the same snapshot (and matcher) stays.
    now += TTL;
    expect(await catalog.snapshot()).toBe(first);
    await vi.waitFor(() => expect(lists()).toBe(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await catalog.snapshot()).toBe(first);
    expect(lists()).toBe(2);

    // Changed by another process: the stale one answers while the new one loads.
    await putSku(store, 'SKU-1', 'Mechanical keyboard');
    now += TTL;
    expect(await catalog.snapshot()).toBe(first);
    await vi.waitFor(async () => expect((await catalog.snapshot()) === first).toBe(false));
    const second = await catalog.snapshot();
    expect(second.get('SKU-1')?.name).toBe('Mechanical keyboard');
    expect(second.match('SN-000001').candidates.map((c) => c.sku.sku)).toEqual(['SKU-1']);
  });

  test('after invalidate, the next snapshot waits for a fresh load', async () => {
    const { store } = countingStore();
    await putSku(store, 'SKU-1', 'Keyboard');
    const catalog = new Catalog(store, new FormatCache('en'));
    const first = await catalog.snapshot();
    await putSku(store, 'SKU-2', 'Mouse', 'MS-{D:4}');
    catalog.invalidate();
    const second = await catalog.snapshot();
    expect(second).not.toBe(first);
    expect(second.skus.map((sku) => sku.sku)).toEqual(['SKU-1', 'SKU-2']);
  });

  test('a failed load is not kept: a stale snapshot serves on, none at all retries', async () => {
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const { store, lists, fail } = countingStore();
    await putSku(store, 'SKU-1', 'Keyboard');
    const catalog = new Catalog(store, new FormatCache('en'));

    fail(true);
    await expect(catalog.snapshot()).rejects.toThrow('down');
    fail(false);
    const first = await catalog.snapshot();
    expect(lists()).toBe(2);

    fail(true);
    now += TTL;
    expect(await catalog.snapshot()).toBe(first);
    await vi.waitFor(() => expect(lists()).toBe(3));
    await new Promise((resolve) => setImmediate(resolve));
    // The failure keeps the stale snapshot for another TTL instead of retrying on every call.
    expect(await catalog.snapshot()).toBe(first);
    expect(lists()).toBe(3);
    fail(false);
    now += TTL;
    expect(await catalog.snapshot()).toBe(first);
    await vi.waitFor(() => expect(lists()).toBe(4));
  });
});
