/**
 * `SerialFilter` → SQL conditions, shared by the SQLite and PostgreSQL stores so both select
 * exactly what the memory store selects. Values are always bound, never spliced into SQL.
 */
import { BadRequestError } from '../../errors.js';
import type { EventFilter, SerialFilter, SerialRange } from '../../store.js';
import { compareCodePoints, numericKey, prefixEnd, rangeEnvelope } from './order.js';
import { NOTICE_KEY } from './records.js';
import { millisRange } from './timestamps.js';

/** How a SQL engine spells what differs between SQLite and PostgreSQL. */
export interface SqlDialect {
  /** The placeholder of the n-th bound value (1-based). */
  placeholder(n: number): string;
  /** `column` is one of the strings bound as one value at `placeholder`. */
  inList(column: string, placeholder: string): string;
  /** The bound value `inList` expects. */
  listValue(values: readonly string[]): unknown;
  /** A condition that is always false. */
  readonly never: string;
}

/** Bound values of one statement, numbered in order. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(readonly dialect: SqlDialect) {}

  /** Binds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  }

  /** `column` is one of `values` (always false for an empty list). */
  in(column: string, values: readonly string[]): string {
    if (values.length === 0) return this.dialect.never;
    if (values.length === 1) return `${column} = ${this.add(values[0])}`;
    return this.dialect.inList(column, this.add(this.dialect.listValue(values)));
  }
}

function between(
  column: string,
  range: { from: string; to: string } | undefined,
  params: SqlParams,
  out: string[],
): void {
  if (range)
    out.push(`${column} >= ${params.add(range.from)} AND ${column} <= ${params.add(range.to)}`);
}

function equals(column: string, value: string | undefined, params: SqlParams, out: string[]): void {
  if (value !== undefined) out.push(`${column} = ${params.add(value)}`);
}

/**
 * A range in the order of `SerialRange.numericAt`, as row comparisons of `numericKey`'s (text
 * before the position, length and text of the rest without leading zeros): two writings of one
 * number are both in a range that names it. `rangeEnvelope` adds the plain bounds an index
 * serves.
 */
function numericRange(range: SerialRange, params: SqlParams, out: string[]): void {
  const at = range.numericAt;
  if (!Number.isSafeInteger(at) || (at as number) < 0) {
    throw new BadRequestError('range.numericAt must be a non-negative integer', {
      details: { numericAt: at },
    });
  }
  // An integer inlined, as LIMIT is: a bound one would need a cast in PostgreSQL.
  const rest = `ltrim(substr(serial, ${(at as number) + 1}), '0')`;
  const key = `(substr(serial, 1, ${at}), length(${rest}), ${rest})`;
  const bound = (value: string) => {
    const { head, rest, restLength } = numericKey(value, at as number);
    return `(${params.add(head)}, ${params.add(restLength)}, ${params.add(rest)})`;
  };
  out.push(`${key} >= ${bound(range.from)}`, `${key} <= ${bound(range.to)}`);
}

/**
 * The conditions (to AND together) that select the units of a filter from `serials`, after the
 * (sku, serial) key of a page cursor when one is given.
 */
export function serialConditions(
  filter: SerialFilter,
  params: SqlParams,
  after: readonly string[] | null = null,
): string[] {
  const out: string[] = [];
  equals('sku', filter.sku, params, out);
  // With the SKU fixed, the cursor is a lower bound on `serial` alone, so the primary key seeks
  // straight to the page instead of rescanning the SKU from its first unit.
  let lower: { value: string; inclusive: boolean } | null = null;
  if (after) {
    const [afterSku = '', afterSerial = ''] = after;
    if (filter.sku === undefined) {
      out.push(`(sku, serial) > (${params.add(afterSku)}, ${params.add(afterSerial)})`);
    } else {
      const order = compareCodePoints(afterSku, filter.sku);
      if (order > 0) out.push(params.dialect.never);
      else if (order === 0) lower = { value: afterSerial, inclusive: false };
    }
  }
  const raise = (value: string) => {
    if (!lower || compareCodePoints(value, lower.value) > 0) lower = { value, inclusive: true };
  };
  const envelope = filter.range ? rangeEnvelope(filter.range) : null;
  if (envelope) raise(envelope.from);
  // A prefix is a range rather than LIKE: no escaping, no collation surprises, index-friendly.
  if (filter.prefix !== undefined) raise(filter.prefix);
  const from = lower as { value: string; inclusive: boolean } | null;
  if (from) out.push(`serial ${from.inclusive ? '>=' : '>'} ${params.add(from.value)}`);
  if (envelope?.to !== undefined) out.push(`serial <= ${params.add(envelope.to)}`);
  if (envelope?.before) out.push(`serial < ${params.add(envelope.before)}`);
  if (filter.range?.numericAt !== undefined) numericRange(filter.range, params, out);
  if (filter.prefix !== undefined) {
    const end = prefixEnd(filter.prefix);
    if (end !== null) out.push(`serial < ${params.add(end)}`);
  }
  if (filter.status !== undefined) {
    out.push(params.in('status', Array.isArray(filter.status) ? filter.status : [filter.status]));
  }
  equals('lot', filter.lot, params, out);
  if (filter.serials !== undefined) out.push(params.in('serial', filter.serials));
  equals('order_id', filter.orderId, params, out);
  equals('customer_id', filter.customerId, params, out);
  equals('customer_email', filter.customerEmail, params, out);
  equals('account_id', filter.accountId, params, out);
  if (filter.recalled !== undefined) {
    out.push(filter.recalled ? 'recall_id IS NOT NULL' : 'recall_id IS NULL');
  }
  equals('recall_id', filter.recallId, params, out);
  between('manufactured_at', filter.manufacturedBetween, params, out);
  // Kept as milliseconds: the string bounds become the integer bounds that select the same units.
  if (filter.registeredBetween) {
    const { from, to } = millisRange(filter.registeredBetween);
    out.push(`registered_at >= ${params.add(from)} AND registered_at <= ${params.add(to)}`);
  }
  between('shipped_at', filter.shippedBetween, params, out);
  return out;
}

/** The conditions that select events. */
export function eventConditions(filter: EventFilter, params: SqlParams): string[] {
  const out: string[] = [];
  equals('sku', filter.sku, params, out);
  // Notices (rows of no unit) are in the log, not in unit event lists.
  if (filter.sku === undefined) out.push(`sku <> '${NOTICE_KEY}'`);
  equals('serial', filter.serial, params, out);
  if (filter.type !== undefined) {
    out.push(params.in('type', Array.isArray(filter.type) ? filter.type : [filter.type]));
  }
  between('at', filter.between, params, out);
  return out;
}

/** `WHERE a AND b …`, or nothing when there are no conditions. */
export function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}
