/**
 * Padding that keeps a public answer's time from telling whether a unit exists: the work done
 * for known units is timed, and an answer for an unknown unit waits as long as a recent one took.
 */

/** How many recent durations the padding of unknown serials draws from. */
const DURATION_SAMPLES = 256;

/**
 * Recent durations of the work done for known units, so that answers for unknown units can take
 * as long: a draw from the same distribution, tail included, rather than a fixed delay.
 *
 * @example
 * const work = new DurationSamples();
 * work.add(1.5);
 * await waitFor(work.sample());
 */
export class DurationSamples {
  readonly #values = new Float64Array(DURATION_SAMPLES);
  #count = 0;

  /** Keeps `ms`, dropping the oldest duration once 256 are kept. */
  add(ms: number): void {
    this.#values[this.#count++ % DURATION_SAMPLES] = ms;
  }

  /** A kept duration at random; 0 before any (`waitFor(0)` still yields one turn of the loop). */
  sample(): number {
    const filled = Math.min(this.#count, DURATION_SAMPLES);
    // Stryker disable next-line ConditionalExpression: equivalent for `false`, the first slot holds 0 until a duration is kept
    return filled === 0 ? 0 : this.#values[Math.floor(Math.random() * filled)]!;
  }
}

/**
 * Waits `ms` without blocking the event loop: timers for whole milliseconds, then turns of the
 * loop (setImmediate) for the sub-millisecond rest, which timers cannot time. Always at least
 * one turn, as the known path's writes take at least that.
 *
 * @example
 * await waitFor(0.4); // a few turns of the event loop
 */
export async function waitFor(ms: number): Promise<void> {
  const until = performance.now() + ms;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent in what a caller sees, the timer only spares the loop below some turns (and may overshoot by a millisecond)
  if (ms >= 2) await new Promise((resolve) => setTimeout(resolve, Math.floor(ms) - 1));
  do await new Promise((resolve) => setImmediate(resolve));
  while (
    // Stryker disable next-line EqualityOperator: equivalent, `<=` waits at most one more turn
    performance.now() < until
  );
}
