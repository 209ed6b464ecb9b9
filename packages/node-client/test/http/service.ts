/**
 * Runs `serialkit serve` as a real child process (from source, through tsx) for end-to-end
 * tests over HTTP: the banner gives its URL, stderr is kept line by line.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const cliPath = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const nodeArgs = ['--conditions=source', '--import', 'tsx', cliPath];

export interface Service {
  url: string;
  child: ChildProcess;
  /** stderr so far, split in lines. */
  stderr(): string[];
  /** The banner printed with --json. */
  banner: Record<string, unknown>;
  /** Sends SIGTERM and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs a CLI command to completion; its exit status and output. */
export function spawnCli(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...nodeArgs, ...args], {
    encoding: 'utf8',
    env: { ...cleanEnv(), ...env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a CLI command to completion (e.g. `demo` to seed a database); throws on failure. */
export function runCli(args: string[], env: Record<string, string> = {}): string {
  const result = spawnCli(args, env);
  if (result.status !== 0) throw new Error(`serialkit ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

/** This process's environment without serialkit's own variables (tests set those). */
function cleanEnv(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('SERIALKIT_')),
  );
}

/** Starts `serialkit serve --port 0 --json …args` and waits until it listens. */
export async function startService(
  args: string[],
  env: Record<string, string> = {},
): Promise<Service> {
  const child = spawn(process.execPath, [...nodeArgs, 'serve', '--port', '0', '--json', ...args], {
    env: { ...cleanEnv(), ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const banner = await new Promise<Record<string, unknown>>((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const end = output.indexOf('\n}');
      if (end !== -1) resolve(JSON.parse(output.slice(0, end + 2)));
    });
    child.on('exit', (code) =>
      reject(new Error(`serve exited (${code}) before listening: ${stderr}`)),
    );
  });
  return {
    url: String(banner.url),
    child,
    banner,
    stderr: () => stderr.split('\n').filter(Boolean),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = await exited;
      return code as number | null;
    },
  };
}
