/**
 * The character sets of GS1 Application Identifier values (GS1 General Specifications 7.11),
 * as lookup tables over ASCII so that checks cost one load per character.
 */

/**
 * GS1 AI encodable character set 82, in the order that gives each character its value in the
 * alphanumeric check character pair (GS1 General Specifications Figure 7.11-1).
 */
export const GS1_SET_82 =
  '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** GS1 AI encodable character set 39 (Figure 7.11-2). */
export const GS1_SET_39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * GS1 AI encodable character set 64 (Figure 7.11-3), the URL- and file-safe base64 alphabet plus
 * `=`, which is padding: see {@link isSet64Padding}.
 */
export const GS1_SET_64 = '-0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** Bit flags in {@link CHARSET_FLAGS}. */
export const NUMERIC_BIT = 1;
export const SET_82_BIT = 2;
export const SET_39_BIT = 4;
export const SET_64_BIT = 8;

/** For each ASCII code, the sets it belongs to (see the `*_BIT` flags). Codes ≥ 128 are in none. */
export const CHARSET_FLAGS: Uint8Array = /* @__PURE__ */ buildFlags();

/** For each ASCII code, its value in set 82 (0-81), or -1. */
export const SET_82_VALUES: Int8Array = /* @__PURE__ */ buildValues(GS1_SET_82);

function buildFlags(): Uint8Array {
  const flags = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) flags[c]! |= NUMERIC_BIT;
  const sets: [string, number][] = [
    [GS1_SET_82, SET_82_BIT],
    [GS1_SET_39, SET_39_BIT],
    [GS1_SET_64, SET_64_BIT],
  ];
  for (const [chars, bit] of sets) {
    for (let i = 0; i < chars.length; i++) flags[chars.charCodeAt(i)]! |= bit;
  }
  // `=` is set 64's padding, not one of its characters: only `set64PaddingStart` admits it.
  flags[61]! &= ~SET_64_BIT;
  return flags;
}

function buildValues(chars: string): Int8Array {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < chars.length; i++) values[chars.charCodeAt(i)] = i;
  return values;
}

/** Index where the trailing run of `=` padding of the set 64 value `s[start, end)` begins. */
export function set64PaddingStart(s: string, start: number, end: number): number {
  let padStart = end;
  while (padStart > start && s.charCodeAt(padStart - 1) === 61 /* = */) padStart--;
  return padStart;
}

/**
 * Is the padding `s[padStart, end)` of the set 64 value `s[start, end)` as GS1 allows it? `=`
 * pads only at the end, at most twice, and a padded value's length is a multiple of 3 (the rule
 * of GS1's reference implementation, gs1-syntax-engine's `cset64` linter). A `=` anywhere else is
 * a character outside set 64.
 */
export function isSet64Padding(start: number, padStart: number, end: number): boolean {
  const pads = end - padStart;
  return pads === 0 || (pads <= 2 && (end - start) % 3 === 0);
}
