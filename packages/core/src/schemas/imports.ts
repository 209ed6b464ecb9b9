/**
 * CSV imports: the reports the service answers, and the summary of a finished import that the
 * event log keeps and the `import.finished` webhook carries. One file, so a report and its
 * summary cannot drift apart.
 */
import { z } from 'zod';
import { identifierSchema, isoDateTime, type SerialEvent, serialEventSchema } from './domain.js';
import type { OrderImportReport } from './platforms.js';
import { issueSchema } from './workflows.js';

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

const count = z.number().int().min(0);

/**
 * What a finished import did, as counts: its report without the listed errors (they name lines
 * and cells; the summary goes to other systems). `kind` says which import: `serials` (units
 * registered, with the `sku` the import was given, if any), `shipments`, or `orders`.
 *
 * @example
 * importSummaryOf('serials', report, { sku: 'KB-100' });
 * // { kind: 'serials', sku: 'KB-100', rows: 3, registered: 2, duplicates: 1, invalid: 0, failed: 0, errorCount: 1 }
 */
export const importSummarySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('serials'),
    sku: identifierSchema.optional(),
    rows: count,
    registered: count,
    duplicates: count,
    invalid: count,
    failed: count,
    errorCount: count,
  }),
  z.strictObject({
    kind: z.literal('shipments'),
    rows: count,
    shipments: count,
    units: count,
    failedShipments: count,
    errorCount: count,
  }),
  z.strictObject({
    kind: z.literal('orders'),
    rows: count,
    created: count,
    unchanged: count,
    failed: count,
    errorCount: count,
  }),
]);

/** One line that was not imported. */
export type ImportError = z.infer<typeof importErrorSchema>;
/** Report of a CSV import of units. */
export type ImportReport = z.infer<typeof importReportSchema>;
/** Report of a CSV import of shipments. */
export type ShipmentImportReport = z.infer<typeof shipmentImportReportSchema>;
/** What a finished import did, as counts. */
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** The reports `importSummaryOf` reads, by kind. */
export interface ImportReports {
  serials: ImportReport;
  shipments: ShipmentImportReport;
  orders: OrderImportReport;
}

/**
 * The summary of an import's report: its counts, without the listed errors.
 *
 * @example
 * importSummaryOf('shipments', report); // { kind: 'shipments', rows: 4, shipments: 2, units: 4, failedShipments: 0, errorCount: 0 }
 */
export function importSummaryOf<K extends keyof ImportReports>(
  kind: K,
  report: ImportReports[K],
  options: { sku?: string } = {},
): ImportSummary {
  if (kind === 'serials') {
    const r = report as ImportReport;
    return {
      kind: 'serials',
      ...(options.sku !== undefined ? { sku: options.sku } : {}),
      rows: r.rows,
      registered: r.registered,
      duplicates: r.duplicates,
      invalid: r.invalid,
      failed: r.failed,
      errorCount: r.errorCount,
    };
  }
  if (kind === 'shipments') {
    const r = report as ShipmentImportReport;
    return {
      kind: 'shipments',
      rows: r.rows,
      shipments: r.shipments,
      units: r.units,
      failedShipments: r.failedShipments,
      errorCount: r.errorCount,
    };
  }
  const r = report as OrderImportReport;
  return {
    kind: 'orders',
    rows: r.rows,
    created: r.orders.created.length,
    unchanged: r.orders.unchanged.length,
    failed: r.orders.failed.length,
    errorCount: r.problems.length,
  };
}

/**
 * An entry of the event log that concerns no single unit: the end of an import
 * (`import_finished`, with its summary). It sits in the log between unit events, in commit
 * order, so log consumers (webhook subscriptions) read it where it happened; unit histories and
 * event lists never show it.
 */
export const logNoticeSchema = z.strictObject({
  id: z.string(),
  type: z.literal('import_finished'),
  at: isoDateTime,
  data: importSummarySchema,
});

/** An entry of the event log about no single unit. */
export type LogNotice = z.infer<typeof logNoticeSchema>;
/** A notice as appended (the store gives its id). */
export type LogNoticeInsert = Omit<LogNotice, 'id'>;

/** An entry of the event log: a unit's event, or a notice about no single unit. */
export const logEntrySchema = z.union([serialEventSchema, logNoticeSchema]);

/** An entry of the event log: a unit's event, or a notice about no single unit. */
export type LogEntry = SerialEvent | LogNotice;

/**
 * Whether a log entry is a notice (about no single unit) rather than a unit's event.
 *
 * @example
 * for (const entry of await store.readEventLog(null, 100)) if (!isLogNotice(entry)) console.log(entry.serial);
 */
export function isLogNotice(entry: LogEntry): entry is LogNotice {
  return entry.type === 'import_finished';
}
