/**
 * Typed input of indexed formats is confirmed on the matcher's fast paths (the canonical serial
 * rebuilt from the skeleton), not by the format's lenient aligner. The matcher counts its
 * fallbacks to the lenient path for this test; the answers are checked against `validate` too.
 */
import { describe, expect, it } from 'vitest';
import { checksums, compileFormat } from '../src/index.js';
import { lenientFallbacks } from '../src/matching/confirm.js';
import { createMatcher } from '../src/matching/index.js';

const GIFT_CARD = compileFormat('{C:10}{check:crockford}');

/** Gift card serials whose check character is a letter or digit, and one whose is `*`. */
function giftCards(): { plain: string[]; starred: string } {
  const plain: string[] = [];
  let starred = '';
  for (let n = 0; plain.length < 20 || starred === ''; n++) {
    const data = `7K${String(n).padStart(4, '0')}QR9M`;
    const serial = data + checksums.crockford.compute(data);
    if (/[0-9A-Z]$/.test(serial)) plain.push(serial);
    else if (serial.endsWith('*')) starred ||= serial;
  }
  return { plain, starred };
}

/** How a customer types a printed gift card code. */
function typedForms(serial: string): string[] {
  const lower = serial.toLowerCase();
  const grouped = serial.replace(/(.{4})(?=.)/g, '$1 ');
  return [
    lower,
    grouped,
    grouped.toLowerCase(),
    ` ${lower} `,
    serial.replace(/-/g, ' '),
    // Crockford's look-alikes: O for 0, I and L for 1.
    serial.replace(/0/g, 'O').replace(/1/g, 'l'),
    lower.replace(/0/g, 'o').replace(/1/g, 'i'),
    serial.slice(0, 5) + '-' + serial.slice(5),
  ];
}

describe('typed gift card serials ({C:10}{check:crockford})', () => {
  const matcher = createMatcher([
    { id: 'GIFT-50', format: GIFT_CARD },
    { id: 'HP-200', format: 'SN-{YYYY}-{D:6}{check:luhn}' },
    { id: 'CHARGER', format: '{A:3}{D:7}' },
  ]);
  const { plain, starred } = giftCards();

  it('match as validate says, without the lenient path', () => {
    const before = { ...lenientFallbacks };
    let checked = 0;
    for (const serial of plain) {
      for (const typed of typedForms(serial)) {
        const expected = GIFT_CARD.validate(typed);
        expect(expected.success, typed).toBe(true);
        expect(matcher.match(typed)).toEqual([
          { id: 'GIFT-50', data: expected.success ? expected.data : undefined },
        ]);
        checked++;
      }
    }
    expect(checked).toBe(plain.length * 8);
    expect(lenientFallbacks).toEqual(before);
  });

  it('a mistyped check character is refused on the fast path too', () => {
    const before = { ...lenientFallbacks };
    const serial = plain[0]!;
    const wrong = serial.slice(0, -1) + (serial.endsWith('7') ? '8' : '7');
    expect(GIFT_CARD.validate(wrong.toLowerCase()).success).toBe(false);
    expect(matcher.match(wrong.toLowerCase())).toEqual([]);
    expect(lenientFallbacks).toEqual(before);
  });

  it('a check symbol that is not a letter or digit is left to validate', () => {
    // `*` can be the check character itself: the skeleton cannot tell, so the format decides.
    const before = lenientFallbacks.noLayout;
    const expected = GIFT_CARD.validate(starred.toLowerCase());
    expect(expected.success).toBe(true);
    expect(matcher.match(starred.toLowerCase())).toEqual([
      { id: 'GIFT-50', data: expected.success ? expected.data : undefined },
    ]);
    expect(lenientFallbacks.noLayout).toBe(before + 1);
  });
});
