/**
 * Serial ranges as a person means them: in the order of the SKU's format. Where a format has a
 * variable-length run of digits (`SN-{D:1-6}`), `SN-9` to `SN-12` holds `SN-10` and `SN-11`,
 * which text order would miss; the store compares such ranges with `SerialRange.numericAt`.
 * Fixed-length formats keep plain text order, which already is the order of their fields.
 */
import { DATE_PART_LENGTH, type SerialFormat } from '@serialkit/core';
import type { SerialFilter, SerialRange } from '../store.js';
import type { ClientContext } from './context.js';

/**
 * Where a format's one variable-length field starts, when that field is a run of digits and
 * everything before it has a fixed width; undefined otherwise (text order is then the best
 * order there is, and the right one for fixed-length formats).
 *
 * @example
 * numericStart(compileFormat('SN-{D:1-6}')); // 3
 * numericStart(compileFormat('SN-{D:6}')); // undefined
 */
export function numericStart(format: SerialFormat): number | undefined {
  let width = 0;
  let start: number | undefined;
  for (const token of format.tokens) {
    if (token.kind === 'class' && token.min !== token.max) {
      if (token.charClass !== 'D' || start !== undefined) return undefined;
      start = width;
      continue;
    }
    if (start !== undefined) continue;
    if (token.kind === 'literal') width += [...token.text].length;
    else if (token.kind === 'class') width += token.min;
    else if (token.kind === 'date') width += DATE_PART_LENGTH[token.part];
    else width += token.length;
  }
  return start;
}

/** A range of a SKU's canonical serials, in the order of its format. */
export function formatRange(
  format: SerialFormat,
  range: { from: string; to: string },
): SerialRange {
  const numericAt = numericStart(format);
  return numericAt === undefined
    ? { from: range.from, to: range.to }
    : { from: range.from, to: range.to, numericAt };
}

/**
 * The filter with its range in the order of the SKU's format, when it names a SKU with a format
 * and does not set the order itself. Used by every workflow that passes a caller's filter on.
 */
export async function orderedFilter(
  ctx: ClientContext,
  filter: SerialFilter,
): Promise<SerialFilter> {
  const range = filter.range;
  if (!range || range.numericAt !== undefined || typeof filter.sku !== 'string') return filter;
  const sku =
    (await ctx.catalog.snapshot()).get(filter.sku) ?? (await ctx.store.getSku(filter.sku));
  if (!sku) return filter;
  const numericAt = numericStart(ctx.formats.of(sku));
  return numericAt === undefined ? filter : { ...filter, range: { ...range, numericAt } };
}
