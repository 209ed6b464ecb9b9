/** Input validation shared by the workflows: zod failures become `ValidationError`s. */
import { type Issue, isoDateTime, type SerialIssue } from '@serialkit/core';
import { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Wire issues of a zod error: code, message and path of each. */
export function zodIssues(error: z.ZodError, prefix: (string | number)[] = []): Issue[] {
  return error.issues.map((issue) => ({
    code: issue.code,
    message: issue.message,
    path: [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
  }));
}

/**
 * Parses `value` with `schema`, or throws a `ValidationError` whose issues say what and where.
 *
 * @example
 * const input = parseInput(shipmentCreateSchema, body, 'shipment');
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  prefix: (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(`Invalid ${what}`, { issues: zodIssues(result.error, prefix) });
}

/** A core validation issue as it travels over the wire, optionally with a path. */
export function wireIssues(issues: readonly SerialIssue[], path?: (string | number)[]): Issue[] {
  return issues.map((issue) => (path ? { ...issue, path } : { ...issue }));
}

/** Longest serial read as typed or scanned (a GS1 Digital Link included). */
export const MAX_SERIAL_INPUT_LENGTH = 2000;

/** Throws a `ValidationError` unless `value` is a non-empty string of at most `max` characters. */
export function requireString(value: unknown, name: string, max = MAX_SERIAL_INPUT_LENGTH): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new ValidationError(`Invalid ${name}`, {
      issues: [
        {
          code: typeof value === 'string' ? 'invalid_length' : 'invalid_type',
          message: `${name} must be a string of 1 to ${max} characters`,
          path: [name],
        },
      ],
    });
  }
  return value;
}

/** Core's `isoDateTime` schema's pattern, for hot loops that skip zod. */
const ISO_DATE = isoDatePattern();

function isoDatePattern(): RegExp {
  const { pattern } = z.toJSONSchema(isoDateTime);
  if (typeof pattern !== 'string') throw new TypeError("core's isoDateTime schema has no pattern");
  return new RegExp(pattern);
}

/** True for an ISO 8601 date or timestamp as the schemas accept it. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}

/**
 * A point in time as stores compare it: UTC `Date#toISOString()` form, so that string order is
 * time order. Date-only input means midnight UTC. Returns null for impossible dates.
 */
export function toTimestamp(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * A date field (manufactured, received): calendar dates stay `YYYY-MM-DD`, timestamps become
 * UTC `toISOString()` form. Returns null for impossible dates.
 */
export function toDateOrTimestamp(value: string): string | null {
  if (value.length === 10) return Number.isNaN(Date.parse(value)) ? null : value;
  return toTimestamp(value);
}

/**
 * An inclusive range over date fields: a calendar-date upper bound covers its whole day, since
 * timestamps of that day sort after the bare date.
 */
export function dateRange(range: { from: string; to: string }): { from: string; to: string } {
  const from = toDateOrTimestamp(range.from) ?? range.from;
  const to = toDateOrTimestamp(range.to) ?? range.to;
  return { from, to: to.length === 10 ? `${to}T23:59:59.999Z` : to };
}

/** `toTimestamp`, or a `ValidationError` at `path`. */
export function requireTimestamp(value: string, path: (string | number)[]): string {
  const timestamp = toTimestamp(value);
  if (timestamp === null) {
    throw new ValidationError('Invalid date', {
      issues: [{ code: 'invalid_date', message: 'This date does not exist', path }],
    });
  }
  return timestamp;
}
