/**
 * Serial format validation: a compiled format against the RegExp + Luhn loop an engineer would
 * write by hand for the same format, on the same precomputed array of valid canonical serials;
 * plus the absolute target of 2,000,000 validations a second, the cost of typed input, and two
 * bounds on work that users feel: a huge input costs what a short too-long one does, and
 * suggestions for a long format cost about what they cost for a short one.
 */
import { performance } from 'node:perf_hooks';
import { median, nsPerOp, type Report } from '../../../scripts/bench/report.js';
import { compileFormat } from '../src/formats/index.js';

/** Milliseconds per timed round; lower it (BENCH_ROUND_MS=10) for a quick look. */
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 40);
const SIZE = 1024;
const TARGET_PER_SECOND = 2_000_000;

/** Iterations of `fn` that take about ROUND_MS. */
function calibrate(fn: (i: number) => unknown): number {
  let iterations = 256;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn(i);
    const ms = performance.now() - start;
    if (ms >= 5) return Math.max(1, Math.ceil((iterations * ROUND_MS) / ms));
    iterations *= 4;
  }
}

/** ns/op of `fn`, with the iteration count calibrated so that each round lasts about ROUND_MS. */
function measure(fn: (i: number) => unknown): number {
  return nsPerOp(fn, calibrate(fn), 5);
}

/**
 * ns/op of `ours` and `baseline`, measured in alternating rounds so that load from other
 * processes on a shared machine falls on both alike.
 */
function measurePair(
  ours: (i: number) => unknown,
  baseline: (i: number) => unknown,
  rounds = 7,
): [number, number] {
  const a = calibrate(ours);
  const b = calibrate(baseline);
  const samples: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    samples[0].push(nsPerOp(ours, a, 1));
    samples[1].push(nsPerOp(baseline, b, 1));
  }
  return [median(samples[0]), median(samples[1])];
}

/** Serials arrive flat from JSON, CSV or a database, not as the ropes concatenation leaves. */
function flat(values: string[]): string[] {
  return JSON.parse(JSON.stringify(values)) as string[];
}

// ---- The hand-written baseline for SN-{YYYY}-{D:6}{check:luhn} ----

const SN_REGEX = /^SN-(\d{4})-(\d{6})(\d)$/;

function luhnValid(s: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    let d = s.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function baselineValidate(s: string): { serial: string; year: string } | null {
  const match = SN_REGEX.exec(s);
  if (!match || !luhnValid(match[1]! + match[2]! + match[3]!)) return null;
  return { serial: s, year: match[1]! };
}

export default function formatsBench(report: Report): void {
  const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
  const date = new Date(Date.UTC(2024, 4, 1));
  const serials = flat(
    Array.from({ length: SIZE }, (_, i) => format.generate({ sequence: (i * 7919) % 1e6, date })),
  );
  const typed = flat(serials.map((s) => s.toLowerCase().replaceAll('-', ' ')));
  if (!serials.every((s) => baselineValidate(s) !== null && format.validate(s).success)) {
    throw new Error('bench inputs are not valid');
  }

  const group = 'formats';
  const [validateNs, baselineNs] = measurePair(
    (i) => format.validate(serials[i & (SIZE - 1)]!).success,
    (i) => baselineValidate(serials[i & (SIZE - 1)]!) !== null,
  );
  report.add({
    group,
    case: 'validate SN-{YYYY}-{D:6}{check:luhn}, canonical',
    ours: validateNs,
    baseline: baselineNs,
    baselineName: 'RegExp exec + Luhn loop',
    unit: 'ns/op',
    minRatio: 1,
  });

  const [testNs, baselineTestNs] = measurePair(
    (i) => format.test(serials[i & (SIZE - 1)]!),
    (i) => {
      const s = serials[i & (SIZE - 1)]!;
      return SN_REGEX.test(s) && luhnValid(s.slice(3, 7) + s.slice(8));
    },
  );
  report.add({
    group,
    case: 'test (boolean), canonical',
    ours: testNs,
    baseline: baselineTestNs,
    baselineName: 'RegExp test + Luhn loop',
    unit: 'ns/op',
    minRatio: 1,
  });

  const perSecond = 1e9 / validateNs;
  report.absolute({
    group,
    case: 'validate, canonical: validations per second',
    value: perSecond,
    unit: 'ops/s',
    target: '≥ 2,000,000/s',
    met: perSecond >= TARGET_PER_SECOND,
  });

  const typedNs = measure((i) => format.validate(typed[i & (SIZE - 1)]!).success);
  const typedPerSecond = 1e9 / typedNs;
  report.absolute({
    group,
    case: "validate, typed ('sn 2024 0001238'): validations per second",
    value: typedPerSecond,
    unit: 'ops/s',
    target: '≥ 100,000/s',
    met: typedPerSecond >= 100_000,
    note: 'lenient path: case, separators, restored literals',
  });

  boundedWork(report, group);
}

/** Work that must not grow with the input or the format: each measured against its small twin. */
function boundedWork(report: Report, group: string): void {
  const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
  // Two different strings, so that neither call can reuse the other's work.
  const huge = ['SN'.repeat(5_000_000), 'NS'.repeat(5_000_000)];
  const long = ['SN'.repeat(500), 'NS'.repeat(500)];
  const [hugeNs, longNs] = measurePair(
    (i) => format.validate(huge[i & 1]!).success,
    (i) => format.validate(long[i & 1]!).success,
  );
  report.add({
    group,
    case: 'validate a 10 MB input (too_long)',
    ours: hugeNs,
    baseline: longNs,
    baselineName: 'the same, 1 kB input',
    unit: 'ns/op',
    minRatio: 0.5,
    note: 'the length is checked before the input is read',
  });

  // A format without a check character, a wrong month: candidates are bounded by a budget.
  const wide = compileFormat('{S:150}-{YYYY}{MM}');
  const narrow = compileFormat('{S:10}-{YYYY}{MM}');
  const wideTyped = `${'a'.repeat(150)}-202413`;
  const narrowTyped = `${'a'.repeat(10)}-202413`;
  if (wide.suggest(wideTyped).length === 0 || narrow.suggest(narrowTyped).length === 0) {
    throw new Error('bench inputs have no suggestions');
  }
  const [wideNs, narrowNs] = measurePair(
    () => wide.suggest(wideTyped).length,
    () => narrow.suggest(narrowTyped).length,
    5,
  );
  report.add({
    group,
    case: 'suggest, {S:150}-{YYYY}{MM} with a wrong month',
    ours: wideNs,
    baseline: narrowNs,
    baselineName: 'the same for {S:10}-{YYYY}{MM}',
    unit: 'ns/op',
    minRatio: 0.1,
    note: 'a 15× longer field costs at most 10× the work',
  });
}
