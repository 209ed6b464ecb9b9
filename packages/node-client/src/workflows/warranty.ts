/** Warranty: a unit's coverage, and the claims recorded against it (events in its history). */
import {
  type Coverage,
  type SerialEvent,
  type WarrantyClaim,
  type WarrantyClaimRecord,
  warrantyClaimSchema,
} from '@serialkit/core';
import type { ClientContext } from './context.js';
import { coverageOf } from './coverage.js';
import { appendEvent, currentRegistration } from './events.js';
import { parseInput, requireString } from './input.js';
import { requireUnit } from './resolve.js';

export interface WarrantyResource {
  /**
   * The unit's coverage now (null: its SKU has no warranty, or coverage has not started).
   *
   * @example
   * const coverage = await client.warranty.coverage('KB-2024-0000016');
   * if (coverage?.active) console.log('covered until', coverage.end);
   */
  coverage(serial: string, options?: { sku?: string }): Promise<Coverage>;
  /**
   * Records the merchant's decision on a warranty claim as a `warranty_claimed` event. The
   * record says whether the unit was covered, and flags `already_replaced` when an earlier
   * accepted claim replaced this unit (a second claim on a replaced unit deserves a look).
   *
   * @example
   * const claim = await client.warranty.claim('KB-2024-0000016', {
   *   decision: 'accepted', reason: 'Dead key', resolution: 'replaced',
   * });
   * if (claim.flags.includes('already_replaced')) console.warn('claimed again');
   */
  claim(
    serial: string,
    claim: WarrantyClaim,
    options?: { sku?: string },
  ): Promise<WarrantyClaimRecord>;
  /**
   * The unit's claims, oldest first.
   *
   * @example
   * for (const claim of await client.warranty.claims('KB-2024-0000016')) console.log(claim.decision);
   */
  claims(serial: string, options?: { sku?: string }): Promise<WarrantyClaimRecord[]>;
}

export function warrantyResource(ctx: ClientContext): WarrantyResource {
  const unitOf = async (serial: string, sku: string | undefined) => {
    requireString(serial, 'serial');
    const unit = await requireUnit(ctx, serial, sku);
    return { unit, sku: await ctx.store.getSku(unit.sku) };
  };
  const claimEvents = async (sku: string, serial: string): Promise<SerialEvent[]> => {
    const events: SerialEvent[] = [];
    let cursor: string | null = null;
    do {
      // With the voids: the claims of an earlier unit under this serial are not this one's.
      const page = await ctx.store.listEvents(
        { sku, serial, type: ['warranty_claimed', 'voided'] },
        { cursor, limit: 1000 },
      );
      events.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return currentRegistration(events).filter((event) => event.type === 'warranty_claimed');
  };

  return {
    async coverage(serial, options = {}) {
      const { unit, sku } = await unitOf(serial, options.sku);
      return coverageOf(ctx, sku, unit);
    },

    async claim(serial, input, options = {}) {
      const claim = parseInput(warrantyClaimSchema, input, 'warranty claim');
      const { unit, sku } = await unitOf(serial, options.sku);
      const [coverage, earlier] = await Promise.all([
        coverageOf(ctx, sku, unit),
        claimEvents(unit.sku, unit.serial),
      ]);
      const replaced = earlier.some((event) => {
        const data = event.data ?? {};
        return data.decision === 'accepted' && data.resolution === 'replaced';
      });
      const event = await appendEvent(ctx, {
        sku: unit.sku,
        serial: unit.serial,
        type: 'warranty_claimed',
        at: ctx.nowIso(),
        data: {
          decision: claim.decision,
          reason: claim.reason,
          ...(claim.resolution === undefined ? {} : { resolution: claim.resolution }),
          ...(claim.reference === undefined ? {} : { reference: claim.reference }),
          covered: coverage?.active ?? false,
          flags: replaced ? ['already_replaced'] : [],
        },
      });
      return claimRecord(event);
    },

    async claims(serial, options = {}) {
      const { unit } = await unitOf(serial, options.sku);
      return (await claimEvents(unit.sku, unit.serial)).map(claimRecord);
    },
  };
}

/** A `warranty_claimed` event as a claim record. */
export function claimRecord(event: SerialEvent): WarrantyClaimRecord {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return {
    eventId: event.id,
    sku: event.sku,
    serial: event.serial,
    at: event.at,
    decision: data.decision === 'accepted' ? 'accepted' : 'refused',
    reason: typeof data.reason === 'string' ? data.reason : '',
    ...(typeof data.resolution === 'string'
      ? { resolution: data.resolution as NonNullable<WarrantyClaimRecord['resolution']> }
      : {}),
    ...(typeof data.reference === 'string' ? { reference: data.reference } : {}),
    covered: data.covered === true,
    flags:
      Array.isArray(data.flags) && data.flags.includes('already_replaced')
        ? ['already_replaced']
        : [],
  };
}
