/** What each conformance topic gets: the runner's `test` and `expect`, and store helpers. */
import type { SerialRecord } from '@serialkit/core';
import type { SerialFilter, SerialStore } from '../../store.js';
import type {
  ConformanceExpect,
  ConformanceTest,
  StoreConformanceOptions,
} from '../conformance.js';
import { keys } from './fixtures.js';

export interface Suite {
  test: ConformanceTest;
  expect: ConformanceExpect;
  /** Runs `fn` with a fresh store and always closes it. */
  withStore(fn: (store: SerialStore) => Promise<void>): () => Promise<void>;
  /** A fresh store the caller closes. */
  createStore: StoreConformanceOptions['createStore'];
  /** Asserts that listSerials (every page) and countSerials agree on the filter's units. */
  expectSelected(store: SerialStore, filter: SerialFilter, expected: string[]): Promise<void>;
}

export function createSuite({ test, expect, createStore }: StoreConformanceOptions): Suite {
  const withStore: Suite['withStore'] = (fn) => async () => {
    const store = await createStore();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  /** Asserts that listSerials (every page) and countSerials agree on the filter's units. */
  async function expectSelected(
    store: SerialStore,
    filter: SerialFilter,
    expected: string[],
  ): Promise<void> {
    const seen: SerialRecord[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: SerialRecord[]; nextCursor: string | null } = await store.listSerials(
        filter,
        { cursor, limit: 3 },
      );
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(keys(seen), JSON.stringify(filter)).toEqual(expected);
    expect(await store.countSerials(filter), JSON.stringify(filter)).toBe(expected.length);
  }

  return { test, expect, withStore, createStore, expectSelected };
}
