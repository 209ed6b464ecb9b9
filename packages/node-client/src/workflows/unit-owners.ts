/**
 * Which stored owners belong to a unit: those of its own registration. A void that frees a
 * serial keeps the voided unit's owners (the merchant still exports and erases them), so a unit
 * registered again under the serial must not inherit them. Same rule as the unit's events
 * ({@link currentRegistration}): what the log holds after the last freeing `voided` event.
 */
import type { Owner, SerialEvent } from '@serialkit/core';
import type { ClientContext } from './context.js';
import { currentRegistration } from './events.js';

/** Page size when reading a unit's `voided` and `owner_registered` events. */
const READ_PAGE = 1000;

/** Tells whether an owner stored under a unit's (sku, serial) is one of the unit's own owners. */
export type OwnerOfUnit = (owner: Pick<Owner, 'id' | 'registeredAt'>) => boolean;

/**
 * The test of the unit's own owners: every owner when its serial was never freed by a void;
 * otherwise the owners whose `owner_registered` event follows the last freeing void (an owner
 * kept without such an event: registered after the void).
 *
 * @example
 * const ownsUnit = await ownerOfUnit(ctx, 'KB-100', 'SN1');
 * const owners = (await ctx.store.listOwners({ sku: 'KB-100', serial: 'SN1' })).items.filter(ownsUnit);
 */
export async function ownerOfUnit(
  ctx: ClientContext,
  sku: string,
  serial: string,
): Promise<OwnerOfUnit> {
  const events: SerialEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.store.listEvents(
      { sku, serial, type: ['voided', 'owner_registered'] },
      { cursor, limit: READ_PAGE },
    );
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  const current = currentRegistration(events);
  if (current.length === events.length) return () => true;
  const freedAt = events[events.length - current.length - 1]!.at;
  const ownerIdOf = (event: SerialEvent): unknown => event.data?.ownerId;
  const logged = new Set(events.map(ownerIdOf));
  const own = new Set(current.map(ownerIdOf));
  return (owner) => own.has(owner.id) || (!logged.has(owner.id) && owner.registeredAt > freedAt);
}
