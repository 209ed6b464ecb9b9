/**
 * Interleaved rounds: ours and its baseline alternate (baseline first), so that load from other
 * processes on a shared machine hits both alike; each side reports its median wall time, and the
 * median CPU time when given a CPU meter (on a busy machine the CPU time shows what the code
 * costs, the wall time also how long it waited for a core).
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

/** Cumulative CPU milliseconds of the processes doing the work (monotonic). */
export type CpuMeter = () => Promise<number> | number;

/** CPU time of this process (user + system). */
export const processCpu: CpuMeter = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

export interface Timings {
  baseline: number;
  ours: number;
  samples: { baseline: number[]; ours: number[] };
  /** Median CPU ms per side, with a meter. */
  cpu?: { baseline: number; ours: number };
}

export async function interleaved(
  rounds: number,
  baseline: Side,
  ours: Side,
  cpu?: CpuMeter,
): Promise<Timings> {
  const samples = { baseline: [] as number[], ours: [] as number[] };
  const cpuSamples = { baseline: [] as number[], ours: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    for (const [name, side] of [
      ['baseline', baseline],
      ['ours', ours],
    ] as const) {
      await side.setup?.();
      const cpuStart = cpu ? await cpu() : 0;
      const start = performance.now();
      await side.run();
      samples[name].push(performance.now() - start);
      if (cpu) cpuSamples[name].push((await cpu()) - cpuStart);
      await side.teardown?.();
    }
  }
  return {
    baseline: median(samples.baseline),
    ours: median(samples.ours),
    samples,
    ...(cpu
      ? { cpu: { baseline: median(cpuSamples.baseline), ours: median(cpuSamples.ours) } }
      : {}),
  };
}

export interface Rate {
  /** Operations per second of wall time. */
  wall: number;
  /** Operations per second of this process's CPU time. */
  cpu: number;
}

/** Operations a second of `op` over `inputs`, median of `rounds` passes. */
export async function opsPerSecond(
  inputs: readonly string[],
  op: (input: string) => unknown,
  rounds = 3,
): Promise<Rate> {
  const wall: number[] = [];
  const cpu: number[] = [];
  // Warm-up: JIT, statement caches, the client's catalog snapshot.
  for (let i = 0; i < Math.min(2000, inputs.length); i++) await op(inputs[i] as string);
  for (let r = 0; r < rounds; r++) {
    const cpuStart = processCpu() as number;
    const start = performance.now();
    for (const input of inputs) {
      // Synchronous drivers (the raw baselines) are not charged for an await.
      const result = op(input);
      if (result instanceof Promise) await result;
    }
    wall.push((inputs.length * 1000) / (performance.now() - start));
    cpu.push((inputs.length * 1000) / ((processCpu() as number) - cpuStart));
  }
  return { wall: median(wall), cpu: median(cpu) };
}
