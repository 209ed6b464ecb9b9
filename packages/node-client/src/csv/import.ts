/** CSV imports: units (register) and shipments, streamed, with per-line errors. */
import {
  type ImportError,
  type ImportReport,
  type ImportSummary,
  type Issue,
  importSummaryOf,
  importSummarySchema,
  isGs1Input,
  type ShipmentCreate,
  type ShipmentImportReport,
  type Sku,
  shipmentLineSchema,
} from '@serialkit/core';
import { z } from 'zod';
import { ConflictError, NotFoundError, SerialkitError, ValidationError } from '../errors.js';
import type { ClientContext } from '../workflows/context.js';
import { parseInput, wireIssues } from '../workflows/input.js';
import { compositeKey } from '../workflows/keys.js';
import {
  type DetailNames,
  insertsOf,
  readDetails,
  trackingProblem,
} from '../workflows/register-rows.js';
import { Registrar } from '../workflows/registrar.js';
import { readScanned } from '../workflows/scanned.js';
import type { ShipmentProblem, ShipmentsResource } from '../workflows/shipments.js';
import { SERIAL_IMPORT_COLUMNS, SHIPMENT_IMPORT_COLUMNS } from './columns.js';
import {
  type CsvRecord,
  type CsvSource,
  csvRecords,
  headerIndex,
  type MalformedLine,
} from './records.js';

/** Errors listed in a report unless `maxErrors` says otherwise (all are counted). */
const DEFAULT_MAX_ERRORS = 1000;
/** Lines per shipment: the shipment schema's limit on serials of a line. */
const MAX_SHIPMENT_ROWS =
  z.toJSONSchema(shipmentLineSchema.shape.serials).maxItems ?? Number.POSITIVE_INFINITY;
/** The detail fields by their column names, for messages. */
const DETAIL_COLUMNS: DetailNames = {
  lot: 'lot',
  manufacturedAt: 'manufactured_at',
  receivedAt: 'received_at',
};

export interface ImportOptions {
  /** SKU of rows whose `sku` cell is empty or absent. */
  sku?: string;
  /** Called after each stored batch with the number of data lines read so far. */
  onProgress?(rows: number): void;
  /** Rows per store insert. Default: the client's `registerBatchSize`, else the store's. */
  batchSize?: number;
  /** Errors listed in the report. Default 1000. */
  maxErrors?: number;
}

export interface ShipmentImportOptions {
  /** Called after each shipment with the number of data lines read so far. */
  onProgress?(rows: number): void;
  /** Errors listed in the report. Default 1000. */
  maxErrors?: number;
}

export interface ImportsResource {
  /**
   * Registers units from CSV with the columns `sku,serial,lot,manufactured_at,received_at`
   * (header required, any order, extra columns ignored; `sku` optional with `options.sku`).
   * The file is streamed: millions of lines in constant memory. Every line is validated like
   * `serials.register`; malformed lines, unknown SKUs, invalid serials and duplicates are
   * reported with their line number and valid lines are kept. A batch the store fails to insert
   * is not kept, is reported, and the import goes on. Each record is one line.
   *
   * A serial cell may hold a scanned code (GS1 element string, bracketed string or Digital
   * Link): its AI 21 is the serial and its GTIN names the SKU when the `sku` cell is empty; a
   * GTIN of another SKU than the row's, or of no SKU, is reported on its line.
   *
   * @example
   * const report = await client.imports.serials(createReadStream('units.csv'));
   * console.log(report.registered, report.errors.slice(0, 5));
   */
  serials(source: CsvSource, options?: ImportOptions): Promise<ImportReport>;
  /**
   * Ships units from CSV with the columns `order_id,shipment_id,channel,customer_id,
   * customer_email,customer_name,customer_postcode,account_id,account_name,shipped_at,sku,serial`
   * and optionally the account's contact `account_contact_name,account_email,account_phone`
   * (one row per unit; `order_id`, `sku` and `serial` required). Consecutive rows of one order
   * and shipment id form one atomic shipment (`shipments.create`): if any of its units cannot
   * ship, none does and each problem is reported on its line. The order-level columns are read
   * from the group's first row; `channel` defaults to b2b when an account is given, else b2c.
   * Serial cells may hold scanned codes, read as `shipments.create` reads them.
   *
   * @example
   * const report = await client.imports.shipments(createReadStream('shipments.csv'));
   */
  shipments(source: CsvSource, options?: ShipmentImportOptions): Promise<ShipmentImportReport>;
  /**
   * Records that an import finished: appends an `import_finished` notice with its summary to the
   * event log, and subscribers of `import.finished` get it. `serials` and `shipments` (and
   * `importOrders`) do this themselves when they read a whole file; call it for an import made
   * another way (a script that creates orders through the API). An import that stops on an error
   * records nothing.
   *
   * @example
   * await client.imports.recordFinished({ kind: 'orders', rows: 120, created: 40, unchanged: 0, failed: 0, errorCount: 0 });
   */
  recordFinished(summary: ImportSummary): Promise<void>;
}

/** Collects errors up to a cap, counting all. */
class ErrorLog {
  readonly errors: ImportError[] = [];
  count = 0;
  readonly #max: number;

  constructor(max: number | undefined) {
    const value = max ?? DEFAULT_MAX_ERRORS;
    if (!Number.isInteger(value) || value < 0) {
      throw new ValidationError('maxErrors must be a non-negative integer', {
        issues: [
          { code: 'invalid_type', message: 'must be a non-negative integer', path: ['maxErrors'] },
        ],
      });
    }
    this.#max = value;
  }

  add(error: ImportError): void {
    this.count++;
    if (this.errors.length < this.#max) this.errors.push(error);
  }

  /** Errors by line; the parser reports malformed lines ahead of the records before them. */
  sorted(): ImportError[] {
    return this.errors.sort((a, b) => a.line - b.line);
  }
}

export function csvImportsResource(
  ctx: ClientContext,
  deps: { shipments: ShipmentsResource },
): ImportsResource {
  return {
    serials: (source, options) => importSerials(ctx, source, options),
    shipments: (source, options) => importShipments(ctx, deps.shipments, source, options),
    recordFinished: (summary) => recordImportFinished(ctx, summary),
  };
}

/** Appends an import's `import_finished` notice to the event log. */
async function recordImportFinished(ctx: ClientContext, summary: ImportSummary): Promise<void> {
  const data = parseInput(importSummarySchema, summary, 'import summary');
  await ctx.store.appendLogNotice({ type: 'import_finished', at: ctx.nowIso(), data });
}

type SkuState = { sku: Sku; insertOf: ReturnType<typeof insertsOf> } | { error: ImportError };

async function importSerials(
  ctx: ClientContext,
  source: CsvSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const log = new ErrorLog(options.maxErrors);
  const batchSize =
    options.batchSize ?? ctx.registerBatchSize ?? ctx.store.capabilities.preferredBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ValidationError('batchSize must be a positive integer', {
      issues: [
        { code: 'invalid_type', message: 'must be a positive integer', path: ['batchSize'] },
      ],
    });
  }
  const defaultSku = options.sku;
  const report: ImportReport = {
    rows: 0,
    registered: 0,
    duplicates: 0,
    invalid: 0,
    failed: 0,
    errors: [],
    errorCount: 0,
  };
  const registrar = new Registrar<ImportError>(ctx.store, batchSize, {
    duplicate: (line, row) => ({
      line,
      serial: row.serial,
      code: 'duplicate',
      message: `Serial ${row.serial} is already registered or repeats an earlier line`,
    }),
    rejected: (errors) => {
      for (const error of errors) log.add(error);
    },
    failed: (error, lines) => {
      log.add({
        line: lines[0]!,
        code: 'store_error',
        message: `Lines ${lines[0]}–${lines[lines.length - 1]} were not stored: ${error instanceof Error ? error.message : String(error)}`,
      });
    },
  });
  const reject = (line: number, error: ImportError) => {
    report.invalid++;
    registrar.reject(line, error);
  };

  const skus = new Map<string, SkuState>();
  const skuState = async (id: string, line: number): Promise<SkuState> => {
    let state = skus.get(id);
    if (state === undefined) {
      const sku = await ctx.store.getSku(id);
      if (!sku) {
        state = { error: { line, code: 'unknown_sku', message: `SKU ${id} not found` } };
      } else {
        const off = trackingProblem(sku);
        state = off
          ? { error: { line, code: off.code, message: off.message } }
          : { sku, insertOf: insertsOf(sku) };
      }
      skus.set(id, state);
    }
    return state;
  };

  let columns:
    | {
        sku: number;
        serial: number;
        lot: number;
        manufactured: number;
        received: number;
        width: number;
      }
    | undefined;
  let registeredAt = ctx.nowIso();

  for await (const { line, cells } of csvRecords(source, malformed(log, report))) {
    if (!columns) {
      const index = headerIndex(cells);
      const missing = ['serial', ...(defaultSku === undefined ? ['sku'] : [])].filter(
        (c) => !index.has(c),
      );
      if (missing.length > 0) throw missingColumns(missing, SERIAL_IMPORT_COLUMNS);
      columns = {
        sku: index.get('sku') ?? -1,
        serial: index.get('serial')!,
        lot: index.get('lot') ?? -1,
        manufactured: index.get('manufactured_at') ?? -1,
        received: index.get('received_at') ?? -1,
        width: cells.length,
      };
      continue;
    }
    report.rows++;
    if (cells.length !== columns.width) {
      reject(line, {
        line,
        code: 'malformed_csv',
        message: `Expected ${columns.width} fields, found ${cells.length}`,
      });
      continue;
    }
    const serialInput = cells[columns.serial] ?? '';
    let skuId = (columns.sku < 0 ? '' : cells[columns.sku]) || defaultSku || '';
    // A scanned code names its SKU by its GTIN: the sku cell may then be empty.
    if (serialInput === '' || (skuId === '' && !isGs1Input(serialInput))) {
      reject(line, {
        line,
        ...(serialInput === '' ? {} : { serial: serialInput }),
        code: 'missing_value',
        message: skuId === '' ? 'The sku is empty' : 'The serial is empty',
      });
      continue;
    }
    let state = skuId === '' ? undefined : await skuState(skuId, line);
    if (state && 'error' in state) {
      reject(line, { ...state.error, line, serial: serialInput });
      continue;
    }
    let typed = serialInput;
    const scanning = readScanned(ctx, serialInput, state?.sku);
    if (scanning) {
      const scanned = await scanning;
      if (!scanned.ok || scanned.skus.length !== 1) {
        const issues = scanned.ok ? [ambiguousGtin(serialInput, scanned.skus)] : scanned.issues;
        reject(line, { line, serial: serialInput, ...rowError(issues), issues });
        continue;
      }
      typed = scanned.serial;
      if (!state) {
        skuId = scanned.skus[0]!.sku;
        state = await skuState(skuId, line);
        if ('error' in state) {
          reject(line, { ...state.error, line, serial: serialInput });
          continue;
        }
      }
    }
    if (!state) continue; // unreachable: a row without a SKU is a scanned code or rejected
    const details = readDetails(
      columns.lot < 0 ? undefined : cells[columns.lot],
      columns.manufactured < 0 ? undefined : cells[columns.manufactured],
      columns.received < 0 ? undefined : cells[columns.received],
      DETAIL_COLUMNS,
    );
    if ('code' in details) {
      reject(line, { line, serial: serialInput, code: details.code, message: details.message });
      continue;
    }
    const result = ctx.formats.of(state.sku).validate(typed);
    if (!result.success) {
      reject(line, {
        line,
        serial: serialInput,
        ...rowError(result.issues),
        issues: wireIssues(result.issues),
      });
      continue;
    }
    const flushing = registrar.add(state.insertOf(result.data.serial, registeredAt, details), line);
    if (flushing) {
      await flushing;
      registeredAt = ctx.nowIso();
      options.onProgress?.(report.rows);
    }
  }
  if (!columns) throw missingColumns(['serial'], SERIAL_IMPORT_COLUMNS);
  await registrar.flush();
  options.onProgress?.(report.rows);

  report.registered = registrar.registered;
  report.duplicates = registrar.duplicates;
  report.failed = registrar.failed;
  report.errors = log.sorted();
  report.errorCount = log.count;
  await recordImportFinished(ctx, importSummaryOf('serials', report, { sku: defaultSku }));
  return report;
}

/** A rejected line's code and message: its first issue's. */
function rowError(issues: readonly { code: string; message: string }[]): {
  code: string;
  message: string;
} {
  const first = issues[0];
  return { code: first?.code ?? 'invalid_serial', message: first?.message ?? 'Invalid serial' };
}

/** A scanned code without a SKU whose GTIN several SKUs share. */
function ambiguousGtin(input: string, skus: readonly Sku[]): Issue {
  const ids = skus.map((sku) => sku.sku);
  return {
    code: 'ambiguous_serial',
    message: `This code's GTIN belongs to SKUs ${ids.join(', ')}: give the SKU`,
    input,
    path: ['sku'],
    skus: ids,
  };
}

/** Reports malformed lines (they are data lines too). */
function malformed(log: ErrorLog, report: { rows: number; invalid?: number }) {
  return ({ line, message }: MalformedLine) => {
    report.rows++;
    if (report.invalid !== undefined) report.invalid++;
    log.add({ line, code: 'malformed_csv', message });
  };
}

function missingColumns(missing: string[], expected: readonly string[]): ValidationError {
  return new ValidationError(`The CSV header lacks ${missing.join(', ')}`, {
    issues: missing.map((column) => ({
      code: 'missing_column',
      message: `Column ${column} is required (columns: ${expected.join(',')})`,
      path: ['header', column],
    })),
  });
}

// ── Shipments ────────────────────────────────────────────────────────────────

interface ShipmentGroup {
  key: string;
  first: CsvRecord;
  rows: { line: number; sku: string; serial: string; record: CsvRecord }[];
}

async function importShipments(
  ctx: ClientContext,
  shipments: ShipmentsResource,
  source: CsvSource,
  options: ShipmentImportOptions = {},
): Promise<ShipmentImportReport> {
  const log = new ErrorLog(options.maxErrors);
  const report: ShipmentImportReport = {
    rows: 0,
    shipments: 0,
    units: 0,
    failedShipments: 0,
    errors: [],
    errorCount: 0,
  };
  let index: Map<string, number> | undefined;
  let width = 0;
  const cell = (record: CsvRecord, column: string): string | undefined => {
    const i = index?.get(column);
    const value = i === undefined ? undefined : record.cells[i];
    return value === '' ? undefined : value;
  };

  let group: ShipmentGroup | undefined;
  const ship = async (current: ShipmentGroup) => {
    const ok = await shipGroup(ctx, shipments, current, cell, log);
    if (ok) {
      report.shipments++;
      report.units += current.rows.length;
    } else {
      report.failedShipments++;
    }
    options.onProgress?.(report.rows);
  };

  for await (const record of csvRecords(source, malformed(log, report))) {
    if (!index) {
      index = headerIndex(record.cells);
      width = record.cells.length;
      const missing = ['order_id', 'sku', 'serial'].filter((c) => !index!.has(c));
      if (missing.length > 0) throw missingColumns(missing, SHIPMENT_IMPORT_COLUMNS);
      continue;
    }
    report.rows++;
    const { line } = record;
    if (record.cells.length !== width) {
      log.add({
        line,
        code: 'malformed_csv',
        message: `Expected ${width} fields, found ${record.cells.length}`,
      });
      continue;
    }
    const orderId = cell(record, 'order_id');
    const sku = cell(record, 'sku');
    const serial = cell(record, 'serial');
    if (orderId === undefined || sku === undefined || serial === undefined) {
      log.add({
        line,
        ...(serial === undefined ? {} : { serial }),
        code: 'missing_value',
        message: `${orderId === undefined ? 'order_id' : sku === undefined ? 'sku' : 'serial'} is empty`,
      });
      continue;
    }
    const key = compositeKey(orderId, cell(record, 'shipment_id') ?? '');
    if (group && (group.key !== key || group.rows.length >= MAX_SHIPMENT_ROWS)) {
      await ship(group);
      group = undefined;
    }
    group ??= { key, first: record, rows: [] };
    group.rows.push({ line, sku, serial, record });
  }
  if (!index) throw missingColumns(['order_id', 'sku', 'serial'], SHIPMENT_IMPORT_COLUMNS);
  if (group) await ship(group);

  report.errors = log.sorted();
  report.errorCount = log.count;
  await recordImportFinished(ctx, importSummaryOf('shipments', report));
  return report;
}

/** Creates one group's shipment; on failure reports each problem on its line. */
async function shipGroup(
  ctx: ClientContext,
  shipments: ShipmentsResource,
  group: ShipmentGroup,
  cell: (record: CsvRecord, column: string) => string | undefined,
  log: ErrorLog,
): Promise<boolean> {
  const first = group.first;
  const accountId = cell(first, 'account_id');
  const channel =
    cell(first, 'channel')?.toLowerCase() ?? (accountId === undefined ? 'b2c' : 'b2b');
  const customer = {
    ...optional('id', cell(first, 'customer_id')),
    ...optional('email', cell(first, 'customer_email')),
    ...optional('name', cell(first, 'customer_name')),
    ...optional('postcode', cell(first, 'customer_postcode')),
  };
  const lines = new Map<string, { sku: string; serials: string[]; rows: ShipmentGroup['rows'] }>();
  for (const row of group.rows) {
    const line = lines.get(row.sku);
    if (line) {
      line.serials.push(row.serial);
      line.rows.push(row);
    } else lines.set(row.sku, { sku: row.sku, serials: [row.serial], rows: [row] });
  }
  const input = {
    orderId: cell(first, 'order_id')!,
    ...optional('shipmentId', cell(first, 'shipment_id')),
    channel: channel as ShipmentCreate['channel'],
    ...(Object.keys(customer).length > 0 ? { customer } : {}),
    ...(accountId === undefined
      ? {}
      : {
          account: {
            id: accountId,
            ...optional('name', cell(first, 'account_name')),
            ...optional('contactName', cell(first, 'account_contact_name')),
            ...optional('email', cell(first, 'account_email')),
            ...optional('phone', cell(first, 'account_phone')),
          },
        }),
    ...optional('shippedAt', cell(first, 'shipped_at')),
    lines: [...lines.values()].map(({ sku, serials }) => ({ sku, serials })),
  } as ShipmentCreate;

  try {
    await shipments.create(input);
    return true;
  } catch (error) {
    if (!SerialkitError.isInstance(error)) throw error;
    if (ConflictError.isInstance(error) && Array.isArray(error.details?.problems)) {
      await reportProblems(ctx, group, error.details.problems as ShipmentProblem[], log);
    } else if (NotFoundError.isInstance(error) && typeof error.details?.sku === 'string') {
      for (const row of group.rows) {
        if (row.sku === error.details.sku) {
          log.add({
            line: row.line,
            serial: row.serial,
            code: 'unknown_sku',
            message: error.message,
          });
        }
      }
      log.add({
        line: group.rows[0]!.line,
        code: 'shipment_failed',
        message: `Order ${input.orderId} was not shipped: ${error.message}`,
      });
    } else if (
      ValidationError.isInstance(error) &&
      onRows(error.issues, [...lines.values()], log)
    ) {
      log.add({
        line: group.rows[0]!.line,
        code: 'shipment_failed',
        message: `Order ${input.orderId} was not shipped: ${error.message}`,
      });
    } else if (!error.retryable) {
      log.add({
        line: group.rows[0]!.line,
        code: error.code === 'validation_failed' ? 'invalid_shipment' : error.code,
        message: `Order ${input.orderId} was not shipped: ${error.message}${
          error.issues
            ? ` (${error.issues.map((i) => `${(i.path as unknown[] | undefined)?.join('.') ?? ''} ${i.message}`.trim()).join('; ')})`
            : ''
        }`,
        ...(error.issues ? { issues: error.issues } : {}),
      });
    } else {
      log.add({
        line: group.rows[0]!.line,
        code: 'store_error',
        message: `Order ${input.orderId} was not shipped: ${error.message}`,
      });
    }
    return false;
  }
}

/**
 * Puts issues of a shipment's units (path `lines.i.serials.j`, such as a scanned GTIN of another
 * SKU) on their CSV lines. False when no issue names a unit.
 */
function onRows(
  issues: readonly Issue[] | undefined,
  lines: { rows: ShipmentGroup['rows'] }[],
  log: ErrorLog,
): boolean {
  let placed = false;
  for (const issue of issues ?? []) {
    const path = issue.path as unknown[] | undefined;
    const row =
      path?.[0] === 'lines' && path[2] === 'serials'
        ? lines[path[1] as number]?.rows[path[3] as number]
        : undefined;
    if (!row) continue;
    placed = true;
    log.add({
      line: row.line,
      serial: row.serial,
      code: issue.code,
      message: issue.message,
      issues: [issue],
    });
  }
  return placed;
}

/**
 * Puts each shipment problem on the line of its unit, matching typed serials through the SKU's
 * format; a `repeated` problem goes to the line that repeats the serial.
 */
async function reportProblems(
  ctx: ClientContext,
  group: ShipmentGroup,
  problems: ShipmentProblem[],
  log: ErrorLog,
): Promise<void> {
  const pending = new Map<string, ShipmentProblem[]>();
  const keyOf = (sku: string, serial: string, repeated: boolean) =>
    compositeKey(repeated ? 'r' : 'p', sku, serial);
  for (const problem of problems) {
    const key = keyOf(problem.sku, problem.serial, problem.reason === 'repeated');
    const list = pending.get(key);
    if (list) list.push(problem);
    else pending.set(key, [problem]);
  }
  const take = (key: string) => {
    const list = pending.get(key);
    const problem = list?.shift();
    if (list && list.length === 0) pending.delete(key);
    return problem;
  };
  const formats = new Map<string, Sku | null>();
  const seen = new Set<string>();
  for (const row of group.rows) {
    let sku = formats.get(row.sku);
    if (sku === undefined) {
      sku = await ctx.store.getSku(row.sku);
      formats.set(row.sku, sku);
    }
    let typed = row.serial;
    const scanning = sku ? readScanned(ctx, row.serial, sku) : undefined;
    if (scanning) {
      const scanned = await scanning;
      if (scanned.ok) typed = scanned.serial;
    }
    const result = sku ? ctx.formats.of(sku).validate(typed) : undefined;
    const serial = result?.success ? result.data.serial : row.serial;
    const unit = compositeKey(row.sku, serial);
    const repeated = seen.has(unit);
    seen.add(unit);
    const problem =
      take(keyOf(row.sku, serial, repeated)) ??
      (repeated ? undefined : take(keyOf(row.sku, row.serial, false)));
    if (!problem) continue;
    log.add({
      line: row.line,
      serial: row.serial,
      code: problem.reason,
      message: problemMessage(problem),
      ...(problem.issues ? { issues: problem.issues } : {}),
    });
  }
  for (const list of pending.values()) {
    for (const problem of list) {
      log.add({
        line: group.rows[0]!.line,
        serial: problem.serial,
        code: problem.reason,
        message: problemMessage(problem),
      });
    }
  }
}

function problemMessage(problem: ShipmentProblem): string {
  switch (problem.reason) {
    case 'not_found':
      return `Serial ${problem.serial} is not registered for SKU ${problem.sku}`;
    case 'wrong_sku':
      return `Serial ${problem.serial} belongs to SKU ${problem.actualSku}, not ${problem.sku}`;
    case 'not_in_stock':
      return `Serial ${problem.serial} is not in stock (${problem.status})`;
    case 'recalled':
      return `Serial ${problem.serial} is recalled`;
    case 'repeated':
      return `Serial ${problem.serial} appears twice in this order`;
    case 'invalid_format':
      return (
        problem.issues?.[0]?.message ?? `Serial ${problem.serial} does not match the SKU's format`
      );
  }
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
