/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temporary directory, start it on a free
 * loopback port with trust authentication, and remove everything on `stop()`. About 1.5 s.
 * Needs the PostgreSQL server binaries (Debian: `apt-get install -y postgresql`).
 */
import { execFile } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresTestServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
  /** Stops the server at once (as a crash would), keeping its files: for outage tests. */
  pause(): Promise<void>;
  /** Starts a paused server again on the same port. */
  resume(): Promise<void>;
}

export interface PostgresTestServerOptions {
  /** Directory of initdb and pg_ctl; found on PATH or in /usr/lib/postgresql/<version>/bin. */
  binDir?: string;
  /** Extra server settings (`-c name=value`). fsync is off by default: the data is disposable. */
  settings?: Record<string, string | number>;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The directory holding initdb and pg_ctl, or null. */
export function findPostgresBinDir(): string | null {
  const candidates = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => `/usr/lib/postgresql/${version}/bin`));
  } catch {
    // Not a Debian-style layout.
  }
  return (
    candidates.find((dir) => executable(join(dir, 'initdb')) && executable(join(dir, 'pg_ctl'))) ??
    null
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts a throwaway PostgreSQL cluster. As root, the server runs as the `postgres` user (initdb
 * refuses root); otherwise as the current user.
 *
 * @example
 * const server = await startPostgresTestServer();
 * const store = postgresStore({ connectionString: server.url }, { schema: 't_1' });
 * // …
 * await store.close();
 * await server.stop();
 */
export async function startPostgresTestServer(
  options: PostgresTestServerOptions = {},
): Promise<PostgresTestServer> {
  const binDir = options.binDir ?? findPostgresBinDir();
  if (!binDir) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) not found. Install PostgreSQL ' +
        '(`apt-get install -y postgresql`) or set SERIALKIT_TEST_DATABASE_URL to an existing server.',
    );
  }
  const asRoot = process.getuid?.() === 0;
  const pgRun = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args])
      : run(join(binDir, tool), args);

  const dir = mkdtempSync(join(tmpdir(), 'serialkit-pg-'));
  chmodSync(dir, 0o755);
  if (asRoot) await run('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const port = await freePort();
  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    ...options.settings,
  };
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');

  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const pause = async () => {
    if (!started) return;
    started = false;
    await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  };
  const resume = async () => {
    if (started) return;
    await pgRun('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-o', serverOptions, 'start']);
    started = true;
  };
  try {
    await pgRun('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-locale',
    ]);
    await pgRun('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-o', serverOptions, 'start']);
    started = true;
  } catch (error) {
    let serverLog = '';
    try {
      serverLog = readFileSync(log, 'utf8');
    } catch {
      // No log yet: initdb failed.
    }
    await stop();
    throw new Error(`Could not start a PostgreSQL test server: ${String(error)}\n${serverLog}`, {
      cause: error,
    });
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, pause, resume };
}
