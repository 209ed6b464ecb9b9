/**
 * Query-string schemas shared by the list and export routes. Query values arrive as strings
 * (arrays when repeated); these schemas turn them into store filters.
 */
import { eventTypeSchema, isoDateTime, serialStatusSchema } from '@serialkit/core';
import { z } from 'zod';
import type { EventFilter, PageOptions, SerialFilter } from '../../store.js';

const text = z.string().min(1).max(500);
const boolean = z.enum(['true', 'false']).transform((value) => value === 'true');
/** One value, a comma-separated list, or a repeated parameter. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')))
    .pipe(z.array(item).min(1).max(100));

export const pageQuery = {
  cursor: z.string().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
};

export function pageOf(query: {
  cursor?: string | undefined;
  limit?: number | undefined;
}): PageOptions {
  return {
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  };
}

const serialFilterShape = {
  sku: text.optional(),
  status: list(serialStatusSchema).optional(),
  lot: text.optional(),
  prefix: text.optional(),
  from: text.optional().describe('Start of an inclusive serial range (needs `to`)'),
  to: text.optional().describe('End of an inclusive serial range (needs `from`)'),
  orderId: text.optional(),
  customerId: text.optional(),
  customerEmail: text.optional(),
  accountId: text.optional(),
  recalled: boolean.optional(),
  recallId: text.optional(),
  manufacturedFrom: isoDateTime.optional(),
  manufacturedTo: isoDateTime.optional(),
  shippedFrom: isoDateTime.optional(),
  shippedTo: isoDateTime.optional(),
};

type Between = { from: string; to: string };

function between(from: string | undefined, to: string | undefined): Between | undefined {
  if (from === undefined && to === undefined) return undefined;
  // An open end is closed with a bound that sorts before/after any ISO date.
  return { from: from ?? '0000-01-01', to: to ?? '9999-12-31T23:59:59.999Z' };
}

/**
 * The store filter of a query. Every `SerialFilter` field is named, so a new one does not compile
 * until the query offers it or says why not.
 */
function toSerialFilter(q: z.output<z.ZodObject<typeof serialFilterShape>>): SerialFilter {
  const filter: { [K in keyof Required<SerialFilter>]: SerialFilter[K] } = {
    sku: q.sku,
    status: q.status?.length === 1 ? q.status[0] : q.status,
    lot: q.lot,
    prefix: q.prefix,
    range: q.from !== undefined && q.to !== undefined ? { from: q.from, to: q.to } : undefined,
    // A list of serials is too long for a URL: the store protocol takes it in a body.
    serials: undefined,
    orderId: q.orderId,
    customerId: q.customerId,
    customerEmail: q.customerEmail,
    accountId: q.accountId,
    recalled: q.recalled,
    recallId: q.recallId,
    manufacturedBetween: between(q.manufacturedFrom, q.manufacturedTo),
    registeredBetween: undefined,
    shippedBetween: between(q.shippedFrom, q.shippedTo),
  };
  return definedOnly(filter);
}

/** The object without its undefined fields (stores read absent criteria as "any"). */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const rangeComplete = (q: { from?: string | undefined; to?: string | undefined }) =>
  (q.from === undefined) === (q.to === undefined);
const rangeMessage = { message: 'give both `from` and `to` for a serial range', path: ['from'] };

/** Filter of the serial list; `filter` is the store filter. */
export const serialListQuery = z
  .object({ ...serialFilterShape, ...pageQuery })
  .refine(rangeComplete, rangeMessage)
  .transform((q) => ({ filter: toSerialFilter(q), page: pageOf(q) }));

/** Filter of the serial export (no paging: the export streams everything). */
export const serialExportQuery = z
  .object(serialFilterShape)
  .refine(rangeComplete, rangeMessage)
  .transform((q) => toSerialFilter(q));

const eventFilterShape = {
  sku: text.optional(),
  serial: text.optional(),
  type: list(eventTypeSchema).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
};

function toEventFilter(q: z.output<z.ZodObject<typeof eventFilterShape>>): EventFilter {
  const filter: EventFilter = {};
  if (q.sku !== undefined) filter.sku = q.sku;
  if (q.serial !== undefined) filter.serial = q.serial;
  if (q.type !== undefined) filter.type = q.type.length === 1 ? q.type[0]! : q.type;
  const window = between(q.from, q.to);
  if (window) filter.between = window;
  return filter;
}

export const eventListQuery = z
  .object({ ...eventFilterShape, ...pageQuery })
  .transform((q) => ({ filter: toEventFilter(q), page: pageOf(q) }));

export const eventExportQuery = z.object(eventFilterShape).transform(toEventFilter);

export const skuListQuery = z
  .object({ tracking: boolean.optional(), ...pageQuery })
  .transform((q) => ({
    filter: q.tracking === undefined ? {} : { tracking: q.tracking },
    page: pageOf(q),
  }));

export const skuQuery = z.object({ sku: text.optional() });

export const recallListQuery = z
  .object({ sku: text.optional(), ...pageQuery })
  .transform((q) => ({ filter: q.sku === undefined ? {} : { sku: q.sku }, page: pageOf(q) }));

export const contactsQuery = z
  .object({ format: z.enum(['json', 'csv']).optional(), ...pageQuery })
  .transform((q) => ({ format: q.format, page: pageOf(q) }));

export const importSerialsQuery = z.object({ sku: text.optional() });
