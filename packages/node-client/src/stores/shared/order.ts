/**
 * Binary string order shared by every store. SQLite's BINARY collation and PostgreSQL's "C"
 * collation compare UTF-8 bytes, which is Unicode code point order; JavaScript's `<` compares
 * UTF-16 code units, which differs for characters above U+FFFF. The memory store sorts with
 * `compareCodePoints` so all stores agree on ranges, prefixes and page order.
 */

/** Compares two strings by Unicode code point (the order of UTF-8 bytes). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (D800–DFFF) encode code points above FFFF: move them above E000–FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

const MAX_CODE_POINT = 0x10ffff;

/**
 * The smallest string greater than every string that starts with `prefix` (in code point order),
 * or null when there is none. `prefix <= s < prefixEnd(prefix)` selects exactly the strings that
 * start with `prefix`, as a range an index can serve.
 */
export function prefixEnd(prefix: string): string | null {
  const points = Array.from(prefix, (char) => char.codePointAt(0) ?? 0);
  while (points.length > 0) {
    const last = points.pop() ?? MAX_CODE_POINT;
    if (last === MAX_CODE_POINT) continue;
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    return String.fromCodePoint(...points, next);
  }
  return null;
}

/** The first `count` characters (code points) of a string, and its length in code points. */
export function headAndLength(value: string, count: number): { head: string; length: number } {
  let head = '';
  let length = 0;
  for (const char of value) {
    if (length < count) head += char;
    length++;
  }
  return { head, length };
}

/**
 * A serial's sort key in a range with `numericAt` (see `SerialRange`): the text before the
 * position, and the rest without its leading zeros (`SN-007` is 7, between `SN-6` and `SN-10`)
 * with that rest's length in code points. The SQL stores compute the same key (`filter.ts`).
 */
export function numericKey(
  value: string,
  numericAt: number,
): { head: string; rest: string; restLength: number } {
  const chars = [...value];
  const head = chars.slice(0, numericAt).join('');
  let from = numericAt;
  while (chars[from] === '0') from++;
  const rest = chars.slice(from);
  return { head, rest: rest.join(''), restLength: rest.length };
}

/**
 * Compares two serials in the order of a range (see `SerialRange`): by code point, or with
 * `numericAt` by the text before it, then by the rest as a number (leading zeros left out:
 * shorter first, then by code point). Two writings of one number compare equal, so a range
 * bound holds both (`SN-11` to `SN-11` holds `SN-011`).
 */
export function compareInRange(a: string, b: string, numericAt: number | undefined): number {
  if (numericAt === undefined) return compareCodePoints(a, b);
  const x = numericKey(a, numericAt);
  const y = numericKey(b, numericAt);
  return (
    compareCodePoints(x.head, y.head) ||
    x.restLength - y.restLength ||
    compareCodePoints(x.rest, y.rest)
  );
}

/**
 * Bounds on plain string order that hold every serial of a range, so an index can serve it:
 * `from` inclusive, `before` exclusive (null: no upper bound). A plain range is its own bounds,
 * with `to` inclusive (`before` undefined).
 */
export function rangeEnvelope(range: {
  from: string;
  to: string;
  numericAt?: number | undefined;
}): { from: string; to?: string; before?: string | null } {
  if (range.numericAt === undefined) return { from: range.from, to: range.to };
  return {
    from: headAndLength(range.from, range.numericAt).head,
    before: prefixEnd(headAndLength(range.to, range.numericAt).head),
  };
}
