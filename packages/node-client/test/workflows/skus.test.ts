import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';
import { LUHN, registerRange, SN, setup, sn, trackedSku } from './fixtures.js';

describe('skus.update', () => {
  it('creates a SKU, keeps createdAt on later updates and reads it back', async () => {
    const { client, clock } = setup();
    const created = await trackedSku(client, 'SKU-1', SN, { gtin: '04012345678901' });
    expect(created).toEqual({
      sku: 'SKU-1',
      name: 'Product SKU-1',
      gtin: '04012345678901',
      serialTracking: { enabled: true, format: SN, uniqueness: 'sku' },
      createdAt: '2024-05-01T12:00:00.000Z',
      updatedAt: '2024-05-01T12:00:00.000Z',
    });
    clock.advance(60);
    const renamed = await client.skus.update('SKU-1', {
      name: 'Renamed',
      serialTracking: { enabled: false, format: SN },
    });
    expect(renamed.createdAt).toBe('2024-05-01T12:00:00.000Z');
    expect(renamed.updatedAt).toBe('2024-05-01T13:00:00.000Z');
    expect(await client.skus.get('SKU-1')).toEqual(renamed);
  });

  it('rejects a pattern that does not compile, pointing at the column', async () => {
    const { client, store } = setup();
    const error = await client.skus
      .update('SKU-1', { name: 'X', serialTracking: { enabled: true, format: 'SN-{Q:4}' } })
      .catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    const issue = (error as ValidationError).issues?.[0];
    expect(issue).toMatchObject({ path: ['serialTracking', 'format'], position: 4 });
    expect(issue?.message).toMatch(/Q/);
    expect(await store.getSku('SKU-1')).toBeNull();
  });

  it('rejects invalid settings with zod issues and paths', async () => {
    const { client } = setup();
    const error = await client.skus
      .update('SKU-1', { name: '', serialTracking: { enabled: true }, extra: 1 } as never)
      .catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    const paths = (error as ValidationError).issues?.map((issue) => issue.path);
    expect(paths).toContainEqual(['name']);
  });

  it('rejects a format and a regex together', async () => {
    const { client } = setup();
    await expect(
      client.skus.update('SKU-1', {
        name: 'X',
        serialTracking: { enabled: true, format: SN, regex: '^A\\d+$' },
      }),
    ).rejects.toSatisfy(ValidationError.isInstance);
  });

  it('accepts a regex format', async () => {
    const { client } = setup();
    await client.skus.update('LEG', {
      name: 'Legacy',
      serialTracking: { enabled: true, regex: '^L\\d{5}$' },
    });
    const summary = await client.serials.register('LEG', ['L12345', 'X1']);
    expect(summary).toMatchObject({ registered: 1, invalid: 1 });
  });

  it('allows a format change every existing unit still satisfies, canonically', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 3);
    const updated = await trackedSku(client, 'SKU-1', 'SN-{D:6-8}');
    expect(updated.serialTracking.format).toBe('SN-{D:6-8}');
  });

  it('refuses a format change that some unit does not satisfy', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 2);
    const error = await trackedSku(client, 'SKU-1', LUHN).catch((e: unknown) => e);
    expect(ConflictError.isInstance(error)).toBe(true);
    expect((error as ConflictError).details).toMatchObject({
      sku: 'SKU-1',
      reason: 'format_incompatible',
      incompatible: [{ serial: sn(1) }, { serial: sn(2) }],
    });
    expect((await client.skus.get('SKU-1')).serialTracking.format).toBe(SN);
  });

  it('counts every unit a refused format change would break, beyond the examples', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 12);
    const error = await trackedSku(client, 'SKU-1', LUHN).catch((e: unknown) => e);
    const details = (error as ConflictError).details as { count: number; incompatible: unknown[] };
    expect(details.count).toBe(12);
    expect(details.incompatible).toHaveLength(10);
  });

  it('refuses a uniqueness change once the SKU has units, allows it before', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await trackedSku(client, 'SKU-1', SN, { uniqueness: 'global' });
    await registerRange(client, 'SKU-1', 1);
    await expect(trackedSku(client, 'SKU-1', SN, { uniqueness: 'sku' })).rejects.toSatisfy(
      ConflictError.isInstance,
    );
  });
});

describe('skus.get', () => {
  it('throws NotFoundError for an unknown SKU', async () => {
    const { client } = setup();
    await expect(client.skus.get('nope')).rejects.toSatisfy(NotFoundError.isInstance);
  });
});

describe('skus.list', () => {
  it('filters by tracking, awaits a page and iterates every page', async () => {
    const { client } = setup();
    for (const id of ['A', 'B', 'C', 'D']) await trackedSku(client, id);
    await client.skus.update('E', { name: 'Untracked', serialTracking: { enabled: false } });

    const first = await client.skus.list({ tracking: true }, { limit: 3 });
    expect(first.items.map((s) => s.sku)).toEqual(['A', 'B', 'C']);
    expect(first.nextCursor).not.toBeNull();

    const all: string[] = [];
    for await (const sku of client.skus.list({ tracking: true }, { limit: 3 })) all.push(sku.sku);
    expect(all).toEqual(['A', 'B', 'C', 'D']);
    expect((await client.skus.list({ tracking: false })).items.map((s) => s.sku)).toEqual(['E']);
    expect(await client.skus.list().toArray()).toHaveLength(5);
  });

  it('rejects a malformed filter when awaited', async () => {
    const { client } = setup();
    await expect(client.skus.list({ tracking: 'yes' as never })).rejects.toSatisfy(
      ValidationError.isInstance,
    );
  });
});

describe('createSerialClient', () => {
  it('rejects unknown option keys', () => {
    let error: unknown;
    try {
      setup({ verbose: true } as never);
    } catch (e) {
      error = e;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues?.[0]).toMatchObject({ code: 'unrecognized_keys' });
  });

  it('rejects unknown keys of nested options', () => {
    expect(() => setup({ verify: { window: 5 } } as never)).toThrow();
  });
});
