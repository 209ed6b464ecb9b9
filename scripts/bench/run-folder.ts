/**
 * Runs every `*.bench.ts` of a package's bench folder in name order (or only those whose name
 * contains `filter`), prints the table and writes `results.json` in that folder (a filtered run
 * replaces only the groups it measured).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Report, type Row } from './report.js';

type Bench = (report: Report) => Promise<void> | void;

export async function runBenchFolder(folder: URL, filter = ''): Promise<void> {
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
  const results = new URL('./results.json', folder).pathname;
  if (filter && existsSync(results)) {
    const groups = new Set(report.rows.map((row) => row.group));
    const previous = JSON.parse(readFileSync(results, 'utf8')) as { rows?: Row[] };
    report.rows.unshift(...(previous.rows ?? []).filter((row) => !groups.has(row.group)));
  }
  report.write(results);
}
