/**
 * Composite keys: the store's uniqueness key of a unit, and the in-memory keys workflows build
 * from several ids. Parts are joined with U+001F (unit separator), a control character that no
 * SKU id, order id or canonical serial may contain, so two different tuples never share a key.
 */
import type { Sku } from '@serialkit/core';

const SEPARATOR = '\u001f';

/**
 * One key for a tuple of ids (a unit's SKU and serial, an order and a SKU…), for maps and sets.
 *
 * @example
 * seen.add(compositeKey(sku, serial));
 */
export function compositeKey(...parts: string[]): string {
  return parts.join(SEPARATOR);
}

/**
 * What precedes the serial in the uniqueness key of a SKU's units (see `SerialInsert.uniqueKey`):
 * nothing under 'global' uniqueness (a serial is unique across every such SKU), the SKU id and
 * the separator under 'sku' uniqueness. Computed once per SKU: registration prepends it to each
 * of millions of serials.
 *
 * @example
 * uniqueKeyPrefix(sku) + 'SN-1'; // 'KB-100\u001fSN-1' ('sku' uniqueness) or 'SN-1' ('global')
 */
export function uniqueKeyPrefix(sku: Sku): string {
  return sku.serialTracking.uniqueness === 'global' ? '' : sku.sku + SEPARATOR;
}
