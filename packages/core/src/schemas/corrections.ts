/**
 * Payloads of the corrections a warehouse makes to a unit: release from quarantine, lift a
 * recall for one unit, void a unit registered by mistake, edit its lot and dates.
 */
import { z } from 'zod';
import { identifierSchema, isoDateTime, serialRecordSchema, serialString } from './domain.js';

/** Why a correction was made, kept in its event. */
const reasonSchema = z.string().min(1).max(500);

/** Input of `corrections.release`: a quarantined unit goes back to stock or is scrapped. */
export const releaseInputSchema = z.strictObject({
  /** The unit's SKU, when its serial alone is ambiguous. */
  sku: identifierSchema.optional(),
  to: z.enum(['in_stock', 'scrapped']),
  reason: reasonSchema.optional(),
});

/** Input of `corrections.liftRecall`: the unit was found not affected by its recall. */
export const recallLiftInputSchema = z.strictObject({
  sku: identifierSchema.optional(),
  reason: reasonSchema,
});

/** Input of `corrections.void`: the unit was registered by mistake. */
export const voidInputSchema = z.strictObject({
  sku: identifierSchema.optional(),
  reason: reasonSchema,
});

/** What `corrections.void` did. */
export const voidResultSchema = z.strictObject({
  sku: identifierSchema,
  serial: serialString,
  /**
   * True when the serial may be registered again (the unit was removed; its history stays).
   * False when the SKU numbers its units from a sequence: the unit stays, with status `voided`.
   */
  freed: z.boolean(),
  /** The unit as it stays (status `voided`); absent when it was freed. */
  unit: serialRecordSchema.optional(),
});

/**
 * Input of `corrections.edit`: new lot and dates of a unit. An omitted field is kept, `null`
 * clears it. The event records the old values.
 */
export const unitEditInputSchema = z.strictObject({
  sku: identifierSchema.optional(),
  lot: z.string().min(1).max(100).nullable().optional(),
  manufacturedAt: isoDateTime.nullable().optional(),
  receivedAt: isoDateTime.nullable().optional(),
  reason: reasonSchema.optional(),
});

export type ReleaseInput = z.input<typeof releaseInputSchema>;
export type RecallLiftInput = z.input<typeof recallLiftInputSchema>;
export type VoidInput = z.input<typeof voidInputSchema>;
export type VoidResult = z.infer<typeof voidResultSchema>;
export type UnitEditInput = z.input<typeof unitEditInputSchema>;

/** The unit a correction applies to, as typed or scanned (a GS1 Digital Link included). */
const serialInputSchema = z.string().min(1).max(2000);

/** Bodies of the HTTP correction routes: the SDK input plus the unit's serial. */
export const releaseRequestSchema = releaseInputSchema.extend({ serial: serialInputSchema });
export const recallLiftRequestSchema = recallLiftInputSchema.extend({ serial: serialInputSchema });
export const voidRequestSchema = voidInputSchema.extend({ serial: serialInputSchema });
export const unitEditRequestSchema = unitEditInputSchema.extend({ serial: serialInputSchema });
