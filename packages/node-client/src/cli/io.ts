/** What a CLI run reads and writes: injected, so tests run commands in-process. */

export interface CliOutput {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  /** Standard input, for `import -` and piped CSV. */
  stdin?: AsyncIterable<string | Uint8Array> & { isTTY?: boolean };
  env?: Record<string, string | undefined>;
  /** Directory relative paths are resolved against. Default `process.cwd()`. */
  cwd?: string;
  /** Ends long-running commands (`serve`) when aborted; default: SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

/** Exit codes: scripts can tell a missing unit from a refused change from a broken setup. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  notFound: 3,
  rejected: 4,
} as const;

/** A mistake in the command line itself (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
