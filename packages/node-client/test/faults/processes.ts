/**
 * Real processes for the fault tests: the built CLI (`npm run build` first; `npm test` does),
 * started on loopback with a free port, each tracked so `stopAll()` in afterAll kills whatever
 * is left. Every wait here is bounded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** An admin (write) key every instance of a test shares. */
export const API_KEY = `sk_fault_${randomBytes(16).toString('hex')}`;
/** The store protocol key (scope `store`) of instances started with `--store-protocol`. */
export const STORE_KEY = `sk_store_fault_${randomBytes(16).toString('hex')}`;
/** The verification secret every instance of a run shares, as a deployment's instances must. */
const VERIFY_SECRET = randomBytes(32).toString('base64');

const running = new Set<ChildProcess>();

export interface Running {
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code or signal. */
  readonly exited: Promise<number | string>;
}

function assertBuilt(): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run \`npm run build\` before the fault tests`);
  }
}

/** Runs the CLI with `args`, tracked until it exits. */
export function startCli(args: string[], env: Record<string, string> = {}): Running {
  assertBuilt();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      SERIALKIT_API_KEY: API_KEY,
      SERIALKIT_STORE_KEY: STORE_KEY,
      SERIALKIT_VERIFY_SECRET: VERIFY_SECRET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return { child, output: () => output, exited };
}

export interface Instance extends Running {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
}

/** Starts `serialkit serve` on a free loopback port and waits until it listens (≤ 20 s). */
export async function startServe(
  args: string[],
  env: Record<string, string> = {},
): Promise<Instance> {
  const started = startCli(['serve', '--host', '127.0.0.1', '--port', '0', ...args], env);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const url = /serialkit listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(started.output())?.[1];
    if (url) return { ...started, url };
    if (started.child.exitCode !== null || Date.now() > deadline) {
      started.child.kill('SIGKILL');
      throw new Error(`serialkit serve did not start:\n${started.output()}`);
    }
    await sleep(25);
  }
}

/** Kills every process still running (afterAll). */
export async function stopAll(): Promise<void> {
  const children = [...running];
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(
    children.map((child) =>
      child.exitCode === null && child.signalCode === null
        ? new Promise((resolve) => child.once('exit', resolve))
        : undefined,
    ),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A database of its own on the test server, so instances' default schema is this test's alone. */
export async function createDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `faults_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Calls `fn` until it returns true, every `everyMs`, for at most `withinMs`; true if it did. */
export async function eventually(
  fn: () => Promise<boolean>,
  withinMs: number,
  everyMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) return true;
    await sleep(everyMs);
  }
  return false;
}
