/**
 * The wait between rounds of an event-log consumer (the webhook dispatcher, the platform
 * write-back): `ms` milliseconds, or less when `signal` aborts, so that stopping never waits.
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
