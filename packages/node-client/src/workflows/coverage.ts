/**
 * A unit's warranty coverage: the rule that turns its SKU's warranty and the unit's shipment or
 * owner registration into a window, in one place for lookup, trace, verify and claims.
 */
import type { Coverage, PublicCoverage, SerialRecord, Sku } from '@serialkit/core';
import type { ClientContext } from './context.js';
import { ownerOfUnit } from './unit-owners.js';

/**
 * The unit's coverage at `now`: from its shipment (`shippedAt`) or its first owner registration
 * (an active or erased owner of the unit's own registration, see `ownerOfUnit`; registrations
 * pending review do not count), for the SKU's warranty months. Null when the SKU has no warranty or coverage has not started.
 *
 * @example
 * const coverage = await coverageOf(ctx, sku, unit); // { start, end, active: true, startsAt: 'shipment' }
 */
export async function coverageOf(
  ctx: ClientContext,
  sku: Sku | null | undefined,
  unit: SerialRecord,
): Promise<Coverage> {
  const warranty = sku?.warranty;
  if (!warranty) return null;
  let start: string | undefined;
  if (warranty.startsAt === 'shipment') {
    start = unit.shipment?.shippedAt;
  } else {
    const ownsUnit = await ownerOfUnit(ctx, unit.sku, unit.serial);
    let cursor: string | null = null;
    do {
      const page = await ctx.store.listOwners(
        { sku: unit.sku, serial: unit.serial, status: ['active', 'erased'] },
        { cursor, limit: 100 },
      );
      start = page.items.find(ownsUnit)?.registeredAt;
      cursor = start === undefined ? page.nextCursor : null;
    } while (cursor !== null);
  }
  if (start === undefined) return null;
  const startDate = new Date(start);
  if (Number.isNaN(startDate.getTime())) return null;
  const end = addMonths(startDate, warranty.months);
  const now = ctx.now().getTime();
  return {
    start: startDate.toISOString(),
    end: end.toISOString(),
    active: now >= startDate.getTime() && now < end.getTime(),
    startsAt: warranty.startsAt,
  };
}

/**
 * What public verification may say: covered or not, and the month coverage ends (`YYYY-MM`),
 * never a day that could date an order. A warranty that has not started: not covered, no month.
 */
export function publicCoverage(sku: Sku | null | undefined, coverage: Coverage): PublicCoverage {
  if (!sku?.warranty) return null;
  if (!coverage) return { covered: false, until: null };
  return { covered: coverage.active, until: coverage.end.slice(0, 7) };
}

/** `date` plus `months` calendar months, UTC; a day the month lacks becomes its last day. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
