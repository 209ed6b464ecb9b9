/**
 * Runs every `*.bench.ts` in this folder in name order (or only those whose name contains the first
 * CLI argument), prints the table and writes `results.json` beside this file.
 *
 *   npx tsx bench/run.ts            # everything
 *   npx tsx bench/run.ts checksums  # bench/checksums.bench.ts only
 */
import { readdirSync } from 'node:fs';
import { Report } from '../../../scripts/bench/report.js';

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
report.write(new URL('./results.json', import.meta.url).pathname);
