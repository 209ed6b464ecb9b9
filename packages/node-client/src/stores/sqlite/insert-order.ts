import type { SerialInsert } from '../../store.js';

/** Batches at least this large are inserted in key order (see `insertionOrder`). */
const SORT_BATCHES_FROM = 2_000;

/**
 * The order to insert a batch in: by `uniqueKey`, ties in batch order, or null to keep batch order
 * (small or already sorted batches). Inserting in key order turns random B-tree insertions into
 * near-appends in the primary key and the `serial` index, which is several times
 * faster for large batches of shuffled or random serials once the indexes outgrow the page
 * cache. Conflicts come out the same as in batch order because rows that can conflict within a
 * batch share a `uniqueKey` (see `SerialInsert.uniqueKey`), and a stable sort keeps those in
 * batch order.
 */
export function insertionOrder(rows: readonly SerialInsert[]): Uint32Array | null {
  if (rows.length < SORT_BATCHES_FROM) return null;
  let sorted = true;
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i - 1] as SerialInsert).uniqueKey > (rows[i] as SerialInsert).uniqueKey) {
      sorted = false;
      break;
    }
  }
  if (sorted) return null;
  const keys = rows.map((row) => row.uniqueKey);
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Code-unit order is fine here: the order only needs to group and localize keys.
  return order.sort((a, b) => {
    const x = keys[a] as string;
    const y = keys[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}
