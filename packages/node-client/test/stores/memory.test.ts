import { describe, expect, test } from 'vitest';
import { memoryStore } from '../../src/stores/memory.js';

describe('memoryStore', () => {
  test('insert, transition, list', async () => {
    const store = memoryStore();
    const at = '2024-01-01T00:00:00.000Z';
    const r = await store.insertSerials([
      { sku: 'A', serial: 'S2', uniqueKey: 'A\u001fS2', registeredAt: at },
      { sku: 'A', serial: 'S1', uniqueKey: 'A\u001fS1', registeredAt: at, lot: 'L' },
      { sku: 'A', serial: 'S1', uniqueKey: 'A\u001fS1', registeredAt: at },
    ]);
    expect(r).toEqual({ inserted: 2, conflicts: [2] });
    const t = await store.transition([
      {
        sku: 'A',
        serial: 'S1',
        from: ['in_stock'],
        to: 'allocated',
        event: { type: 'allocated', at },
      },
    ]);
    expect(t.ok).toBe(true);
    const page = await store.listSerials({ sku: 'A' }, { limit: 1 });
    expect(page.items.map((i) => i.serial)).toEqual(['S1']);
    const next = await store.listSerials({ sku: 'A' }, { limit: 1, cursor: page.nextCursor });
    expect(next.items.map((i) => i.serial)).toEqual(['S2']);
    expect(next.nextCursor).toBeNull();
  });
});
