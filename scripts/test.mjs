/**
 * `npm test`: every test of the workspace, in the order a failure is cheapest to find.
 * 1. system tools (Chromium, PostgreSQL), 2. build, 3. typecheck, 4. lint and package checks,
 * 5. unit and integration tests (vitest: core, node-client with real SQLite and PostgreSQL),
 * 6. the widget in headless Chromium, its bundle budget, and the end-to-end storefront test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureSystemDeps } from './system-deps.mjs';

const started = Date.now();
const results = [];

function step(name, command, args) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  results.push({ name, ok: run.status === 0, seconds });
  if (run.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${run.status ?? run.signal}) after ${seconds}s`);
    summary();
    process.exit(1);
  }
}

function summary() {
  console.log('\nSummary');
  for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name} (${r.seconds}s)`);
  const counts = { passed: 0, failed: 0 };
  const vitestJson = '.data/test-results/vitest.json';
  if (existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
    counts.passed += report.numPassedTests ?? 0;
    counts.failed += report.numFailedTests ?? 0;
  }
  const widgetJson = 'packages/widget/.test-results/summary.json';
  if (existsSync(widgetJson)) {
    const report = JSON.parse(readFileSync(widgetJson, 'utf8'));
    counts.passed += report.passed ?? 0;
    counts.failed += report.failed ?? 0;
  }
  console.log(`  total time ${((Date.now() - started) / 1000).toFixed(0)}s`);
  console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
}

ensureSystemDeps();
mkdirSync('.data/test-results', { recursive: true });
step('build', 'npm', ['run', 'build']);
step('typecheck', 'npm', ['run', 'typecheck']);
step('lint', 'npm', ['run', 'lint']);
step('unit and integration tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.data/test-results/vitest.json',
]);
step('widget tests (headless Chromium)', 'npm', [
  'run',
  'test',
  '-w',
  '@serialkit/widget',
  '--if-present',
]);
summary();
