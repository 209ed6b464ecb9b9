import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ConnectionError,
  NotFoundError,
  type SerialkitError,
} from '../../src/errors.js';
import {
  createStore,
  LUHN,
  override,
  SN,
  type StoreKind,
  setup,
  sn,
  trackedSku,
} from './fixtures.js';

describe.each<StoreKind>(['memory', 'sqlite'])('serials.register (%s)', (kind) => {
  it('registers valid rows in canonical form and reports invalid and duplicate rows in input order', async () => {
    const { client, store } = setup({ kind });
    await trackedSku(client, 'SKU-1', SN);
    await client.serials.register('SKU-1', [sn(1)]);

    const summary = await client.serials.register('SKU-1', [
      'sn 000002', // typed: canonicalized
      sn(1), // already registered
      'SN-12', // too short
      sn(3),
      'SN 000003', // repeats row 3 once canonical
      {
        serial: sn(4),
        lot: 'L7',
        manufacturedAt: '2024-04-01',
        receivedAt: '2024-04-02T10:00:00+02:00',
      },
    ]);

    expect(summary).toMatchObject({ sku: 'SKU-1', registered: 3, duplicates: 2, invalid: 1 });
    expect(summary.rejected).toEqual([
      { index: 1, status: 'duplicate', serial: sn(1) },
      {
        index: 2,
        status: 'invalid',
        input: 'SN-12',
        issues: [expect.objectContaining({ code: expect.any(String) })],
      },
      { index: 4, status: 'duplicate', serial: sn(3) },
    ]);
    expect((await store.getSerial('SKU-1', sn(2)))?.status).toBe('in_stock');
    expect(await store.getSerial('SKU-1', sn(4))).toMatchObject({
      lot: 'L7',
      manufacturedAt: '2024-04-01',
      receivedAt: '2024-04-02T08:00:00.000Z',
      registeredAt: '2024-05-01T12:00:00.000Z',
    });
    expect(await store.countSerials({ sku: 'SKU-1' })).toBe(4);
  });

  it('reports the core issue of a serial that fails the check digit', async () => {
    const { client } = setup({ kind });
    await trackedSku(client, 'KB', LUHN);
    const summary = await client.serials.register('KB', ['KB-0000010', 'KB-0000018']);
    expect(summary.registered).toBe(1);
    expect(summary.rejected).toEqual([
      expect.objectContaining({
        index: 0,
        status: 'invalid',
        issues: [expect.objectContaining({ code: 'invalid_checksum' })],
      }),
    ]);
  });

  it('reports rows of the wrong shape without stopping', async () => {
    const { client } = setup({ kind });
    await trackedSku(client, 'SKU-1', SN);
    const summary = await client.serials.register('SKU-1', [
      42 as never,
      { serial: sn(1), colour: 'red' } as never,
      { serial: sn(2), manufacturedAt: 'yesterday' },
      { serial: sn(3), lot: 'x'.repeat(101) },
      sn(4),
    ]);
    expect(summary).toMatchObject({ registered: 1, invalid: 4 });
    expect(
      summary.rejected.map((r) => (r.status === 'invalid' ? r.issues[0]?.code : r.status)),
    ).toEqual(['invalid_type', 'unrecognized_keys', 'invalid_date', 'invalid_lot']);
  });

  it('streams async input in batches, reporting progress and capping the rejected list', async () => {
    const { client, store } = setup({ kind, registerBatchSize: 4 });
    await trackedSku(client, 'SKU-1', SN);
    async function* rows() {
      for (let i = 1; i <= 10; i++) yield sn(i);
      for (let i = 1; i <= 5; i++) yield sn(i);
    }
    const progress: number[] = [];
    const summary = await client.serials.register('SKU-1', rows(), {
      onProgress: (done) => progress.push(done),
      maxRejected: 2,
    });
    expect(summary).toMatchObject({ registered: 10, duplicates: 5 });
    expect(summary.rejected).toEqual([
      { index: 10, status: 'duplicate', serial: sn(1) },
      { index: 11, status: 'duplicate', serial: sn(2) },
    ]);
    expect(progress).toEqual([4, 8, 12, 15]);
    expect(await store.countSerials({ sku: 'SKU-1' })).toBe(10);
  });

  it('enforces global uniqueness across SKUs and per-SKU uniqueness within one', async () => {
    const { client } = setup({ kind });
    await trackedSku(client, 'G1', SN, { uniqueness: 'global' });
    await trackedSku(client, 'G2', SN, { uniqueness: 'global' });
    await trackedSku(client, 'L1', SN);
    expect((await client.serials.register('G1', [sn(1)])).registered).toBe(1);
    expect((await client.serials.register('G2', [sn(1)])).duplicates).toBe(1);
    expect((await client.serials.register('L1', [sn(1)])).registered).toBe(1);
  });

  it('needs a known SKU with tracking on', async () => {
    const { client } = setup({ kind });
    await expect(client.serials.register('nope', [sn(1)])).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
    await client.skus.update('OFF', {
      name: 'Off',
      serialTracking: { enabled: false, format: SN },
    });
    const error = await client.serials.register('OFF', [sn(1)]).catch((e: unknown) => e);
    expect(ConflictError.isInstance(error)).toBe(true);
    expect((error as ConflictError).details).toMatchObject({ reason: 'tracking_disabled' });
  });

  it('accepts any printable serial for a SKU without a format', async () => {
    const { client, store } = setup({ kind });
    await trackedSku(client, 'FREE', null);
    const summary = await client.serials.register('FREE', ['  abc 123 ', 'bad\u0007', '']);
    expect(summary).toMatchObject({ registered: 1, invalid: 2 });
    expect(await store.getSerial('FREE', 'abc 123')).not.toBeNull();
  });

  it('keeps earlier batches and nothing of a batch the store fails', async () => {
    const inner = createStore(kind);
    let calls = 0;
    const failing = override(inner, {
      insertSerials: (rows) => {
        calls++;
        if (calls === 2) return Promise.reject(new ConnectionError('connection reset'));
        return inner.insertSerials(rows);
      },
    });
    const { client } = setup({ store: failing, registerBatchSize: 3 });
    await trackedSku(client, 'SKU-1', SN);
    const error = await client.serials
      .register(
        'SKU-1',
        Array.from({ length: 9 }, (_, i) => sn(i + 1)),
      )
      .catch((e: unknown) => e);

    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as SerialkitError).retryable).toBe(true);
    expect((error as SerialkitError).details).toMatchObject({
      registered: 3,
      failedFrom: 3,
      failedTo: 5,
    });
    expect((error as SerialkitError).message).toMatch(/connection reset/);
    const stored = await inner.listSerials({ sku: 'SKU-1' });
    expect(stored.items.map((u) => u.serial)).toEqual([sn(1), sn(2), sn(3)]);
  });
});
