/**
 * Soak test: mixed admin and public traffic against the real handler on SQLite for a while
 * (default 5 minutes), reporting errors and the server's RSS over time. A script, not a CI test.
 *
 *   npx tsx bench/soak.ts                 # 300 s
 *   SOAK_SECONDS=30 npx tsx bench/soak.ts # a quick check
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveCoreFromSource } from './lib/core-source.js';
import { BENCH_API_KEY, startServer } from './lib/server-process.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const WORKERS = Number(process.env.SOAK_WORKERS ?? 16);
const UNITS = Number(process.env.SOAK_UNITS ?? 50_000);
const SAMPLE_EVERY_MS = Math.max(1000, (SECONDS * 1000) / 30);

resolveCoreFromSource();
const { sqliteStore } = await import('../src/stores/index.js');
const { seedDemo } = await import('../src/cli/demo/seed.js');

const dir = await mkdtemp(join(tmpdir(), 'serialkit-soak-'));
const db = join(dir, 'soak.db');
const seedStore = sqliteStore({ filename: db });
const summary = await seedDemo(seedStore, { units: UNITS });
const inStock = (
  await seedStore.listSerials({ sku: 'CH-65W', status: 'in_stock' }, { limit: 10_000 })
).items.map((r) => r.serial);
const known = (await seedStore.listSerials({}, { limit: 2_000 })).items.map((r) => r.serial);
await seedStore.close();
console.log(
  `seeded ${summary.units.toLocaleString('en')} units; soaking for ${SECONDS} s with ${WORKERS} workers`,
);

const server = await startServer('serialkit', db);
const admin = { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' };
const json = { 'content-type': 'application/json' };
let order = 0;

type Call = () => Promise<Response>;
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const mix: [number, string, Call][] = [
  [
    40,
    'verify',
    () =>
      fetch(`${server.url}/v1/verify`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ input: pick(known) }),
      }),
  ],
  [10, 'formats', () => fetch(`${server.url}/v1/formats`)],
  [
    10,
    'return check',
    () =>
      fetch(`${server.url}/v1/returns/check`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          orderId: summary.samples.returnCheck.orderId,
          email: summary.samples.returnCheck.email,
          serial: summary.samples.returnCheck.serial,
        }),
      }),
  ],
  [
    15,
    'lookup',
    () => fetch(`${server.url}/v1/serials/${encodeURIComponent(pick(known))}`, { headers: admin }),
  ],
  [8, 'list', () => fetch(`${server.url}/v1/serials?status=shipped&limit=50`, { headers: admin })],
  [5, 'events', () => fetch(`${server.url}/v1/events?limit=50`, { headers: admin })],
  [
    7,
    'ship',
    () => {
      const serial = inStock.pop();
      if (!serial) return fetch(`${server.url}/v1/skus?tracking=true`, { headers: admin });
      order++;
      return fetch(`${server.url}/v1/shipments`, {
        method: 'POST',
        headers: { ...admin, 'idempotency-key': `soak-${order}` },
        body: JSON.stringify({
          orderId: `SOAK-${order}`,
          channel: 'b2c',
          customer: { email: `soak${order}@example.com` },
          lines: [{ sku: 'CH-65W', serials: [serial] }],
        }),
      });
    },
  ],
  [
    5,
    'export',
    async () => {
      const response = await fetch(
        `${server.url}/v1/exports/serials.csv?sku=HP-200&status=returned`,
        { headers: admin },
      );
      await response.arrayBuffer();
      return response;
    },
  ],
];
const totalWeight = mix.reduce((sum, [weight]) => sum + weight, 0);
function choose(): [string, Call] {
  let r = Math.random() * totalWeight;
  for (const [weight, name, call] of mix) {
    r -= weight;
    if (r <= 0) return [name, call];
  }
  return [mix[0]![1], mix[0]![2]];
}

const counts = new Map<string, { ok: number; errors: number }>();
let requests = 0;
let errors = 0;
const deadline = performance.now() + SECONDS * 1000;
const samples: { second: number; rss: number; requests: number; errors: number }[] = [];
const started = performance.now();

async function worker(): Promise<void> {
  while (performance.now() < deadline) {
    const [name, call] = choose();
    const entry = counts.get(name) ?? { ok: 0, errors: 0 };
    counts.set(name, entry);
    try {
      const response = await call();
      if (!response.bodyUsed) await response.arrayBuffer();
      if (response.status >= 500 || (response.status >= 400 && name !== 'ship')) {
        entry.errors++;
        errors++;
      } else entry.ok++;
    } catch {
      entry.errors++;
      errors++;
    }
    requests++;
  }
}

const sampler = setInterval(async () => {
  const rss = await server.rss();
  const sample = {
    second: Math.round((performance.now() - started) / 1000),
    rss,
    requests,
    errors,
  };
  samples.push(sample);
  console.log(
    `${String(sample.second).padStart(4)} s  rss ${(rss / 1048576).toFixed(0).padStart(4)} MB  requests ${requests.toLocaleString('en')}  errors ${errors}`,
  );
}, SAMPLE_EVERY_MS);

await Promise.all(Array.from({ length: WORKERS }, worker));
clearInterval(sampler);
const finalRss = await server.rss();
await server.stop();
await rm(dir, { recursive: true, force: true });

console.log('\nby route:');
console.table(Object.fromEntries([...counts].map(([name, c]) => [name, c])));
const first = samples[0]?.rss ?? finalRss;
const mid = samples[Math.floor(samples.length / 2)]?.rss ?? finalRss;
console.log(
  `\n${requests.toLocaleString('en')} requests in ${SECONDS} s (${Math.round(requests / SECONDS).toLocaleString('en')}/s), ${errors} errors; ` +
    `RSS ${(first / 1048576).toFixed(0)} MB → ${(mid / 1048576).toFixed(0)} MB (half-way) → ${(finalRss / 1048576).toFixed(0)} MB (end)`,
);
process.exitCode = errors === 0 ? 0 : 1;
