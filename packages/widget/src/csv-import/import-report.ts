/**
 * The report of a CSV import as the console reads it: the fields both import routes answer
 * (`POST /v1/imports/serials` and `/v1/imports/shipments`, documented in the OpenAPI document),
 * declared structurally here since the service's report schemas are not part of core.
 */
export interface ImportReport {
  rows: number;
  /** Units registered (units import). */
  registered?: number;
  /** Units shipped (shipments import). */
  units?: number;
  errors: { line: number; serial?: string; code: string; message: string }[];
  errorCount: number;
}

/** Units the import stored. */
export function importedOf(report: ImportReport): number {
  return report.registered ?? report.units ?? 0;
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
