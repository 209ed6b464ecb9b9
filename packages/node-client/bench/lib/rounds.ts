/**
 * Interleaved rounds: ours and its baseline alternate (baseline first), so that load from other
 * processes on a shared machine hits both alike; each side reports its median.
 */
import { performance } from 'node:perf_hooks';
import { median } from '../../../../scripts/bench/report.js';

export interface Side {
  /** Untimed preparation of a round (fresh database, truncated table…). */
  setup?: () => Promise<unknown> | unknown;
  run: () => Promise<unknown> | unknown;
  /** Untimed clean-up after a round. */
  teardown?: () => Promise<unknown> | unknown;
}

export async function interleaved(
  rounds: number,
  baseline: Side,
  ours: Side,
): Promise<{ baseline: number; ours: number; samples: { baseline: number[]; ours: number[] } }> {
  const samples = { baseline: [] as number[], ours: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    for (const [name, side] of [
      ['baseline', baseline],
      ['ours', ours],
    ] as const) {
      await side.setup?.();
      const start = performance.now();
      await side.run();
      samples[name].push(performance.now() - start);
      await side.teardown?.();
    }
  }
  return { baseline: median(samples.baseline), ours: median(samples.ours), samples };
}

/** Operations a second of `op` over `inputs`, median of `rounds` passes. */
export async function opsPerSecond(
  inputs: readonly string[],
  op: (input: string) => unknown,
  rounds = 3,
): Promise<number> {
  const rates: number[] = [];
  // Warm-up: JIT, statement caches, the client's catalog snapshot.
  for (let i = 0; i < Math.min(2000, inputs.length); i++) await op(inputs[i] as string);
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const input of inputs) {
      // Synchronous drivers (the raw baselines) are not charged for an await.
      const result = op(input);
      if (result instanceof Promise) await result;
    }
    rates.push((inputs.length * 1000) / (performance.now() - start));
  }
  return median(rates);
}
