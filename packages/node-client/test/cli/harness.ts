/**
 * The CLI tests' harness: a temporary folder per test file with one SQLite store in it, and
 * `cli(argv)`, which runs `serialkit` in-process on that store and returns its exit code and what
 * it wrote to stdout and stderr.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { run } from '../../src/cli/run.js';

/** What one run of the CLI did. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written, as a pipe (not a terminal) 100 columns wide. */
function capture() {
  return {
    text: '',
    isTTY: false,
    columns: 100,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

/**
 * Registers the file's temporary folder (made before its tests, removed after) and returns the
 * runner; `database()` is the SQLite file every run uses (`--db`), for tests that also open it.
 */
export function cliOnTemporaryStore(name: string) {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `serialkit-cli-${name}-`));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const database = () => join(dir, `${name}.db`);
  async function cli(argv: string[]): Promise<CliRun> {
    const stdout = capture();
    const stderr = capture();
    const code = await run([...argv, '--db', database()], { stdout, stderr, env: {}, cwd: dir });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }
  return { cli, database };
}
