/**
 * What the event log's consumers (the webhook dispatcher, the platform write-back) share: a
 * background loop that starts once and stops without waiting out its sleeps, and the lease of a
 * cursor into the log, taken for a while, renewed, and given back at once on the way out.
 */

/**
 * A background loop: `start` runs `run` once; `stop` cuts every `sleep` short and waits for the
 * loop (and `afterStop`) to end. Starting again after a stop runs it anew.
 */
export abstract class BackgroundLoop {
  #abort = new AbortController();
  #loop: Promise<void> | null = null;

  start(): void {
    if (this.#loop) return;
    this.#abort = new AbortController();
    this.#loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.#loop) return;
    this.#abort.abort();
    await this.#loop;
    await this.afterStop();
    this.#loop = null;
  }

  /** The loop; it returns once `stopped` turns true. */
  protected abstract run(): Promise<void>;

  /** Awaited by `stop` after the loop ended (work the loop started and did not await). */
  protected async afterStop(): Promise<void> {}

  protected get stopped(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Aborted by `stop`: for requests that should end with the loop. */
  protected get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Sleeps `ms` milliseconds, or less when stopped, so that stopping never waits. */
  protected sleep(ms: number): Promise<void> {
    return sleepUnlessAborted(ms, this.#abort.signal);
  }
}

/** The time a lease request covers: from `at` until `until`. */
export interface LeaseWindow {
  at: string;
  until: string;
}

/**
 * The lease of one cursor, through the store's compare-and-set lease method for that cursor
 * (`leaseWebhookCursor` of a subscription, `leaseLogCursor` of an internal consumer).
 */
export class CursorLease<Granted> {
  readonly #take: (window: LeaseWindow) => Promise<Granted>;
  readonly #leaseMs: number;
  readonly #now: () => Date;
  readonly #onError: (error: unknown) => void;

  constructor(
    take: (window: LeaseWindow) => Promise<Granted>,
    options: { leaseMs: number; now: () => Date; onError: (error: unknown) => void },
  ) {
    this.#take = take;
    this.#leaseMs = options.leaseMs;
    this.#now = options.now;
    this.#onError = options.onError;
  }

  /** Takes or renews the lease for `leaseMs` from now; the store's answer (null: not granted). */
  renew(): Promise<Granted> {
    const at = this.#now();
    return this.#take({
      at: at.toISOString(),
      until: new Date(at.getTime() + this.#leaseMs).toISOString(),
    });
  }

  /** Gives the lease back (one that ended long ago), so another consumer takes the cursor at once. */
  async release(): Promise<void> {
    try {
      await this.#take({ at: this.#now().toISOString(), until: new Date(0).toISOString() });
    } catch (error) {
      this.#onError(error);
    }
  }
}

/**
 * `ms` milliseconds, or less when `signal` aborts.
 *
 * @example
 * await sleepUnlessAborted(1_000, controller.signal);
 */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
