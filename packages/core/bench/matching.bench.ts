/**
 * Matching a serial against a catalogue of 10 to 10,000 distinct SKU formats: `createMatcher`
 * against the loop it replaces, one RegExp per format (compiled once, `re.test` on each). Targets:
 * at least 1× that loop at 10 formats, 3× at 100, 20× at 1,000, and 400,000 matches a second at
 * 10,000. A fifth of every catalogue has no literal prefix (`{A:3}{D:7}`, `{C:10}{check:crockford}`),
 * so the prefix trie cannot narrow those. Both answer the same probes (valid canonical serials of
 * random formats, plus 10% near misses); ours also checks dates and check characters and returns
 * the parsed serial, which the regular expressions do not.
 */
import { performance } from 'node:perf_hooks';
import { median, nsPerOp, type Report } from '../../../scripts/bench/report.js';
import { compileFormat } from '../src/formats/compile.js';
import type { SerialFormat } from '../src/formats/types.js';
import { createMatcher, type Matcher } from '../src/matching/index.js';

/** Milliseconds per timed round; lower it (BENCH_ROUND_MS=10) for a quick look. */
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 40);
const SIZES = [10, 100, 1_000, 10_000];
const PROBES = 1024;
/** Ratio to one RegExp per format, by catalogue size. */
const TARGET_RATIO: Readonly<Record<number, number>> = { 10: 1, 100: 3, 1000: 20 };
/** Matches a second at the largest size. */
const TARGET_PER_SECOND = 400_000;
/** Share of formats without a literal prefix. */
const NO_PREFIX = 0.2;

/** ns/op of `fn`, with the iteration count calibrated so that each round lasts about ROUND_MS. */
function measure(fn: (i: number) => unknown): number {
  let iterations = 16;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn(i);
    const ms = performance.now() - start;
    if (ms >= 5) return nsPerOp(fn, Math.max(1, Math.ceil((iterations * ROUND_MS) / ms)), 5);
    iterations *= 4;
  }
}

/** A deterministic generator, so every run uses the same catalogue and probes. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

function randomValues(next: () => number): (array: Uint32Array) => Uint32Array {
  return (array) => {
    for (let i = 0; i < array.length; i++) array[i] = Math.floor(next() * 2 ** 32);
    return array;
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function int(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** One synthetic SKU format: the pattern, and the regular expression a merchant would write. */
interface Synthetic {
  pattern: string;
  regex: string;
}

function prefix(next: () => number): Synthetic {
  const letters = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += pick(next, [...UPPER]);
    return s;
  };
  const r = next();
  let text: string;
  if (r < 0.4) text = letters(2) + (next() < 0.5 ? '-' : '');
  else if (r < 0.65) text = letters(3);
  // "SN" and a product line: many formats share the first two characters.
  else if (r < 0.8) text = `SN${next() < 0.5 ? '-' : ''}${letters(1)}${int(next, 0, 9)}`;
  else if (r < 0.83) text = next() < 0.5 ? 'SN' : 'SN-';
  else if (r < 0.93) text = `${letters(1)}${int(next, 0, 9)}-`;
  else text = '';
  return { pattern: text, regex: text.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&') };
}

/** Bodies of realistic variety; `numeric` bodies may take a digit check character. */
function body(next: () => number): Synthetic & { numeric: boolean } {
  const n = int(next, 4, 10);
  switch (int(next, 0, 8)) {
    case 0:
      return { pattern: `{D:${n}}`, regex: `\\d{${n}}`, numeric: true };
    case 1:
      return { pattern: `{YYYY}-{D:${n}}`, regex: `\\d{4}-\\d{${n}}`, numeric: true };
    case 2:
      return { pattern: `{YY}{MM}{D:${n}}`, regex: `\\d{4}\\d{${n}}`, numeric: true };
    case 3:
      return { pattern: `{YY}{WW}-{D:${n}}`, regex: `\\d{4}-\\d{${n}}`, numeric: true };
    case 4:
      return { pattern: `{X:${n + 2}}`, regex: `[0-9A-Z]{${n + 2}}`, numeric: false };
    case 5:
      return { pattern: `{H:${n + 2}}`, regex: `[0-9A-F]{${n + 2}}`, numeric: false };
    case 6:
      return { pattern: `{A:2}{D:${n}}`, regex: `[A-Z]{2}\\d{${n}}`, numeric: false };
    case 7:
      return { pattern: `{D:${n}-${n + 3}}`, regex: `\\d{${n},${n + 3}}`, numeric: true };
    default:
      return { pattern: `{lot=X:4}-{D:${n}}`, regex: `[0-9A-Z]{4}-\\d{${n}}`, numeric: false };
  }
}

/** Class characters and the regular expression a merchant would write for each. */
const CLASSES = {
  A: '[A-Z]',
  D: '\\d',
  X: '[0-9A-Z]',
  H: '[0-9A-F]',
  C: '[0-9A-HJKMNP-TV-Z]',
} as const;

/**
 * A format that starts with a class, as formats without a prefix do: runs of fixed-length classes
 * (`{A:3}{D:7}`), sometimes dashed, or a Crockford code with its check symbol.
 */
function classLed(next: () => number): Synthetic {
  if (next() < 0.25) {
    const n = int(next, 6, 16);
    return {
      pattern: `{C:${n}}{check:crockford}`,
      regex: `${CLASSES.C}{${n}}[0-9A-HJKMNP-TV-Z*~$=U]`,
    };
  }
  // Letters and digits in turn, as product codes are (`{A:3}{D:7}`, `{D:2}{A:2}{D:5}`); now and
  // then a run of any alphanumeric or hex character.
  const runs = int(next, 2, 4);
  let pattern = '';
  let regex = '';
  let letters = next() < 0.5;
  for (let k = 0; k < runs; k++) {
    const kind: keyof typeof CLASSES =
      next() < 0.1 ? pick(next, ['X', 'H'] as const) : letters ? 'A' : 'D';
    letters = !letters;
    const n = int(next, 1, 6);
    const dash = k > 0 && next() < 0.3 ? '-' : '';
    pattern += `${dash}{${kind}:${n}}`;
    regex += `${dash}${CLASSES[kind]}{${n}}`;
  }
  return { pattern, regex };
}

const DIGIT_CHECKS = ['luhn', 'gs1', 'damm', 'verhoeff', 'mod11-2'] as const;

/** `size` distinct formats: prefixes, date parts, lengths and check digits. */
function catalogue(size: number, next: () => number): Synthetic[] {
  const seen = new Set<string>();
  const out: Synthetic[] = [];
  while (out.length < size) {
    if (out.length < size * NO_PREFIX) {
      const c = classLed(next);
      if (seen.has(c.pattern) || !compiles(c.pattern)) continue;
      seen.add(c.pattern);
      out.push({ pattern: c.pattern, regex: `^${c.regex}$` });
      continue;
    }
    let p = prefix(next);
    while (p.pattern === '') p = prefix(next);
    const b = body(next);
    let pattern = p.pattern + b.pattern;
    let regex = p.regex + b.regex;
    if (b.numeric && next() < 0.4) {
      const check = pick(next, DIGIT_CHECKS);
      pattern += `{check:${check}}`;
      regex += check === 'mod11-2' ? '[0-9X]' : '\\d';
    }
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    out.push({ pattern, regex: `^${regex}$` });
  }
  return out;
}

function compiles(pattern: string): boolean {
  try {
    compileFormat(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Valid canonical serials of random formats, and 10% near misses (one character changed). */
function probes(formats: readonly SerialFormat[], next: () => number): string[] {
  const getRandomValues = randomValues(next);
  const out: string[] = [];
  for (let i = 0; i < PROBES; i++) {
    const serial = pick(next, formats).generate({ random: true, getRandomValues });
    if (next() < 0.9) {
      out.push(serial);
    } else {
      const at = int(next, 0, serial.length - 1);
      out.push(serial.slice(0, at) + pick(next, [...'0123456789XQ']) + serial.slice(at + 1));
    }
  }
  return out;
}

export default function bench(report: Report): void {
  const next = random(0x5eed);
  for (const size of SIZES) {
    const synthetic = catalogue(size, next);
    const ids = synthetic.map((_, i) => `sku-${i}`);

    const buildStart = performance.now();
    const formats = synthetic.map((s) => compileFormat(s.pattern));
    const compiled = performance.now();
    const matcher = createMatcher(formats.map((format, i) => ({ id: ids[i]!, format })));
    const indexed = performance.now();

    const regexes = synthetic.map((s) => new RegExp(s.regex, 'i'));
    const inputs = probes(formats, next);
    const mask = PROBES - 1;

    // Check the answers first: ours must equal the naive loop over every format's `validate`
    // (on a sample at large sizes, where that loop is slow).
    const naive = (probe: string) => ids.filter((_, k) => formats[k]!.validate(probe).success);
    const checked = Math.min(PROBES, Math.ceil(100_000 / size));
    const found = verify(matcher, inputs.slice(0, checked), naive);

    const runOurs = (i: number) => matcher.match(inputs[i & mask]!).length;
    const runBaseline = (i: number) => {
      const probe = inputs[i & mask]!;
      const out: string[] = [];
      for (let k = 0; k < regexes.length; k++) if (regexes[k]!.test(probe)) out.push(ids[k]!);
      return out.length;
    };
    const [ours, baseline] = alternate(runOurs, runBaseline);
    report.add({
      group: 'matching',
      case: `match · ${size.toLocaleString('en')} formats`,
      ours,
      baseline,
      baselineName: 'one RegExp per format',
      unit: 'ns/op',
      ...(TARGET_RATIO[size] === undefined ? {} : { minRatio: TARGET_RATIO[size] }),
      note: `compile ${(compiled - buildStart).toFixed(0)} ms, index ${(indexed - compiled).toFixed(1)} ms, ${(found / checked).toFixed(2)} matches per probe`,
    });

    if (size !== SIZES[SIZES.length - 1]) continue;
    report.absolute({
      group: 'matching',
      case: `matches per second · ${size.toLocaleString('en')} formats`,
      value: 1e9 / ours,
      unit: 'ops/s',
      target: `≥ ${TARGET_PER_SECOND.toLocaleString('en')}/s`,
      met: 1e9 / ours >= TARGET_PER_SECOND,
      note: `${Math.round(size * NO_PREFIX).toLocaleString('en')} formats without a literal prefix`,
    });
    // The same serials as a person types them: lower case, spaces for dashes. No regular
    // expression takes these, so the baseline is what it takes to answer at all: every format's
    // `validate`, whose lenient path reads them.
    const typed = inputs.map((probe) => probe.toLowerCase().replace(/-/g, ' '));
    verify(matcher, typed.slice(0, 8), naive);
    const [oursTyped, baselineTyped] = alternate(
      (i) => matcher.match(typed[i & mask]!).length,
      (i) => naive(typed[i & mask]!).length,
    );
    report.add({
      group: 'matching',
      case: `match typed input · ${size.toLocaleString('en')} formats`,
      ours: oursTyped,
      baseline: baselineTyped,
      baselineName: 'validate per format',
      unit: 'ns/op',
    });
  }
}

/** Throws unless the matcher answers like `naive` on every probe; returns the matches found. */
function verify(
  matcher: Matcher,
  probes: readonly string[],
  naive: (probe: string) => string[],
): number {
  let found = 0;
  for (const probe of probes) {
    const ours = matcher.match(probe).map((m) => m.id);
    if (ours.join() !== naive(probe).join()) {
      throw new Error(`matcher disagrees with the naive loop on '${probe}'`);
    }
    found += ours.length;
  }
  return found;
}

/** Medians of `ours` and `baseline`, measured in turns so that load changes hit both alike. */
function alternate(
  ours: (i: number) => unknown,
  baseline: (i: number) => unknown,
): [number, number] {
  const oursRuns: number[] = [];
  const baselineRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    oursRuns.push(measure(ours));
    baselineRuns.push(measure(baseline));
  }
  return [median(oursRuns), median(baselineRuns)];
}
