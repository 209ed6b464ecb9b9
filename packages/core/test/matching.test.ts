import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  CheckAlgorithmName,
  CompileOptions,
  FormatToken,
  SerialFormat,
} from '../src/index.js';
import { checksums, compileFormat } from '../src/index.js';
import { createMatcher, type MatcherEntry, type SerialMatch } from '../src/matching/index.js';
import { ANY, GROUP, KEY, maskOf, signatureOf } from '../src/matching/signature.js';

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────

/** The reference: every entry's own `validate`, in order. */
function naive<Id extends string>(
  entries: readonly { id: Id; format: SerialFormat }[],
  serial: string,
): SerialMatch<Id>[] {
  const out: SerialMatch<Id>[] = [];
  for (const { id, format } of entries) {
    const result = format.validate(serial);
    if (result.success) out.push({ id, data: result.data });
  }
  return out;
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function randomValues(next: () => number): (array: Uint32Array) => Uint32Array {
  return (array) => {
    for (let i = 0; i < array.length; i++) array[i] = Math.floor(next() * 2 ** 32);
    return array;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

const SEPARATORS = [' ', '-', '/', '.', '_', '  '];

/** How a person may type `serial`: lower case, separators moved, spaces around. */
function typedVariants(serial: string, next: () => number): string[] {
  const bare = serial.replace(/[-_./ ]/g, '');
  let spaced = '';
  for (const ch of bare) spaced += next() < 0.2 ? `${ch}${pick(next, SEPARATORS)}` : ch;
  // Full-width forms, as some Asian keyboards type them, and an en dash pasted from a document.
  const wide = serial.replace(/[0-9A-Za-z]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) + 0xfee0),
  );
  return [
    serial.toLowerCase(),
    bare,
    ` ${spaced} `,
    `\t${serial.replace(/-/g, ' ')}\n`,
    wide,
    serial.replace(/-/g, '\u2013'),
  ];
}

const LOOKALIKES: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z' };

/** Near misses: one character changed, dropped, doubled or replaced by its look-alike. */
function mutations(serial: string, next: () => number): string[] {
  if (serial.length === 0) return [];
  const at = Math.floor(next() * serial.length);
  const ch = serial[at]!;
  const other = pick(next, [...'0123456789ABCXYZabs-*']);
  const swapAt = Math.min(at, serial.length - 2);
  return [
    serial.slice(0, at) + other + serial.slice(at + 1),
    serial.slice(0, at) + serial.slice(at + 1),
    serial.slice(0, at) + ch + serial.slice(at),
    serial.slice(0, at) + (LOOKALIKES[ch] ?? ch.toLowerCase()) + serial.slice(at + 1),
    swapAt >= 0
      ? serial.slice(0, swapAt) + serial[swapAt + 1] + serial[swapAt] + serial.slice(swapAt + 2)
      : serial,
    `${serial}0`,
    serial.slice(1),
  ];
}

function compiled<Id extends string>(
  entries: readonly MatcherEntry<Id>[],
): { id: Id; format: SerialFormat }[] {
  return entries.map(({ id, format }) => ({
    id,
    format: typeof format === 'string' ? compileFormat(format) : format,
  }));
}

// ── A realistic catalogue ────────────────────────────────────────────────────────────────────

/**
 * Several hundred SKUs the way merchants have them: product families sharing a prefix with
 * different lengths, date-stamped serials, check digits, GS1 (case-sensitive) serials, ranged
 * lengths, formats shared by many SKUs, and a few legacy regular expressions.
 */
function catalogue(): { id: string; format: SerialFormat }[] {
  const next = rng(20240611);
  const entries: { id: string; format: SerialFormat }[] = [];
  const cache = new Map<string, SerialFormat>();
  const add = (id: string, pattern: string, options?: CompileOptions): void => {
    const key = `${pattern}|${options?.caseSensitive === true}`;
    let format = cache.get(key);
    if (!format) {
      format = compileFormat(pattern, options);
      cache.set(key, format);
    }
    entries.push({ id, format });
  };
  const prefixes = ['SN', 'AB-', 'AC-', 'XB', 'Q7-', 'MX', 'B8', 'SO', 'PX-', 'ZZ', 'LOT', 'IL-'];
  const bodies = [
    '{D:6}',
    '{D:8}',
    '{D:6}{check:luhn}',
    '{D:7}',
    '{YYYY}-{D:6}{check:luhn}',
    '{YY}{MM}-{D:5}',
    '{YY}{WW}{D:4}',
    '{YYYY}{DDD}-{X:4}',
    '{D:6-9}',
    '{X:8}',
    '{H:10}',
    '{C:8}{check:crockford}',
    '{A:2}{D:6}{check:mod37-36}',
    '{lot=X:4}-{D:5}',
    '{D:9}{check:mod11-2}',
    '{D:10}{check:gs1}',
    '{X:4-12}',
    '{seq:6}{check:damm}',
    '{seq:7}{check:verhoeff}',
    '{D:8}{check:mod97-10}',
  ];
  let sku = 0;
  for (const prefix of prefixes) {
    for (const body of bodies) {
      if (next() < 0.25) continue;
      add(`sku-${sku++}`, prefix + body);
    }
  }
  // Formats with no literal prefix, overlapping each other by length.
  for (const pattern of [
    '{D:12}',
    '{D:11}{check:luhn}',
    '{D:13}{check:gs1}',
    '{X:12}',
    '{D:4-6}',
  ]) {
    add(`sku-${sku++}`, pattern);
  }
  // Many SKUs of one vendor share the vendor's format.
  for (let i = 0; i < 40; i++) add(`vendor-${i}`, 'VN-{YY}{MM}-{D:6}{check:luhn}');
  // GS1 serials and case-sensitive formats.
  add(`sku-${sku++}`, '{S:8-20}');
  add(`sku-${sku++}`, 'GS{S:10}');
  add(`sku-${sku++}`, 'ab{A:4}{D:4}', { caseSensitive: true });
  add(`sku-${sku++}`, 'AB{A:4}{D:4}', { caseSensitive: true });
  add(`sku-${sku++}`, 'AB{A:4}{D:4}');
  // Legacy formats kept as regular expressions.
  for (const regex of [
    'LEG\\d{5}',
    '[A-Z]{3}-\\d{4}',
    'SN\\d{6}',
    '(?<model>[A-Z]{2})(?<num>\\d{6})',
  ]) {
    entries.push({ id: `legacy-${sku++}`, format: compileFormat({ regex }) });
  }
  return entries;
}

/** Valid serials of every generating format, as canonical text. */
function serialsOf(
  entries: readonly { format: SerialFormat }[],
  perFormat: number,
  next: () => number,
): string[] {
  const out: string[] = [];
  const seen = new Set<SerialFormat>();
  for (const { format } of entries) {
    if (seen.has(format) || format.tokens.length === 0) continue;
    seen.add(format);
    for (let k = 0; k < perFormat; k++) {
      out.push(format.generate({ random: true, getRandomValues: randomValues(next) }));
    }
  }
  return out;
}

// ── Tests ────────────────────────────────────────────────────────────────────────────────────

describe('createMatcher', () => {
  it('matches typed input with lower case and separators', () => {
    const matcher = createMatcher([
      { id: 'phone-x', format: 'SN-{YYYY}-{D:6}{check:luhn}' },
      { id: 'charger', format: 'CH{D:8}' },
    ]);
    expect(matcher.size).toBe(2);
    expect(matcher.match('sn 2024 0001238')).toEqual([
      { id: 'phone-x', data: { serial: 'SN-2024-0001238', fields: { YYYY: '2024' } } },
    ]);
    expect(matcher.match('  ch-1234-5678 ')).toEqual([
      { id: 'charger', data: { serial: 'CH12345678', fields: {} } },
    ]);
    expect(matcher.matchFirst('CH12345678')?.id).toBe('charger');
    expect(matcher.match('SN-2024-0001239')).toEqual([]);
  });

  it('lets check digits and dates rule candidates out', () => {
    const matcher = createMatcher([
      { id: 'luhn', format: 'SN{D:6}{check:luhn}' },
      { id: 'plain', format: 'SN{D:7}' },
      { id: 'dated', format: 'SN{YY}{MM}{D:3}' },
    ]);
    const check = checksums.luhn.compute('241000');
    const wrong = String((Number(check) + 1) % 10);
    const ids = (serial: string) => matcher.match(serial).map((m) => m.id);
    expect(ids(`SN241000${check}`)).toEqual(['luhn', 'plain', 'dated']);
    expect(ids(`SN241000${wrong}`)).toEqual(['plain', 'dated']);
    expect(ids('SN2413000')).toEqual(
      checksums.luhn.validate('2413000') ? ['luhn', 'plain'] : ['plain'],
    );
    expect(ids('SN24130000')).toEqual([]);
  });

  it('keeps prefixes of different lengths and ranged classes apart', () => {
    const matcher = createMatcher([
      { id: 'a', format: 'A{D:4}' },
      { id: 'ab', format: 'AB{D:4}' },
      { id: 'ab-range', format: 'AB-{D:2-6}' },
      { id: 'abc', format: 'ABC{D:3}' },
      { id: 'any', format: '{X:5-7}' },
    ]);
    const ids = (serial: string) => matcher.match(serial).map((m) => m.id);
    expect(ids('A1234')).toEqual(['a', 'any']);
    expect(ids('AB1234')).toEqual(['ab', 'ab-range', 'any']);
    expect(ids('ab-12')).toEqual(['ab-range']);
    expect(ids('ABC123')).toEqual(['abc', 'any']);
    expect(ids('AB 123456')).toEqual(['ab-range']);
    expect(ids('ABC1234')).toEqual(['any']);
  });

  it('honours case-sensitive formats', () => {
    const matcher = createMatcher([
      { id: 'gs1', format: 'GS{S:6}' },
      { id: 'lower', format: compileFormat('ab{D:3}', { caseSensitive: true }) },
      { id: 'upper', format: 'AB{D:3}' },
    ]);
    const ids = (serial: string) => matcher.match(serial).map((m) => m.id);
    expect(ids('GSaB-c/1')).toEqual(['gs1']);
    expect(matcher.match('GSaB-c/1')[0]?.data.serial).toBe('GSaB-c/1');
    expect(ids('ab123')).toEqual(['lower', 'upper']);
    expect(ids('AB123')).toEqual(['upper']);
  });

  it('tries regular expression formats last, but reports in the order entries were added', () => {
    const matcher = createMatcher([
      { id: 'legacy', format: compileFormat({ regex: '(?<model>[A-Z]{2})\\d{6}' }) },
      { id: 'new', format: 'SN{D:6}' },
    ]);
    expect(matcher.match('sn123456')).toEqual([
      { id: 'legacy', data: { serial: 'SN123456', fields: { model: 'SN' } } },
      { id: 'new', data: { serial: 'SN123456', fields: {} } },
    ]);
    expect(matcher.matchFirst('SN123456')?.id).toBe('legacy');
    expect(matcher.match('XY123456').map((m) => m.id)).toEqual(['legacy']);
  });

  it('reports every entry sharing a format, in insertion order', () => {
    const shared = compileFormat('VN{D:4}');
    const matcher = createMatcher([
      { id: 'one', format: 'VN{D:4}' },
      { id: 'two', format: shared },
      { id: 'other', format: '{X:6}' },
      { id: 'three', format: 'VN{D:4}' },
      { id: 'four', format: shared },
    ]);
    expect(matcher.match('VN1234').map((m) => m.id)).toEqual([
      'one',
      'two',
      'other',
      'three',
      'four',
    ]);
    expect(matcher.matchFirst('VN1234')?.id).toBe('one');
  });

  it('adds and removes entries', () => {
    const matcher = createMatcher<'a' | 'b' | 'c'>([{ id: 'a', format: 'SN{D:4}' }]);
    matcher.add({ id: 'b', format: 'SN{D:4-5}' });
    matcher.add({ id: 'c', format: compileFormat({ regex: 'SN\\d+' }) });
    matcher.add({ id: 'a', format: '{X:6}' });
    expect(matcher.size).toBe(4);
    expect(matcher.match('SN1234').map((m) => m.id)).toEqual(['a', 'b', 'c', 'a']);
    expect(matcher.remove('a')).toBe(2);
    expect(matcher.remove('a')).toBe(0);
    expect(matcher.size).toBe(2);
    expect(matcher.match('SN1234').map((m) => m.id)).toEqual(['b', 'c']);
    expect(matcher.remove('c')).toBe(1);
    expect(matcher.match('SN1234').map((m) => m.id)).toEqual(['b']);
    matcher.add({ id: 'a', format: 'SN{D:4}' });
    expect(matcher.match('SN1234').map((m) => m.id)).toEqual(['b', 'a']);
    expect(matcher.matchFirst('SN1234')?.id).toBe('b');
  });

  it('matches nothing when empty', () => {
    const matcher = createMatcher([]);
    expect(matcher.size).toBe(0);
    expect(matcher.match('SN123456')).toEqual([]);
    expect(matcher.match('')).toEqual([]);
    expect(matcher.matchFirst('SN123456')).toBeUndefined();
    expect(createMatcher().size).toBe(0);
  });

  it('compiles pattern strings with the given options', () => {
    const matcher = createMatcher([{ id: 'x', format: 'ab{D:2}' }], {
      compile: { caseSensitive: true },
    });
    expect(matcher.match('ab12').map((m) => m.id)).toEqual(['x']);
    expect(matcher.match('AB12')).toEqual([]);
  });

  it('throws on an invalid pattern (a programmer error)', () => {
    expect(() => createMatcher([{ id: 'x', format: '{D:}' }])).toThrow();
  });

  it('reads full-width and other compatibility characters as validation does', () => {
    const entries = compiled([
      { id: 'x', format: 'SN-{D:4}' },
      { id: 'y', format: '{D:6}' },
    ]);
    const matcher = createMatcher(entries);
    expect(matcher.match('ＳＮ－１２３４').map((m) => m.id)).toEqual(['x']);
    expect(matcher.match('sn\u20131234').map((m) => m.id)).toEqual(['x']);
    // Mathematical bold digits are astral characters: two UTF-16 units each.
    const bold = '𝟏𝟐𝟑𝟒𝟓𝟔';
    expect(matcher.match(bold)).toEqual(naive(entries, bold));
    expect(matcher.match(`a\u200b${bold}`)).toEqual(naive(entries, `a\u200b${bold}`));
  });

  it('answers like validate wherever it skips the lenient path', () => {
    const entries = compiled([
      { id: 'dash', format: 'SN-{YYYY}-{D:6}{check:luhn}' },
      { id: 'colon', format: compileFormat('SN-{YYYY}-{D:6}{check:luhn}', { separators: ':' }) },
      { id: 'hash', format: 'SN#{D:10}{check:luhn}' },
      { id: 'lower', format: compileFormat('sn{YYYY}{D:7}', { caseSensitive: true }) },
      { id: 'crockford', format: 'SN{C:6}{D:5}' },
      { id: 'range', format: 'SN{D:9-12}' },
    ]);
    const matcher = createMatcher(entries);
    const probes = [
      'SN-2024-0001238',
      'sn 2024 0001238',
      'SN20240001238',
      'SN:2024:0001238',
      'SN:2024-0001238',
      'S N 2 0 2 4 0 0 0 1 2 3 8',
      `SN-2024-${'-'.repeat(40)}0001238`,
      'SN#20240001238',
      'SN 20240001238',
      'sn20240001238',
      'SNILO12312345',
      'snilo12312345',
      'SN-ILO-123-12345',
      'SN-2024-0001238-',
      '-SN-2024-0001238',
      'SN—2024—0001238',
      'ＳＮ－２０２４－０００１２３８',
    ];
    for (const probe of probes) {
      const expected = naive(entries, probe);
      expect(matcher.match(probe), probe).toEqual(expected);
      // Twice: the second answer uses what the first one learned about each format.
      expect(matcher.match(probe), probe).toEqual(expected);
    }
    const ids = (serial: string) => matcher.match(serial).map((m) => m.id);
    expect(ids('sn 2024 0001238')).toEqual(['dash', 'lower', 'crockford', 'range']);
    // With ':' as its only separator, the second format needs its dashes, typed as dashes.
    expect(ids('SN-2024-0001238')).toEqual(['dash', 'colon', 'crockford', 'range']);
    expect(ids('SN - 2024 - 0001238')).toEqual(['dash', 'crockford', 'range']);
    expect(ids('SN:2024:0001238')).toEqual([]);
    expect(ids('SN#20240001238')).toEqual(['hash']);
    expect(ids('SN 20240001238')).toContain('range');
    expect(ids('SN 20240001238')).not.toContain('hash');
    expect(matcher.match('snilo12312345')).toEqual([
      { id: 'crockford', data: { serial: 'SN11012312345', fields: {} } },
    ]);
  });

  describe('on a catalogue of several hundred SKUs', () => {
    const entries = catalogue();
    const matcher = createMatcher(entries);
    const next = rng(7);
    const serials = serialsOf(entries, 1, next);

    it('indexes every entry', () => {
      expect(entries.length).toBeGreaterThan(200);
      expect(matcher.size).toBe(entries.length);
    });

    it('finds the SKU of every generated serial, typed or canonical', () => {
      for (const { id, format } of entries) {
        if (format.tokens.length === 0) continue;
        const serial = format.generate({ random: true, getRandomValues: randomValues(next) });
        for (const typed of [serial, ...typedVariants(serial, next)]) {
          const ids = matcher.match(typed).map((m) => m.id);
          if (!format.validate(typed).success) continue;
          expect(ids).toContain(id);
        }
      }
    });

    it('equals the naive loop on valid, typed and mistyped serials', () => {
      let matched = 0;
      let several = 0;
      for (const serial of serials) {
        const typed = typedVariants(serial, next);
        const mistyped = mutations(serial, next);
        // The naive loop runs every format's lenient path: a sample of variants keeps this quick.
        for (const probe of [serial, typed[0]!, typed[2]!, ...mistyped.slice(0, 4)]) {
          const expected = naive(entries, probe);
          expect(matcher.match(probe)).toEqual(expected);
          expect(matcher.matchFirst(probe)).toEqual(expected[0]);
          if (expected.length > 0) matched++;
          if (expected.length > 1) several++;
        }
      }
      // The catalogue really overlaps: many probes belong to more than one SKU.
      expect(matched).toBeGreaterThan(serials.length);
      expect(several).toBeGreaterThan(100);
    }, 30_000);

    it('equals the naive loop on legacy serials', () => {
      for (const probe of [
        'LEG12345',
        'leg 12345',
        'ABC-1234',
        'abc-1234',
        'SN123456',
        'SN 123456',
        'QQ654321',
      ]) {
        expect(matcher.match(probe)).toEqual(naive(entries, probe));
      }
    });
  });
});

// ── Index structures ─────────────────────────────────────────────────────────────────────────

describe('signatureOf', () => {
  const literal = (text: string): FormatToken => ({ kind: 'literal', text, column: 0 });
  const cls = (
    charClass: 'D' | 'A' | 'X' | 'H' | 'C' | 'S',
    min: number,
    max = min,
  ): FormatToken => ({
    kind: 'class',
    charClass,
    min,
    max,
    column: 0,
  });
  const group = (ch: string) => GROUP[ch.charCodeAt(0)]!;

  it('keys the trie on the skeleton of the leading literals', () => {
    const sig = signatureOf([literal('AB-'), literal('7'), cls('D', 4), literal('Z')], false);
    expect(sig.prefix).toEqual([65, 66, 55]);
    expect(sig.min).toBe(8);
    expect(sig.max).toBe(8);
    expect(sig.right.length).toBe(0);
    expect([...sig.left]).toEqual([
      maskOf('A'),
      maskOf('B'),
      maskOf('7'),
      maskOf('0123456789'),
      maskOf('0123456789'),
      maskOf('0123456789'),
      maskOf('0123456789'),
      maskOf('Z'),
    ]);
  });

  it('folds case, and merges only letters that no class tells apart', () => {
    expect(group('o')).toBe(group('O'));
    expect(group('O')).not.toBe(group('0'));
    expect(group('l')).not.toBe(group('1'));
    expect(group('a')).toBe(group('A'));
    expect(group('Q')).toBe(group('J'));
    expect(group('-')).toBe(-1);
    expect(new Set([...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map(group)).size).toBe(32);
    expect(KEY['a'.charCodeAt(0)]).toBe('A'.charCodeAt(0));
    expect(KEY['Q'.charCodeAt(0)]).not.toBe(KEY['J'.charCodeAt(0)]);
  });

  it('aligns ranged formats from both ends', () => {
    const sig = signatureOf([literal('X'), cls('D', 2, 4), literal('-'), cls('A', 2)], false);
    expect(sig.min).toBe(5);
    expect(sig.max).toBe(7);
    const digits = maskOf('0123456789');
    const letters = maskOf('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect([...sig.left]).toEqual([
      maskOf('X'),
      digits,
      digits,
      digits | letters,
      digits | letters,
      letters,
      letters,
    ]);
    expect([...sig.right]).toEqual([
      letters,
      letters,
      digits,
      digits,
      digits | maskOf('X'),
      digits | maskOf('X'),
      maskOf('X'),
    ]);
  });

  it('lets GS1 S fields and symbol check characters span no skeleton character', () => {
    const gs1 = signatureOf([literal('GS'), cls('S', 3, 5)], false);
    expect(gs1.min).toBe(2);
    expect(gs1.max).toBe(7);
    const crockford = signatureOf(
      [cls('C', 4), { kind: 'check', algorithm: 'crockford', length: 1, column: 0 }],
      false,
    );
    expect(crockford.min).toBe(4);
    expect(crockford.max).toBe(5);
  });

  it('bounds the leading digit of months and days', () => {
    const sig = signatureOf(
      [
        { kind: 'date', part: 'MM', column: 0 },
        { kind: 'date', part: 'DD', column: 0 },
      ],
      false,
    );
    expect([...sig.left]).toEqual([
      maskOf('01'),
      maskOf('0123456789'),
      maskOf('0123'),
      maskOf('0123456789'),
    ]);
  });

  it('records nothing for positions that allow everything', () => {
    const sig = signatureOf([cls('X', 3), literal('-'), cls('X', 1, 3)], false);
    expect(sig.left.length).toBe(0);
    expect(sig.right.length).toBe(0);
    expect(ANY).toBe(-1);
  });
});

// ── Equivalence with the naive loop, over random catalogues ──────────────────────────────────

const CHECKS: readonly CheckAlgorithmName[] = [
  'luhn',
  'gs1',
  'mod11-2',
  'mod37-2',
  'mod97-10',
  'mod11-10',
  'mod37-36',
  'damm',
  'verhoeff',
  'crockford',
  'gs1-pair',
];

const partArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'SN',
      'AB-',
      '-',
      'X',
      'Q7',
      'O',
      '#',
      '/',
      'lot',
      'B8',
      '.',
      'ab',
      ' ',
      'I-1',
    ),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('D', 'A', 'X', 'H', 'C', 'S'),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([c, min, extra]) => (extra === 0 ? `{${c}:${min}}` : `{${c}:${min}-${min + extra}}`)),
  },
  { weight: 1, arbitrary: fc.constantFrom('{YYYY}', '{YY}', '{MM}', '{DD}', '{WW}', '{DDD}') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => `{seq:${n}}`) },
);

const formatArb: fc.Arbitrary<SerialFormat | null> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(
        fc.array(partArb, { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom(...CHECKS), { nil: undefined }),
        fc.boolean(),
        fc.option(fc.constantFrom('-', ' /', ':'), { nil: undefined }),
      )
      .map(([parts, check, caseSensitive, separators]) => {
        const pattern = parts.join('') + (check ? `{check:${check}}` : '');
        try {
          return compileFormat(pattern, {
            caseSensitive,
            ...(separators === undefined ? {} : { separators }),
          });
        } catch {
          return null; // Ambiguous or unreadable combinations are refused by the compiler.
        }
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('SN\\d{3,5}', '[A-Z]{2}-?\\d{2}', '.*7', '\\w{4}')
      .map((regex) => compileFormat({ regex })),
  },
);

const PROBE_CHARS = [...'0123456789OIlSsBZzAaQqXx-_ ./*#:', 'Ａ', '１', '–', '\u200b', 'é', '😀'];

const probeArb = fc
  .array(fc.constantFrom(...PROBE_CHARS), { maxLength: 16 })
  .map((chars) => chars.join(''));

/** Random catalogues the equivalence property checks: a fixed number, never set from outside. */
const EQUIVALENCE_RUNS = 400;

describe('equivalence with the naive loop', () => {
  it('holds for random catalogues and random, generated and mistyped serials', () => {
    let runs = 0;
    let probed = 0;
    let matched = 0;
    let several = 0;
    fc.assert(
      fc.property(
        fc.array(formatArb, { minLength: 0, maxLength: 24 }),
        fc.array(probeArb, { maxLength: 8 }),
        fc.integer(),
        (maybeFormats, randomProbes, seed) => {
          runs++;
          const formats = maybeFormats.filter((f): f is SerialFormat => f !== null);
          // Ids repeat, and some formats serve two entries, as in real catalogues.
          const entries = formats.flatMap((format, i) =>
            i % 4 === 1
              ? [
                  { id: `f${i % 7}`, format },
                  { id: `g${i % 3}`, format },
                ]
              : [{ id: `f${i % 7}`, format }],
          );
          const matcher = createMatcher(entries);
          const next = rng(seed);
          const probes = [...randomProbes];
          for (const { format } of entries) {
            if (format.tokens.length === 0) continue;
            const serial = format.generate({ random: true, getRandomValues: randomValues(next) });
            const chars = [...serial];
            probes.push(
              serial,
              ...typedVariants(serial, next),
              ...mutations(serial, next),
              // Separators everywhere, up to and past the length validation reads.
              chars.join('-'),
              chars.join(':'),
              chars.join(' - '),
            );
          }
          for (const probe of probes) {
            const expected = naive(entries, probe);
            expect(matcher.match(probe)).toEqual(expected);
            expect(matcher.matchFirst(probe)).toEqual(expected[0]);
            probed++;
            if (expected.length > 0) matched++;
            if (expected.length > 1) several++;
          }
        },
      ),
      { numRuns: EQUIVALENCE_RUNS },
    );
    // Every case ran (no setting turns the property off), and they are not vacuous: thousands of
    // probes, many of which match, many of which match several formats.
    expect(runs).toBe(EQUIVALENCE_RUNS);
    expect(probed).toBeGreaterThan(EQUIVALENCE_RUNS * 10);
    expect(matched).toBeGreaterThan(probed / 10);
    expect(several).toBeGreaterThan(probed / 100);
  }, 60_000);

  it('never throws, whatever the input', () => {
    const matcher = createMatcher(compiled(catalogueSample()));
    let checked = 0;
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 64 }), fc.anything()),
        (input) => {
          checked++;
          const probe = input as string;
          expect(() => matcher.match(probe)).not.toThrow();
          expect(() => matcher.matchFirst(probe)).not.toThrow();
          if (typeof input !== 'string') expect(matcher.match(probe)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
    expect(checked).toBe(500);
    expect(matcher.match('9'.repeat(100_000))).toEqual([]);
  });
});

function catalogueSample(): MatcherEntry[] {
  return [
    { id: 'a', format: 'SN-{YYYY}-{D:6}{check:luhn}' },
    { id: 'b', format: '{S:4-12}' },
    { id: 'c', format: '{X:2-40}' },
    { id: 'd', format: compileFormat({ regex: '.{3,}' }) },
  ];
}
