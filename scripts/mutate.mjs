/**
 * Runs a package's mutation modules one after another (StrykerJS, one module a run, see the
 * package's mutation-modules.mjs), then writes the summary of every module's last report
 * (scripts/mutation-summary.mjs). Run from the package's folder, as `npm run mutate` does:
 *
 *   node ../../scripts/mutate.mjs            # every module
 *   node ../../scripts/mutate.mjs verify     # some modules; the others keep their last report
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const { MUTATION_MODULES } = await import(
  pathToFileURL(`${process.cwd()}/mutation-modules.mjs`).href
);
const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in MUTATION_MODULES));
if (unknown.length > 0) {
  console.error(
    `unknown module ${unknown.join(', ')}: pick from ${Object.keys(MUTATION_MODULES).join(', ')}`,
  );
  process.exit(2);
}

for (const name of names.length > 0 ? names : Object.keys(MUTATION_MODULES)) {
  console.log(`\n=== mutation module ${name} ===`);
  const run = spawnSync('npx', ['stryker', 'run'], {
    stdio: 'inherit',
    env: { ...process.env, STRYKER_MODULE: name },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const summary = spawnSync(
  process.execPath,
  [fileURLToPath(new URL('./mutation-summary.mjs', import.meta.url))],
  { stdio: 'inherit' },
);
process.exit(summary.status ?? 1);
