/**
 * How a message shows a typed character: quoted when it is visible, by name when it is a space,
 * by code point when it is invisible (control, zero-width or other whitespace).
 */
export function showCharacter(ch: string, open: string, close: string, space: string): string {
  if (ch === ' ') return space;
  const code = ch.codePointAt(0) ?? 0;
  const invisible =
    code < 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0xad ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x206f) ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0xd800 && code <= 0xdfff);
  if (invisible) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${open}${ch}${close}`;
}
