/**
 * `List<T>`: the result of every list call. Await it for one page, or iterate it with
 * `for await` for every item across pages. Nothing is fetched until you do either.
 */
import type { Page } from '@serialkit/core';
import type { PageOptions } from '../store.js';

/**
 * A lazily fetched list: `await` gives the first page (`{ items, nextCursor }`), `for await`
 * walks every item, page after page.
 *
 * @example
 * const first = await client.skus.list({ tracking: true }, { limit: 50 });
 * console.log(first.items.length, first.nextCursor);
 *
 * for await (const sku of client.skus.list({ tracking: true })) console.log(sku.sku);
 */
export interface List<T> extends PromiseLike<Page<T>>, AsyncIterable<T> {
  /** Every item across pages, in order. Holds them all in memory: prefer `for await` for big lists. */
  toArray(): Promise<T[]>;
}

/** Fetches one page starting at `cursor`. */
export type PageFetcher<T> = (page: {
  cursor: string | null;
  limit: number | undefined;
}) => Promise<Page<T>>;

/**
 * Builds a `List` from a page fetcher. `page.cursor` starts both the awaited page and the
 * iteration; `page.limit` is the page size of each request.
 */
export function createList<T>(fetchPage: PageFetcher<T>, page: PageOptions = {}): List<T> {
  const start = page.cursor ?? null;
  const limit = page.limit;
  let first: Promise<Page<T>> | undefined;
  // The first page is fetched once, whether the list is awaited, iterated, or both.
  const firstPage = (): Promise<Page<T>> => {
    first ??= fetchPage({ cursor: start, limit });
    return first;
  };

  async function* iterate(): AsyncGenerator<T> {
    let current = await firstPage();
    for (;;) {
      yield* current.items;
      if (current.nextCursor === null) return;
      current = await fetchPage({ cursor: current.nextCursor, limit });
    }
  }

  return {
    // biome-ignore lint/suspicious/noThenProperty: a List is deliberately awaitable (PromiseLike).
    then(onFulfilled, onRejected) {
      return firstPage().then(onFulfilled, onRejected);
    },
    [Symbol.asyncIterator]: iterate,
    async toArray() {
      const items: T[] = [];
      for await (const item of iterate()) items.push(item);
      return items;
    },
  };
}
