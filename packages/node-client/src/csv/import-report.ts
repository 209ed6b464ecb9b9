/**
 * The reports of CSV imports, as zod schemas: the HTTP API answers and documents them, and the
 * client's report types are inferred from them, so the two cannot drift apart.
 */
import { issueSchema } from '@serialkit/core';
import { z } from 'zod';

/** One line that was not imported. */
export const importErrorSchema = z.object({
  /** 1-based line number in the file (the header is line 1). */
  line: z.number().int().describe('1-based line number (the header is line 1)'),
  serial: z.string().optional(),
  /**
   * `malformed_csv`, `missing_value`, `unknown_sku`, `tracking_disabled`, `invalid_date`,
   * `invalid_lot`, `duplicate`, `store_error`, a shipment problem (`not_in_stock`…), or the
   * core issue code of an invalid serial (`invalid_checksum`…).
   */
  code: z.string(),
  message: z.string(),
  issues: z.array(issueSchema).optional(),
});

/** Report of a CSV import of units. */
export const importReportSchema = z.object({
  /** Data lines read (the header and empty lines excluded; malformed lines included). */
  rows: z.number().int(),
  registered: z.number().int(),
  duplicates: z.number().int(),
  /** Lines rejected for their content or form (not duplicates, not store failures). */
  invalid: z.number().int(),
  /** Valid lines not stored because the store failed their batch. */
  failed: z.number().int(),
  /** The first `maxErrors` errors, by line. */
  errors: z.array(importErrorSchema),
  /** All errors, including those beyond `maxErrors`. */
  errorCount: z.number().int(),
});

/** Report of a CSV import of shipments. */
export const shipmentImportReportSchema = z.object({
  /** Data lines read. */
  rows: z.number().int(),
  /** Shipments created. */
  shipments: z.number().int(),
  /** Units shipped. */
  units: z.number().int(),
  /** Shipments (groups of lines) that were not created. */
  failedShipments: z.number().int(),
  errors: z.array(importErrorSchema),
  errorCount: z.number().int(),
});

/** One line that was not imported. */
export type ImportError = z.infer<typeof importErrorSchema>;
/** Report of `imports.serials`. */
export type ImportReport = z.infer<typeof importReportSchema>;
/** Report of `imports.shipments`. */
export type ShipmentImportReport = z.infer<typeof shipmentImportReportSchema>;
