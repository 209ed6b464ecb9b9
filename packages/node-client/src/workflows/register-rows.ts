/**
 * The rules of a registration row, wherever it comes from (`serials.register`, CSV imports,
 * `serials.generate`): the SKU tracks serials, the row has the shape core's register row schema
 * describes (the lot within its limit, dates that are ISO 8601 and exist), and a valid row
 * becomes a store insert keyed by the SKU's uniqueness policy.
 *
 * Rows are read by hand rather than with zod: registration runs this for millions of rows.
 */
import { type Issue, registerRowSchema, type Sku } from '@serialkit/core';
import { ConflictError } from '../errors.js';
import type { SerialInsert } from '../store.js';
import type { ClientContext } from './context.js';
import { isIsoDate, MAX_SERIAL_INPUT_LENGTH, toDateOrTimestamp } from './input.js';
import { uniqueKeyPrefix } from './keys.js';

/** Longest lot: the limit core's register row schema sets. */
export const MAX_LOT_LENGTH =
  registerRowSchema.options[1].shape.lot.unwrap().maxLength ?? Number.POSITIVE_INFINITY;

/** A row's optional details in store form; absent and empty ones are left out. */
export interface RowDetails {
  lot?: string;
  manufacturedAt?: string;
  receivedAt?: string;
}

/** An object row of `serials.register` once read: the serial as given and its details. */
export interface RowWithDetails {
  serial: string;
  details: RowDetails;
}

/** Why a row cannot be registered. `path` names the field at fault. */
export interface RowProblem {
  code: string;
  message: string;
  path?: string[];
}

/** What callers call the detail fields in their messages (CSV columns are snake case). */
export interface DetailNames {
  lot: string;
  manufacturedAt: string;
  receivedAt: string;
}

const FIELD_NAMES: DetailNames = {
  lot: 'lot',
  manufacturedAt: 'manufacturedAt',
  receivedAt: 'receivedAt',
};

/** The problem of registering units of a SKU whose serial tracking is off, if it is off. */
export function trackingProblem(sku: Sku): RowProblem | undefined {
  return sku.serialTracking.enabled
    ? undefined
    : { code: 'tracking_disabled', message: `Serial tracking is off for SKU ${sku.sku}` };
}

/** The SKU, if serial tracking is on for it (else `ConflictError`; unknown: `NotFoundError`). */
export async function requireTrackedSku(ctx: ClientContext, id: string): Promise<Sku> {
  const sku = await ctx.requireSku(id);
  const problem = trackingProblem(sku);
  if (problem) {
    throw new ConflictError(problem.message, { details: { sku: id, reason: problem.code } });
  }
  return sku;
}

/**
 * Reads a row of `serials.register`: a serial (returned as is, so that a bare serial costs no
 * object), or `{ serial, lot?, manufacturedAt?, receivedAt? }` with nothing else. A row that
 * cannot be registered gives its problem, with the row's serial (as far as it can be told) as
 * `input`.
 */
export function readRow(
  row: unknown,
): string | RowWithDetails | { input: string; problem: RowProblem } {
  if (typeof row === 'string') {
    return row.length > MAX_SERIAL_INPUT_LENGTH
      ? rejected(row, 'too_long', 'The serial is too long', 'serial')
      : row;
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    return rejected(
      String(row),
      'invalid_type',
      'A row is a serial or { serial, lot?, manufacturedAt?, receivedAt? }',
    );
  }
  const { serial, lot, manufacturedAt, receivedAt } = row as Record<string, unknown>;
  if (typeof serial !== 'string')
    return rejected('', 'invalid_type', 'serial must be a string', 'serial');
  if (serial.length > MAX_SERIAL_INPUT_LENGTH)
    return rejected(serial, 'too_long', 'The serial is too long', 'serial');
  for (const key in row) {
    if (key !== 'serial' && key !== 'lot' && key !== 'manufacturedAt' && key !== 'receivedAt') {
      return rejected(serial, 'unrecognized_keys', `Unknown field ${key}`, key);
    }
  }
  const details = readDetails(lot, manufacturedAt, receivedAt);
  return 'code' in details ? { input: serial, problem: details } : { serial, details };
}

/**
 * Checks a row's lot and dates (each may be absent or empty) and gives them in store form, or
 * the first problem. `names` are the fields' names in the problem's message.
 */
export function readDetails(
  lot: unknown,
  manufacturedAt: unknown,
  receivedAt: unknown,
  names: DetailNames = FIELD_NAMES,
): RowDetails | RowProblem {
  if (lot !== undefined && (typeof lot !== 'string' || lot.length > MAX_LOT_LENGTH)) {
    return {
      code: 'invalid_lot',
      message: `${names.lot} must be a string of at most ${MAX_LOT_LENGTH} characters`,
      path: ['lot'],
    };
  }
  const manufactured = readDate(manufacturedAt);
  if (manufactured === null) return dateProblem('manufacturedAt', names);
  const received = readDate(receivedAt);
  if (received === null) return dateProblem('receivedAt', names);
  const details: RowDetails = {};
  if (typeof lot === 'string' && lot !== '') details.lot = lot;
  if (manufactured !== undefined) details.manufacturedAt = manufactured;
  if (received !== undefined) details.receivedAt = received;
  return details;
}

function dateProblem(field: 'manufacturedAt' | 'receivedAt', names: DetailNames): RowProblem {
  return {
    code: 'invalid_date',
    message: `${names[field]} is not an ISO 8601 date`,
    path: [field],
  };
}

/** A row's date in store form; undefined when absent or empty, null when not a date. */
export function readDate(value: unknown): string | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !isIsoDate(value)) return null;
  return toDateOrTimestamp(value);
}

/** The problem as the wire issue of a rejected row. */
export function rowIssue(input: string, problem: RowProblem): Issue {
  return { ...problem, input };
}

/**
 * Turns a SKU's valid rows into store inserts. The uniqueness key's prefix is computed once:
 * this runs for every registered unit.
 */
export function insertsOf(
  sku: Sku,
): (serial: string, registeredAt: string, details?: RowDetails) => SerialInsert {
  const prefix = uniqueKeyPrefix(sku);
  const id = sku.sku;
  return (serial, registeredAt, details) => {
    const insert: SerialInsert = { sku: id, serial, uniqueKey: prefix + serial, registeredAt };
    return details === undefined ? insert : Object.assign(insert, details);
  };
}

function rejected(input: string, code: string, message: string, field?: string) {
  return { input, problem: { code, message, ...(field ? { path: [field] } : {}) } };
}
