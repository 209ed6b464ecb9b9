/**
 * Runs every `*.bench.ts` in this folder in name order (or only those whose name contains the first
 * CLI argument), prints the table and writes `results.json` beside this file (a filtered run
 * replaces only the groups it measured).
 *
 *   npx tsx bench/run.ts            # everything
 *   npx tsx bench/run.ts checksums  # bench/checksums.bench.ts only
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Report, type Row } from '../../../scripts/bench/report.js';

type Bench = (report: Report) => Promise<void> | void;

const folder = new URL('./', import.meta.url);
const filter = process.argv[2] ?? '';
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();

const report = new Report();
for (const file of files) {
  console.log(`\n# ${file}`);
  const bench = (await import(new URL(file, folder).href)) as { default: Bench };
  await bench.default(report);
}
report.print();

// A filtered run keeps the other groups' rows of the last results, so the file stays complete.
const results = new URL('./results.json', import.meta.url).pathname;
if (filter && existsSync(results)) {
  const groups = new Set(report.rows.map((row) => row.group));
  const previous = JSON.parse(readFileSync(results, 'utf8')) as { rows?: Row[] };
  report.rows.unshift(...(previous.rows ?? []).filter((row) => !groups.has(row.group)));
}
report.write(results);
