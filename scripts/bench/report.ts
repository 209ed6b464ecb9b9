/**
 * Shared benchmark harness: each case is timed next to its baseline in the same process,
 * reported as medians and a ratio, and written to `bench/results.json` of the package.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Row {
  group: string;
  case: string;
  /** Median time of ours, in ms for one-shot cases, ns/op for micro cases. */
  ours: number;
  baseline: number;
  baselineName: string;
  unit: 'ns/op' | 'ms' | 'ops/s' | 'MB' | 'B/unit';
  /** How many times better ours is than the baseline (>1 is better), unit-aware. */
  ratio: number;
  target?: string;
  met?: boolean;
  note?: string;
}

/** Median ns per call of `fn`, over `rounds` rounds of `iterations` calls each. */
export function nsPerOp(fn: (i: number) => unknown, iterations: number, rounds = 7): number {
  let sink = 0;
  for (let i = 0; i < Math.min(iterations, 10_000); i++) if (fn(i)) sink++;
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) if (fn(i)) sink++;
    samples.push(((performance.now() - start) * 1e6) / iterations);
  }
  if (sink === -1) console.log(sink);
  return median(samples);
}

/** Median wall time in ms of an async one-shot operation, `rounds` times, `setup` excluded. */
export async function msOnce(
  fn: () => Promise<unknown> | unknown,
  rounds = 3,
  setup?: () => Promise<unknown> | unknown,
): Promise<number> {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (setup) await setup();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Collects rows, prints them as a table and writes them as JSON. */
export class Report {
  readonly rows: Row[] = [];

  /**
   * Add a timed comparison (lower is better for ns/op and ms, higher for ops/s).
   * `minRatio` is the target: ours must be at least this many times better than the baseline
   * (0.8 means "no more than 1.25× slower").
   */
  add(row: Omit<Row, 'ratio' | 'met'> & { minRatio?: number }): Row {
    const higherIsBetter = row.unit === 'ops/s';
    const ratio = higherIsBetter ? row.ours / row.baseline : row.baseline / row.ours;
    const full: Row = { ...row, ratio };
    if (row.minRatio !== undefined) {
      full.met = ratio >= row.minRatio;
      full.target ??= `≥ ${row.minRatio}×`;
    }
    delete (full as { minRatio?: number }).minRatio;
    this.rows.push(full);
    console.log(formatRow(full));
    return full;
  }

  /** Add an absolute measurement with a target checked by `met`. */
  absolute(row: {
    group: string;
    case: string;
    value: number;
    unit: Row['unit'];
    target: string;
    met: boolean;
    note?: string;
  }): Row {
    const full: Row = {
      group: row.group,
      case: row.case,
      ours: row.value,
      baseline: Number.NaN,
      baselineName: '-',
      unit: row.unit,
      ratio: Number.NaN,
      target: row.target,
      met: row.met,
      ...(row.note ? { note: row.note } : {}),
    };
    this.rows.push(full);
    console.log(formatRow(full));
    return full;
  }

  print(): void {
    console.log();
    console.table(
      this.rows.map((r) => ({
        group: r.group,
        case: r.case,
        ours: `${fmt(r.ours)} ${r.unit}`,
        baseline: Number.isNaN(r.baseline)
          ? '-'
          : `${fmt(r.baseline)} ${r.unit} (${r.baselineName})`,
        ratio: Number.isNaN(r.ratio) ? '-' : `${r.ratio.toFixed(2)}×`,
        target: r.target ?? '',
        met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
      })),
    );
  }

  write(file: string, meta: Record<string, unknown> = {}): void {
    const doc = {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      ...meta,
      rows: this.rows,
    };
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`\nwrote ${file}`);
  }
}

function fmt(n: number): string {
  if (Number.isNaN(n)) return '-';
  if (n >= 1000) return Math.round(n).toLocaleString('en');
  return n.toPrecision(3);
}

function formatRow(r: Row): string {
  const ratio = Number.isNaN(r.ratio) ? '' : ` ratio ${r.ratio.toFixed(2)}×`;
  const base = Number.isNaN(r.baseline) ? '' : ` vs ${fmt(r.baseline)} (${r.baselineName})`;
  const met = r.met === undefined ? '' : r.met ? ' ✓' : ' ✗';
  return `${r.group} · ${r.case}: ${fmt(r.ours)} ${r.unit}${base}${ratio}${met}`;
}

/** Milliseconds per timed round of `measureInTurns`; lower it (BENCH_ROUND_MS=10) for a quick look. */
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 40);
/** Turns per contender in `measureInTurns`. */
const TURNS = Number(process.env.BENCH_TURNS ?? 3);

/** Iterations that make one round of `fn` last about `roundMs`. */
export function calibrate(fn: (i: number) => unknown, roundMs = ROUND_MS): number {
  let iterations = 64;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn(i);
    const ms = performance.now() - start;
    if (ms >= 5) return Math.max(1, Math.ceil((iterations * roundMs) / ms));
    iterations *= 4;
  }
}

/**
 * ns/op of each function, measured in turns (a, b, c, a, b, c, …) and keeping each one's best
 * median, so that load from other processes on a shared machine hits every contender alike.
 */
export function measureInTurns(...fns: ((i: number) => unknown)[]): number[] {
  const iterations = fns.map((fn) => calibrate(fn));
  const best = fns.map(() => Number.POSITIVE_INFINITY);
  for (let turn = 0; turn < TURNS; turn++) {
    fns.forEach((fn, k) => {
      best[k] = Math.min(best[k]!, nsPerOp(fn, iterations[k]!, 5));
    });
  }
  return best;
}

/** A deterministic generator, so every run measures the same inputs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}
