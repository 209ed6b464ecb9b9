/**
 * How a store reads `SerialInsert.uniqueKey`. The client sets it to the serial for 'global'
 * uniqueness and to `${sku}\u001f${serial}` for 'sku' uniqueness. SQL stores keep only which of
 * the two it is: (sku, serial) is already the primary key, so 'sku' uniqueness needs no index of
 * its own, and 'global' units share one unique index on the serial.
 */
import { BadRequestError } from '../../errors.js';
import type { SerialInsert } from '../../store.js';

/**
 * True when the row's serial must be unique across every 'global' unit, false when within its
 * SKU. Throws `BadRequestError` for a key of neither form.
 */
export function isGlobalKey(row: Pick<SerialInsert, 'sku' | 'serial' | 'uniqueKey'>): boolean {
  const { sku, serial, uniqueKey } = row;
  if (uniqueKey === serial) return true;
  if (
    typeof uniqueKey === 'string' &&
    uniqueKey.length === sku.length + 1 + serial.length &&
    uniqueKey.charCodeAt(sku.length) === 0x1f &&
    uniqueKey.startsWith(sku) &&
    uniqueKey.endsWith(serial)
  ) {
    return false;
  }
  throw new BadRequestError(
    "uniqueKey must be the serial ('global' uniqueness) or the SKU, U+001F and the serial ('sku' uniqueness)",
    { details: { sku, serial, uniqueKey } },
  );
}
