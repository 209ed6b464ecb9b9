/**
 * The timing side channel of public verification: does `POST /v1/verify` answer a serial that
 * does not exist sooner or later than one that does? Known and unknown serials (both of the
 * right format) are sent in alternation through `createHandler` over a seeded SQLite store, and
 * the medians (and 90th percentiles) are compared as ratios. A ratio near 1 means the answer's
 * time tells nothing; the target is within 1.25× either way.
 *
 *   npx tsx bench/run.ts verify-timing
 *   BENCH_VERIFY_SAMPLES=1000 npx tsx bench/run.ts verify-timing   # a quick look
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, type Report } from '../../../scripts/bench/report.js';
import { resolveCoreFromSource } from './lib/core-source.js';

const SAMPLES = Number(process.env.BENCH_VERIFY_SAMPLES ?? 4000);
const UNITS = 20_000;
const GROUP = 'verify timing (side channel)';
const MAX_SKEW = 1.25;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export default async function verifyTimingBench(report: Report): Promise<void> {
  resolveCoreFromSource();
  const { createSerialClient } = await import('../src/client.js');
  const { createHandler } = await import('../src/http/handler.js');
  const { sqliteStore } = await import('../src/stores/index.js');
  const { compileFormat } = await import('@serialkit/core');
  const dir = await mkdtemp(join(tmpdir(), 'serialkit-verify-timing-'));
  try {
    const store = sqliteStore({ filename: join(dir, 'timing.db') });
    await store.migrate();
    const client = createSerialClient({
      store,
      verify: { secret: 'bench-verify-secret-0123456789' },
    });
    const format = 'SN-{YYYY}-{D:6}{check:luhn}';
    await client.skus.update('HP-200', {
      name: 'Headphones',
      serialTracking: { enabled: true, format, uniqueness: 'sku' },
    });
    const { serials } = await client.serials.generate('HP-200', UNITS, { mode: 'sequential' });
    const shipped = serials.slice(0, 2000);
    await client.shipments.create({
      orderId: 'ORD-BENCH',
      channel: 'b2c',
      customer: { id: 'C-1', email: 'bench@example.com' },
      lines: [{ sku: 'HP-200', serials: shipped }],
    });
    const compiled = compileFormat(format);
    const year = new Date(Date.UTC(2024, 0, 1));
    const unknown = Array.from({ length: 2000 }, (_, i) =>
      compiled.generate({ sequence: 900_000 + i, date: year }),
    );
    const handler = createHandler(client, { rateLimit: false });
    const verify = async (input: string, i: number) => {
      const request = new Request('http://bench.test/v1/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input }),
      });
      // Start from a quiet loop: a write the previous request left for the end of its turn
      // would otherwise land in this one's time.
      await new Promise((resolve) => setTimeout(resolve, 1));
      const start = performance.now();
      const response = await handler(request, { remoteAddress: `10.${i % 250}.0.1` });
      await response.text();
      return performance.now() - start;
    };
    // Warm-up, then alternate so that drift (GC, the disk, other processes) hits both alike.
    for (let i = 0; i < 500; i++) {
      await verify(shipped[i % shipped.length]!, i);
      await verify(unknown[i % unknown.length]!, i);
    }
    const known: number[] = [];
    const missing: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const knownFirst = i % 2 === 0;
      const a = shipped[(i * 7) % shipped.length]!;
      const b = unknown[(i * 7) % unknown.length]!;
      if (knownFirst) {
        known.push(await verify(a, i));
        missing.push(await verify(b, i));
      } else {
        missing.push(await verify(b, i));
        known.push(await verify(a, i));
      }
    }
    await client.close();
    const note = `${SAMPLES} samples each, alternating; ratio near 1 means no side channel`;
    for (const [name, pick] of [
      ['median', median],
      ['p90', (values: number[]) => percentile(values, 0.9)],
    ] as const) {
      const k = pick(known);
      const u = pick(missing);
      // Both directions: unknown serials must answer neither much sooner nor much later.
      report.add({
        group: GROUP,
        case: `unknown serial vs known (${name}): not slower`,
        ours: u,
        baseline: k,
        baselineName: 'known serial',
        unit: 'ms',
        minRatio: 1 / MAX_SKEW,
        note,
      });
      report.add({
        group: GROUP,
        case: `unknown serial vs known (${name}): not faster`,
        ours: k,
        baseline: u,
        baselineName: 'unknown serial',
        unit: 'ms',
        minRatio: 1 / MAX_SKEW,
        note,
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
