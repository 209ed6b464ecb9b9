/**
 * Payloads of the routes the merchant console needs beyond the workflows: a recall's preview
 * (how many units a selection would recall, by status, before it is committed) and the overview's
 * numbers.
 */
import { z } from 'zod';
import { serialStatusSchema } from './domain.js';
import { checkRecallSelection, recallSelectionShape } from './workflows.js';

/** Input of `recalls.preview`: the selection of `recalls.create`, without notice and link. */
export const recallPreviewRequestSchema = z
  .strictObject(recallSelectionShape)
  .superRefine(checkRecallSelection);

const countsByStatus = z.partialRecord(serialStatusSchema, z.number().int().min(0));

/** What a recall with this selection would mark now. */
export const recallPreviewSchema = z.object({
  /** The selection's first SKU. */
  sku: z.string(),
  /** Every SKU of the selection. */
  skus: z.array(z.string()),
  /** Units it would mark as recalled. */
  affected: z.number().int().min(0),
  byStatus: countsByStatus,
  /** Of those, units already under a recall (the new recall takes them over). */
  alreadyRecalled: z.number().int().min(0),
});

/** One day of the overview's verification chart. */
export const verificationDaySchema = z.object({
  /** `YYYY-MM-DD` (UTC). */
  date: z.string(),
  /** Verification outcomes recorded that day, by public status. */
  outcomes: z.record(z.string(), z.number().int().min(0)),
});

/** The numbers a merchant looks at first (`GET /v1/stats`). */
export const overviewStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  unitsByStatus: countsByStatus,
  verificationsByDay: z.array(verificationDaySchema),
  /** Units flagged suspicious in the window. */
  flagged: z.number().int().min(0),
  /** Returns refused in the window because the unit was not the one the order contained. */
  returnMismatches: z.number().int().min(0),
  /** Recalls with units still out with customers, with their counts. */
  openRecalls: z.array(
    z.object({
      id: z.string(),
      sku: z.string(),
      notice: z.string(),
      createdAt: z.string(),
      affected: z.number().int().min(0),
      /** Affected units still shipped (out with customers). */
      outstanding: z.number().int().min(0),
    }),
  ),
});

export type RecallPreviewRequest = z.input<typeof recallPreviewRequestSchema>;
export type RecallPreview = z.infer<typeof recallPreviewSchema>;
export type OverviewStats = z.infer<typeof overviewStatsSchema>;
