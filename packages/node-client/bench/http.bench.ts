/**
 * Public verification over HTTP: requests/s and p99 latency of `POST /v1/verify` through
 * `createHandler` + `toNodeListener` on a real node:http server backed by a seeded SQLite store
 * (rate limiter off), next to a bare node:http server answering a constant JSON body, the
 * ceiling of any handler on this machine. A third server runs the same handler with a client
 * whose verify answers a constant, which separates the HTTP layer's cost from the workflow's
 * (a lookup and a verification write per request). Servers run in a child process, autocannon
 * in this one.
 *
 *   npx tsx bench/run.ts http
 *   BENCH_HTTP_SECONDS=5 BENCH_HTTP_UNITS=20000 npx tsx bench/run.ts http   # a quick look
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Report } from '../../../scripts/bench/report.js';
import { resolveCoreFromSource } from './lib/core-source.js';
import { startServer } from './lib/server-process.js';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const UNITS = Number(process.env.BENCH_HTTP_UNITS ?? 100_000);
const CONNECTIONS = [50, 200];

interface Run {
  rps: number;
  p99: number;
  errors: number;
}

async function load(url: string, connections: number, bodies: string[]): Promise<Run> {
  const result = await autocannon({
    url: `${url}/v1/verify`,
    connections,
    duration: SECONDS,
    requests: bodies.map((body) => ({
      method: 'POST',
      path: '/v1/verify',
      headers: { 'content-type': 'application/json', 'user-agent': 'bench' },
      body,
    })),
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Seeds the demo data set into a fresh SQLite file; returns it and serials to verify. */
async function seed(dir: string): Promise<{ db: string; bodies: string[] }> {
  resolveCoreFromSource();
  const { sqliteStore } = await import('../src/stores/index.js');
  const { seedDemo } = await import('../src/cli/demo/seed.js');
  const db = join(dir, 'bench.db');
  const store = sqliteStore({ filename: db });
  const summary = await seedDemo(store, { units: UNITS });
  const page = await store.listSerials({}, { limit: 10_000 });
  await store.close();
  // A spread of inputs: existing units of every SKU, unknown and mistyped serials.
  const inputs = page.items.filter((_, i) => i % 200 === 0).map((record) => record.serial);
  inputs.push(summary.samples.unknown, summary.samples.mistyped, summary.samples.recalled);
  console.log(
    `seeded ${summary.units.toLocaleString('en')} units in ${summary.seconds.toFixed(1)} s; ${inputs.length} inputs`,
  );
  return { db, bodies: inputs.map((input) => JSON.stringify({ input })) };
}

export default async function httpBench(report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'serialkit-http-bench-'));
  try {
    const { db, bodies } = await seed(dir);
    for (const connections of CONNECTIONS) {
      // Bare first, then ours, each on a fresh server process.
      const bare = await startServer('bare');
      await load(bare.url, connections, bodies.slice(0, 5)); // warm-up
      const ceiling = await load(bare.url, connections, bodies);
      await bare.stop();
      const layer = await startServer('layer');
      await load(layer.url, connections, bodies.slice(0, 5));
      const layerOnly = await load(layer.url, connections, bodies);
      await layer.stop();
      const server = await startServer('serialkit', db);
      await load(server.url, connections, bodies.slice(0, 5));
      const ours = await load(server.url, connections, bodies);
      await server.stop();

      report.add({
        group: 'http',
        case: `HTTP layer only (verify answers a constant), ${connections} connections`,
        ours: layerOnly.rps,
        baseline: ceiling.rps,
        baselineName: 'bare node:http, constant JSON',
        unit: 'ops/s',
        minRatio: 0.5,
        note: `p99 ${layerOnly.p99} ms; errors ${layerOnly.errors}`,
      });

      report.add({
        group: 'http',
        case: `POST /v1/verify on SQLite, ${connections} connections`,
        ours: ours.rps,
        baseline: ceiling.rps,
        baselineName: 'bare node:http, constant JSON',
        unit: 'ops/s',
        minRatio: 0.5,
        note: `p99 ${ours.p99} ms vs ${ceiling.p99} ms; errors ${ours.errors}`,
      });
      report.absolute({
        group: 'http',
        case: `POST /v1/verify p99, ${connections} connections`,
        value: ours.p99,
        unit: 'ms',
        target: 'zero errors',
        met: ours.errors === 0,
        note: `bare p99 ${ceiling.p99} ms; errors ours ${ours.errors}, bare ${ceiling.errors}`,
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
