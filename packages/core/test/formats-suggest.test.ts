import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileFormat } from '../src/formats/index.js';

describe('suggest', () => {
  test('a look-alike comes first', () => {
    const format = compileFormat('{A:3}{D:7}');
    const suggestions = format.suggest('ABC12345O7');
    expect(suggestions[0]).toEqual({
      serial: 'ABC1234507',
      change: { kind: 'lookalike', position: 8, from: 'O', to: '0' },
      score: 0.9,
    });
    // Without a check character any digit fits; the limit keeps the list short.
    expect(suggestions).toHaveLength(5);
    expect(format.suggest('ABC12345O7', { limit: 2 })).toHaveLength(2);
  });

  test('a check digit leaves few candidates, every one valid, swaps ranked first', () => {
    const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
    const suggestions = format.suggest('SN-2024-0001283', { limit: 50 });
    expect(suggestions[0]).toEqual({
      serial: 'SN-2024-0001238',
      change: { kind: 'transpose', position: 13, from: '83', to: '38' },
      score: 0.6,
    });
    // Luhn leaves at most one digit per position, plus a few swaps.
    expect(suggestions.length).toBeLessThanOrEqual(15);
    for (const suggestion of suggestions) {
      expect(format.test(suggestion.serial)).toBe(true);
    }
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('positions are those of the input as typed', () => {
    const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
    expect(format.suggest('  sn 2024 000I238')[0]).toEqual({
      serial: 'SN-2024-0001238',
      change: { kind: 'lookalike', position: 13, from: 'I', to: '1' },
      score: 0.9,
    });
  });

  test('nothing to suggest for valid input or input more than one edit away', () => {
    const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
    expect(format.suggest('sn 2024 0001238')).toEqual([]);
    expect(format.suggest('SN-2024-00012')).toEqual([]);
    expect(format.suggest('SN-2024-ABCD238')).toEqual([]);
    expect(format.suggest('')).toEqual([]);
    expect(format.suggest('x'.repeat(10_000))).toEqual([]);
  });

  test('a wrong literal', () => {
    const format = compileFormat('SN-{D:4}');
    expect(format.suggest('SM-1234')).toEqual([
      {
        serial: 'SN-1234',
        change: { kind: 'substitute', position: 1, from: 'M', to: 'N' },
        score: 0.3,
      },
    ]);
  });

  test('a wrong date part', () => {
    const format = compileFormat('{YYYY}{MM}-{D:3}{check:damm}');
    const serial = format.generate({ sequence: 5, date: new Date('2024-05-01') });
    const typed = `${serial.slice(0, 4)}50${serial.slice(6)}`;
    expect(format.suggest(typed).map((s) => s.serial)).toContain(serial);
  });

  // That the work is bounded (about what a short field costs) is measured in bench/formats.bench.ts.
  test('long formats without a check character get valid suggestions', () => {
    const format = compileFormat('{S:150}-{YYYY}{MM}');
    const typed = `${'a'.repeat(150)}-202413`;
    const suggestions = format.suggest(typed);
    expect(suggestions.length).toBeGreaterThan(0);
    for (const suggestion of suggestions) expect(format.test(suggestion.serial)).toBe(true);
  });

  test('one typo in a check-digit format is found again', () => {
    const format = compileFormat('{D:10}{check:verhoeff}');
    fc.assert(
      fc.property(fc.nat(9_999_999_999), fc.nat(10), fc.nat(9), (sequence, at, digit) => {
        const serial = format.generate({ sequence });
        const typo = serial.slice(0, at) + digit + serial.slice(at + 1);
        const suggestions = format.suggest(typo, { limit: 20 });
        if (typo === serial) expect(suggestions).toEqual([]);
        else expect(suggestions.map((s) => s.serial)).toContain(serial);
      }),
      { numRuns: 100 },
    );
  });
});
