/**
 * Child process of the store benchmark's memory case: imports a units CSV from a file stream into
 * a fresh SQLite database through `client.imports.serials` and prints one JSON line with the peak
 * resident set size. Run in its own process so that nothing else the benchmark holds (the
 * fixture, other databases) is counted.
 *
 *   node --import tsx bench/rss-import.ts <units.csv> <database file> <sku> <format>
 */
import { createReadStream, readFileSync } from 'node:fs';
import { resolveCoreFromSource } from './lib/core-source.js';

const MB = 1024 * 1024;

/** The kernel's high-water mark of this process's resident set, in MB (Linux), else null. */
function vmHwmMb(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const [csv, filename, sku, format] = process.argv.slice(2);
if (!csv || !filename || !sku || !format) {
  console.error('usage: rss-import.ts <units.csv> <database file> <sku> <format>');
  process.exit(2);
}

resolveCoreFromSource();
const { createSerialClient } = await import('../src/client.js');
const { sqliteStore } = await import('../src/stores/index.js');

const client = createSerialClient({ store: sqliteStore({ filename }) });
await client.skus.update(sku, {
  name: 'Benchmark keyboard',
  serialTracking: { enabled: true, format },
});

const before = process.memoryUsage().rss / MB;
let sampled = before;
const timer = setInterval(() => {
  sampled = Math.max(sampled, process.memoryUsage().rss / MB);
}, 10);
const start = performance.now();
const report = await client.imports.serials(createReadStream(csv), { sku });
const ms = performance.now() - start;
clearInterval(timer);
sampled = Math.max(sampled, process.memoryUsage().rss / MB);
await client.close();

process.stdout.write(
  `${JSON.stringify({
    rows: report.rows,
    registered: report.registered,
    errorCount: report.errorCount,
    ms,
    rssBeforeMb: before,
    rssPeakSampledMb: sampled,
    vmHwmMb: vmHwmMb(),
  })}\n`,
);
