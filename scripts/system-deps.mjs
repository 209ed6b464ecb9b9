/**
 * Makes sure the system tools the tests need are on this machine: Chromium for the widget's
 * browser tests and the PostgreSQL server for the store tests. Installs them with apt-get when
 * running as root on Debian/Ubuntu; otherwise stops with a message that says how.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
let aptUpdated = false;

function which(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function aptInstall(packages) {
  if (!aptUpdated) {
    console.log('[system-deps] apt-get update');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    aptUpdated = true;
  }
  console.log(`[system-deps] apt-get install -y ${packages.join(' ')}`);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  return which('chromium') ?? which('chromium-browser') ?? which('google-chrome');
}

export function findPostgresBin() {
  const initdb = which('initdb');
  if (initdb) return initdb.replace(/\/initdb$/, '');
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const bin = `${root}/${version}/bin`;
      if (existsSync(`${bin}/initdb`)) return bin;
    }
  }
  return null;
}

function ensure(name, found, packages, manual) {
  if (found()) return;
  if (isRoot && hasApt) {
    aptInstall(packages);
    if (found()) return;
  }
  console.error(
    `\n[system-deps] ${name} is missing and could not be installed automatically.\n${manual}\n`,
  );
  process.exit(1);
}

export function ensureSystemDeps() {
  ensure(
    'Chromium (for the widget browser tests)',
    findChromium,
    ['chromium'],
    'Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to a Chrome/Chromium binary.',
  );
  if (!process.env.SERIALKIT_TEST_DATABASE_URL) {
    ensure(
      'The PostgreSQL server (for the store tests)',
      findPostgresBin,
      ['postgresql'],
      'Install it (Debian/Ubuntu: sudo apt-get install -y postgresql) or point SERIALKIT_TEST_DATABASE_URL at a server where the tests may create schemas.',
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureSystemDeps();
  console.log(
    `[system-deps] chromium: ${findChromium()}; postgres: ${process.env.SERIALKIT_TEST_DATABASE_URL ? 'SERIALKIT_TEST_DATABASE_URL' : findPostgresBin()}`,
  );
}
