import type { ShipmentImportReport, ImportReport as UnitImportReport } from '@serialkit/core';

/**
 * The report of a CSV import as the console reads it: what `POST /v1/imports/serials` or
 * `/v1/imports/shipments` answers (core's report schemas).
 */
export type ImportReport = UnitImportReport | ShipmentImportReport;

/** Units the import stored. */
export function importedOf(report: ImportReport): number {
  return 'registered' in report ? report.registered : report.units;
}

const cell = (value: string | number | undefined): string => {
  const text = String(value ?? '');
  // Quoted when needed; a leading formula character is neutralized for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The error report as a CSV file: line, serial, code, message. */
export function errorReportCsv(report: ImportReport): Blob {
  const lines = [
    'line,serial,code,message',
    ...report.errors.map((e) => [e.line, e.serial, e.code, e.message].map(cell).join(',')),
  ];
  return new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' });
}
