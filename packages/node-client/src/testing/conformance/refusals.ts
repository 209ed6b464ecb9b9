/**
 * What a refusal says, and units of SKUs the store has never seen: a timestamp in another form
 * named by its field in every method that takes one, the numeric range position and a reused
 * owner id named with their values, a closed store naming itself, and an unknown SKU answered as
 * an unknown unit (never a crash).
 */
import type { Owner } from '@serialkit/core';
import { at, errorCode, recall, rejection, unit } from './fixtures.js';
import { finished } from './log-notices.js';
import type { Suite } from './suite.js';

/** `2024-01-01 00:00`: a time, but not as `Date#toISOString()` writes it. */
const LOOSE = '2024-01-01 00:00';

/**
 * Whether a refusal of bad input names `field` (a dotted path's end, e.g. `event.at`): the
 * store's own `bad_request` in its message and details (with the value refused), or a schema in
 * front of it (a remote store's server) in an issue's path.
 */
function namesField(error: unknown, field: string, value: unknown): boolean {
  const { message, details, issues } = (error ?? {}) as {
    message?: unknown;
    details?: Record<string, unknown>;
    issues?: { path?: unknown[] }[];
  };
  if (errorCode(error) === 'validation_failed') {
    return (issues ?? []).some((issue) => (issue.path ?? []).join('.').endsWith(field));
  }
  return (
    errorCode(error) === 'bad_request' &&
    typeof message === 'string' &&
    message.includes(field) &&
    details !== undefined &&
    details[field] === value
  );
}

function owner(id: string, sku = 'A'): Owner {
  return {
    id,
    sku,
    serial: 'S1',
    status: 'active',
    name: `Name ${id}`,
    email: `${id}@example.com`,
    registeredAt: at(1),
  };
}

export function refusalTests({ test, expect, withStore, createStore }: Suite): void {
  test(
    'a timestamp in another form is refused naming its field',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      await store.putRecall(recall('R1', 'A', 1));
      const event = { type: 'flagged' as const, at: LOOSE };
      const refusals: [string, () => Promise<unknown>][] = [
        ['registeredAt', () => store.insertSerials([unit('A', 'S2', { registeredAt: LOOSE })])],
        [
          'event.at',
          () =>
            store.transition([
              { sku: 'A', serial: 'S1', from: ['in_stock'], to: 'allocated', event },
            ]),
        ],
        [
          'event.at',
          () => store.amendSerial({ sku: 'A', serial: 'S1', from: ['in_stock'], event }),
        ],
        ['event.at', () => store.markRecalled({ sku: 'A' }, 'R1', { at: LOOSE })],
        [
          'event.at',
          () =>
            store.insertOwner(owner('o1'), {
              sku: 'A',
              serial: 'S1',
              type: 'owner_registered',
              at: LOOSE,
            }),
        ],
        [
          'event.at',
          () => store.closeRecall({ ...recall('R1', 'A', 1), status: 'closed' }, { at: LOOSE }),
        ],
        ['notice.at', () => store.appendLogNotice({ ...finished(1, 1), at: LOOSE })],
      ];
      // One at a time: each refusal is awaited as it is made.
      for (const [field, call] of refusals) {
        const error = await rejection(call());
        expect(namesField(error, field, LOOSE), `${field}: ${String(error)}`).toBe(true);
      }
      // Nothing of it was kept.
      expect((await store.listEvents({})).items).toEqual([]);
      expect(await store.readEventLog(null, 10)).toEqual([]);
      expect(await store.getOwner('o1')).toBe(null);
      expect((await store.getSerial('A', 'S1'))?.status).toBe('in_stock');
    }),
  );

  test(
    'a negative numericAt is refused naming it and its value',
    withStore(async (store) => {
      const error = await rejection(
        store.listSerials({ range: { from: 'S1', to: 'S9', numericAt: -1 } }),
      );
      if (errorCode(error) === 'validation_failed') {
        expect(namesField(error, 'numericAt', -1)).toBe(true);
      } else {
        const { message, details } = error as { message?: string; details?: unknown };
        expect(errorCode(error)).toBe('bad_request');
        expect(message?.includes('numericAt')).toBe(true);
        expect(details).toEqual({ numericAt: -1 });
      }
    }),
  );

  test(
    'a reused owner id is refused naming the owner',
    withStore(async (store) => {
      await store.insertOwner(owner('o1'));
      const error = await rejection(store.insertOwner({ ...owner('o1'), serial: 'S2' }));
      const { message, details } = error as { message?: string; details?: unknown };
      expect(errorCode(error)).toBe('conflict');
      expect(message?.includes('o1')).toBe(true);
      expect(details).toEqual({ id: 'o1' });
    }),
  );

  test('a closed store says which store it is', async () => {
    const store = await createStore();
    await store.close();
    const error = await rejection(store.getSku('A'));
    expect(errorCode(error)).toBe('unavailable');
    expect(String((error as { message?: unknown }).message).includes(store.capabilities.name)).toBe(
      true,
    );
  });

  test(
    'units of a SKU the store has never seen: no transition, no amendment, no owner event',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      const event = { type: 'allocated' as const, at: at(1) };
      expect(
        await store.transition([
          { sku: 'A', serial: 'S1', from: ['in_stock'], to: 'allocated', event },
          { sku: 'NOSKU', serial: 'S1', from: ['in_stock'], to: 'allocated', event },
        ]),
      ).toEqual({ ok: false, failures: [{ index: 1, current: null }] });
      expect(
        await store.amendSerial({
          sku: 'NOSKU',
          serial: 'S1',
          from: ['in_stock'],
          set: { lot: 'L9' },
          event: { type: 'corrected', at: at(1) },
        }),
      ).toEqual({ ok: false, current: null });
      const registered = {
        sku: 'NOSKU',
        serial: 'S1',
        type: 'owner_registered' as const,
        at: at(1),
      };
      const error = await rejection(store.insertOwner(owner('o1', 'NOSKU'), registered));
      expect(errorCode(error)).toBe('not_found');
      expect(await store.getOwner('o1')).toBe(null);
      expect((await store.listEvents({})).items).toEqual([]);
      expect((await store.getSerial('A', 'S1'))?.status).toBe('in_stock');
    }),
  );
}
