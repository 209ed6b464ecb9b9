/**
 * A real serialkit service for end-to-end tests: a throwaway SQLite store seeded with the demo
 * data, served with the storefront or the console as `npm start` serves them. Builds what the
 * service needs when it is missing, and the widget's bundles always (the tests must see the
 * current sources).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const widget = fileURLToPath(new URL('..', import.meta.url));
export const root = join(widget, '..', '..');
export const cli = join(root, 'packages/node-client/dist/cli.js');

/** Builds core, node-client (when missing) and the widget's bundles; exits on failure. */
export function buildAll() {
  if (!existsSync(cli)) {
    console.log('› building @serialkit/core and @serialkit/node-client');
    const built = spawnSync(
      'npm',
      ['run', 'build', '-w', '@serialkit/core', '-w', '@serialkit/node-client'],
      { cwd: root, stdio: 'inherit' },
    );
    if (built.status !== 0) process.exit(1);
  }
  const bundled = spawnSync(process.execPath, ['scripts/bundle.mjs'], {
    cwd: widget,
    stdio: 'inherit',
  });
  if (bundled.status !== 0) process.exit(1);
}

/**
 * Seeds a demo database of `units` units and serves it with `serveArgs` (`--static`, `--asset`…).
 * Returns the URL, the admin key, the demo summary and `stop()`.
 */
export async function startDemoService({ units = 2000, serveArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'serialkit-e2e-'));
  const db = join(dir, 'demo.db');
  const seeded = spawnSync(
    process.execPath,
    [cli, 'demo', '--db', db, '--units', String(units), '--force', '--json'],
    { encoding: 'utf8' },
  );
  if (seeded.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`seeding failed: ${seeded.stderr}`);
  }
  const demo = JSON.parse(seeded.stdout);
  const apiKey = `sk_e2e_${randomBytes(16).toString('hex')}`;
  const server = spawn(
    process.execPath,
    [cli, 'serve', '--db', db, '--port', '0', ...serveArgs, '--json'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        SERIALKIT_API_KEY: apiKey,
        SERIALKIT_VERIFY_SECRET: randomBytes(32).toString('base64url'),
      },
    },
  );
  const stop = () => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise((resolve, reject) => {
      let output = '';
      server.stdout.setEncoding('utf8');
      server.stdout.on('data', (chunk) => {
        output += chunk;
        const end = output.indexOf('\n}');
        if (end !== -1) resolve(JSON.parse(output.slice(0, end + 2)).url);
      });
      server.on('exit', (code) =>
        reject(new Error(`the service exited (${code}) before listening`)),
      );
    });
    return { url, apiKey, demo, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
