/**
 * Runs a worker in Cloudflare's workerd (the binary of the `workerd` npm package): bundles the
 * entry with esbuild as wrangler would, writes a workerd config with the given text bindings,
 * starts `workerd serve` on 127.0.0.1 port 0 and reads the port it got from its control fd.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { build } from 'esbuild';
import type { Running } from './serve.js';

const require = createRequire(import.meta.url);

/** The compatibility date and flags the worker runs with (as in a wrangler.toml). */
export const COMPATIBILITY_DATE = '2025-09-01';
export const COMPATIBILITY_FLAGS = ['nodejs_compat'];

export interface Worker extends Running {
  /** What workerd printed so far. */
  output(): string;
  /** The Node built-ins the bundle imports, which `nodejs_compat` must provide. */
  builtins: string[];
}

export async function startWorker(
  entry: string,
  bindings: Record<string, string>,
): Promise<Worker> {
  const dir = await mkdtemp(join(tmpdir(), 'serialkit-workerd-'));
  const { metafile } = await build({
    metafile: true,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    // Node's built-ins stay imports, which nodejs_compat provides; `source` reads our sources.
    platform: 'node',
    conditions: ['source', 'workerd', 'worker'],
    outfile: join(dir, 'worker.js'),
    logLevel: 'warning',
  });
  const builtins = [
    ...new Set(
      Object.values(metafile.outputs).flatMap((output) =>
        output.imports.filter((used) => used.external).map((used) => used.path),
      ),
    ),
  ].sort();
  const text = (value: string) => JSON.stringify(value);
  await writeFile(
    join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # The store lives on 127.0.0.1: the default outbound network allows public addresses only.
    (name = "network", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = ${text(COMPATIBILITY_DATE)},
  compatibilityFlags = [${COMPATIBILITY_FLAGS.map(text).join(', ')}],
  globalOutbound = "network",
  bindings = [${Object.entries(bindings)
    .map(([name, value]) => `(name = ${text(name)}, text = ${text(value)})`)
    .join(', ')}],
);
`,
  );
  const binary: string = require('workerd').default;
  const child: ChildProcess = spawn(
    binary,
    ['serve', join(dir, 'config.capnp'), '--control-fd=3'],
    {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const port = await listenedPort(child.stdio[3] as Readable, child, () => log);
    return { base: `http://127.0.0.1:${port}`, close: stop, output: () => log, builtins };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The port of workerd's `{"event":"listen","socket":"http","port":…}` control message. */
function listenedPort(control: Readable, child: ChildProcess, log: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    control.setEncoding('utf8');
    control.on('data', (chunk: string) => {
      buffer += chunk;
      for (const line of buffer.split('\n').slice(0, -1)) {
        const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (message.event === 'listen' && message.socket === 'http') resolve(message.port!);
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
    child.once('exit', (code) => reject(new Error(`workerd exited (${code}): ${log()}`)));
  });
}
