/**
 * The padding of public answers for unknown units (src/workflows/timing-padding.ts). Time is
 * read only as a lower bound: a wait never ends before it is due, however busy the machine.
 */
import { describe, expect, it } from 'vitest';
import { DurationSamples, waitFor } from '../../src/workflows/timing-padding.js';

describe('DurationSamples', () => {
  it('samples 0 before any duration is kept', () => {
    expect(new DurationSamples().sample()).toBe(0);
  });

  it('samples only kept durations, and every one of them in time', () => {
    const samples = new DurationSamples();
    for (const ms of [1, 2, 3]) samples.add(ms);
    const drawn = new Set(Array.from({ length: 500 }, () => samples.sample()));
    expect([...drawn].sort()).toEqual([1, 2, 3]);
  });

  it('keeps the last 256 durations', () => {
    const samples = new DurationSamples();
    for (let i = 0; i < 256; i++) samples.add(1);
    for (let i = 0; i < 256; i++) samples.add(2);
    const drawn = new Set(Array.from({ length: 500 }, () => samples.sample()));
    expect([...drawn]).toEqual([2]);
    samples.add(3);
    const after = new Set(Array.from({ length: 3000 }, () => samples.sample()));
    expect([...after].sort()).toEqual([2, 3]);
  });
});

describe('waitFor', () => {
  it('never ends before the time asked for, below and above a timer tick', async () => {
    for (const ms of [0.5, 1, 5, 12]) {
      const start = performance.now();
      await waitFor(ms);
      expect(performance.now() - start).toBeGreaterThanOrEqual(ms);
    }
  });

  it('yields to the event loop even for no time at all', async () => {
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    await waitFor(0);
    expect(ran).toBe(true);
  });
});
