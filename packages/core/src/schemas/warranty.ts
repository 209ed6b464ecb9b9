/**
 * Warranty payloads: a unit's coverage (merchant view and its public, month-only form) and the
 * warranty claims recorded against a unit.
 */
import { z } from 'zod';
import { isoDateTime } from './domain.js';

/**
 * A unit's coverage, as the merchant sees it (lookup, trace): null when its SKU has no warranty
 * or coverage has not started (not shipped, or no owner registered for a registration warranty).
 * `start` is inclusive and `end` exclusive, both ISO 8601 timestamps; `active` says whether the
 * time of the answer lies between them.
 */
export const coverageSchema = z
  .object({
    start: isoDateTime,
    end: isoDateTime,
    active: z.boolean(),
    /** What started it: the unit's shipment or its owner's registration. */
    startsAt: z.enum(['shipment', 'registration']),
  })
  .nullable();

/**
 * The coverage public verification states: whether the unit is covered and the month its
 * coverage ends (`YYYY-MM`, nothing finer, so it never dates an order). Null when the unit's SKU
 * has no warranty or the unit is unknown; `until` is null while coverage has not started.
 */
export const publicCoverageSchema = z
  .object({
    covered: z.boolean(),
    until: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .nullable(),
  })
  .nullable();

/**
 * Input of `warranty.claim`: the merchant's decision on a customer's claim, with the reason.
 * `resolution` says what was done for an accepted claim.
 *
 * @example
 * warrantyClaimSchema.parse({ decision: 'accepted', reason: 'Dead pixel', resolution: 'replaced' });
 */
export const warrantyClaimSchema = z
  .strictObject({
    decision: z.enum(['accepted', 'refused']),
    reason: z.string().min(1).max(2000),
    resolution: z.enum(['repaired', 'replaced', 'refunded']).optional(),
    /** The merchant's reference of the claim (ticket id). */
    reference: z.string().min(1).max(200).optional(),
  })
  .refine((claim) => claim.decision === 'accepted' || claim.resolution === undefined, {
    message: 'only an accepted claim has a resolution',
    path: ['resolution'],
  });

/** A recorded claim: the `warranty_claimed` event's data. */
export const warrantyClaimRecordSchema = z.object({
  eventId: z.string(),
  sku: z.string(),
  serial: z.string(),
  at: isoDateTime,
  decision: z.enum(['accepted', 'refused']),
  reason: z.string(),
  resolution: z.enum(['repaired', 'replaced', 'refunded']).optional(),
  reference: z.string().optional(),
  /** Whether the unit was covered when the claim was recorded. */
  covered: z.boolean(),
  /** `already_replaced`: an earlier accepted claim on this unit replaced it. */
  flags: z.array(z.enum(['already_replaced'])),
});

export type Coverage = z.infer<typeof coverageSchema>;
export type PublicCoverage = z.infer<typeof publicCoverageSchema>;
export type WarrantyClaim = z.infer<typeof warrantyClaimSchema>;
export type WarrantyClaimRecord = z.infer<typeof warrantyClaimRecordSchema>;
