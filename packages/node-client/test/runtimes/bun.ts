/**
 * Runs a script in Bun (the binary of the `@oven/bun-*` package that the `bun` npm package
 * installs for this platform, found without running its install script) and waits for the
 * `listening on <url>` line that the runtime apps print.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { Running } from './serve.js';

const require = createRequire(import.meta.url);

/** The Bun executable for this machine. */
export function bunBinary(): string {
  const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
  const musl = process.platform === 'linux' && !report.header?.glibcVersionRuntime;
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch;
  return require.resolve(`@oven/bun-${process.platform}-${arch}${musl ? '-musl' : ''}/bin/bun`);
}

export interface BunApp extends Running {
  /** What Bun printed so far. */
  output(): string;
  /** Bun's version. */
  version: string;
}

/** Starts `bun run <entry>` with `env` added to this process's environment. */
export async function startBun(entry: string, env: Record<string, string>): Promise<BunApp> {
  const binary = bunBinary();
  const child: ChildProcess = spawn(binary, ['run', entry], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk) => (log += chunk));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  };
  try {
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (chunk: string) => {
        log += chunk;
        const url = /listening on (http:\/\/\S+?)\/?\s/.exec(log)?.[1];
        if (url) resolve(url);
      });
      child.once('exit', (code) => reject(new Error(`bun exited (${code}): ${log}`)));
    });
    const version = await new Promise<string>((resolve) => {
      const probe = spawn(binary, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let text = '';
      probe.stdout?.on('data', (chunk) => (text += chunk));
      probe.once('exit', () => resolve(text.trim()));
    });
    return { base, close: stop, output: () => log, version };
  } catch (error) {
    await stop();
    throw error;
  }
}
