import { describe, expect, test } from 'vitest';
import { memoryStore } from '../../src/stores/memory.js';
import { runStoreConformance } from '../../src/testing.js';

describe('memoryStore', () => {
  runStoreConformance({ test, expect, describe, createStore: () => memoryStore() });

  test('capabilities', () => {
    expect(memoryStore().capabilities).toEqual({
      name: 'memory',
      persistent: false,
      concurrentWriters: false,
      preferredBatchSize: 10_000,
    });
  });
});
