#!/usr/bin/env node
/**
 * `npm run release`: publishes the packages whose version is not on the registry yet, with npm
 * provenance (each package's `publishConfig`), from a clean main whose changesets are versioned.
 * Run it in CI with an OIDC-capable runner (GitHub Actions: `permissions: id-token: write`) and
 * `NPM_TOKEN`; `--dry-run` shows what would be published without publishing.
 *
 * The flow: `npx changeset` with each user-visible change → `npx changeset version` (bumps
 * versions, writes CHANGELOG.md, removes the changesets; commit that) → `npm run release`. The
 * first release, 0.1.0, is described in each package's CHANGELOG.md and has no changeset: it
 * publishes as it stands.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dryRun = process.argv.includes('--dry-run');

function run(command, args) {
  console.log(`› ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const pending = readdirSync('.changeset').filter(
  (file) => file.endsWith('.md') && file !== 'README.md',
);
if (pending.length > 0) {
  console.error(
    `${pending.length} changeset(s) are not versioned yet: run \`npx changeset version\`, review and commit it, then release.`,
  );
  process.exit(1);
}
const status = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' });
if (status.stdout.trim() !== '' && !dryRun) {
  console.error('The working tree has changes: release from a clean checkout of main.');
  process.exit(1);
}
run('npm', ['run', 'build']);
if (dryRun) {
  for (const pkg of [
    'packages/core',
    'packages/node-client',
    'packages/widget',
    'packages/serialkit',
  ]) {
    run('npm', ['publish', '--dry-run', '--ignore-scripts', '--provenance=false', `./${pkg}`]);
  }
} else {
  run('npx', ['changeset', 'publish']);
}
