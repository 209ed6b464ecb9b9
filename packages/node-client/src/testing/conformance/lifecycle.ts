/** The store itself: what it declares, migrating, closing. */
import { rejection, sku, unit } from './fixtures.js';
import type { Suite } from './suite.js';

export function lifecycleTests({ test, expect, withStore, createStore }: Suite): void {
  test(
    'capabilities',
    withStore(async (store) => {
      const caps = store.capabilities;
      expect(typeof caps.name).toBe('string');
      expect(typeof caps.persistent).toBe('boolean');
      expect(typeof caps.concurrentWriters).toBe('boolean');
      expect(Number.isInteger(caps.preferredBatchSize) && caps.preferredBatchSize > 0).toBe(true);
    }),
  );

  test(
    'migrate is idempotent',
    withStore(async (store) => {
      await store.migrate();
      await store.putSku(sku('A'));
      await store.migrate();
      await Promise.all([store.migrate(), store.migrate(), store.migrate()]);
      // Nothing left to apply: an empty report, with the time the call took.
      const again = await store.migrate();
      expect(again.applied).toEqual([]);
      expect(typeof again.ms === 'number' && again.ms >= 0).toBe(true);
      expect(await store.getSku('A')).toEqual(sku('A'));
    }),
  );

  test('close', async () => {
    const store = await createStore();
    await store.putSku(sku('A'));
    await store.close();
    await store.close();
    expect((await rejection(store.getSku('A'))) instanceof Error).toBe(true);
    expect((await rejection(store.insertSerials([unit('A', 'S1')]))) instanceof Error).toBe(true);
  });
}
