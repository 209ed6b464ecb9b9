/**
 * What one `serialkit serve` and one PostgreSQL sustain on this machine: the figures of
 * docs/scaling.md. A throwaway PostgreSQL with durable settings (fsync and synchronous commit
 * on), the built CLI (`npm run build` first) importing a CSV, then autocannon against one serve
 * instance for verify, lookup and ship, next to a bare node:http server answering a constant
 * (the machine's ceiling) measured in the same run. Ends with what the events table costs per
 * event, the number the partitioning plan is sized by.
 *
 *   npx tsx bench/scaling.ts
 *   SCALING_SECONDS=5 SCALING_ROWS=100000 npx tsx bench/scaling.ts   # a quick look
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createSerialClient } from '../src/client.js';
import { postgresStore } from '../src/stores/postgres.js';
import { startPostgresTestServer } from '../src/testing/postgres-server.js';
import { startServer } from './lib/server-process.js';

const SECONDS = Number(process.env.SCALING_SECONDS ?? 10);
const ROWS = Number(process.env.SCALING_ROWS ?? 200_000);
const CONNECTIONS = Number(process.env.SCALING_CONNECTIONS ?? 50);
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const KEY = 'sk_scaling_0123456789abcdefghij';
const serial = (n: number) => `KB-${String(n).padStart(7, '0')}`;

function cli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      SERIALKIT_API_KEY: KEY,
      SERIALKIT_VERIFY_SECRET: 'scaling-verify-secret-0123456789',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  return { child, output: () => out };
}

async function serve(url: string, extra: string[] = []) {
  const started = cli(['serve', '--port', '0', '--postgres', url, '--no-rate-limit', ...extra], {});
  for (let i = 0; i < 400; i++) {
    const found = /listening on (http:\/\/\S+)/.exec(started.output())?.[1];
    if (found) return { url: found, stop: () => started.child.kill('SIGTERM') };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`serve did not start: ${started.output()}`);
}

interface Run {
  rps: number;
  p99: number;
  errors: number;
}

async function load(options: autocannon.Options): Promise<Run> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const rows: string[][] = [];
const report = (name: string, run: Run, baseline?: Run) => {
  rows.push([
    name,
    run.rps.toFixed(0),
    baseline ? (run.rps / baseline.rps).toFixed(3) : '1',
    `${run.p99} ms`,
    String(run.errors),
  ]);
  console.log(rows.at(-1)!.join('  '));
};

const dir = mkdtempSync(join(tmpdir(), 'serialkit-scaling-'));
// Durable by default, as in production; SCALING_DURABLE=0 measures without waiting for the disk.
const durable = process.env.SCALING_DURABLE !== '0';
const server = await startPostgresTestServer(
  durable ? { settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } } : {},
);
console.log(
  durable ? 'PostgreSQL durable (fsync, synchronous_commit on)' : 'PostgreSQL without fsync',
);
console.log(
  `load average at start ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);
try {
  const env = { SERIALKIT_DATABASE_URL: server.url };
  const sku = cli(['sku', 'set', 'KB-1', '--name', 'Keyboard', '--format', 'KB-{D:7}'], env);
  await once(sku.child, 'exit');

  const csv = join(dir, 'units.csv');
  const out = createWriteStream(csv);
  out.write('serial,lot\n');
  for (let n = 1; n <= ROWS; n++) out.write(`${serial(n)},L${Math.ceil(n / 50_000)}\n`);
  out.end();
  await once(out, 'finish');
  const t0 = performance.now();
  const imported = cli(['import', 'serials', csv, '--sku', 'KB-1', '--json'], env);
  await once(imported.child, 'exit');
  const importSeconds = (performance.now() - t0) / 1000;
  console.log(
    `import ${ROWS} rows: ${importSeconds.toFixed(1)} s, ${(ROWS / importSeconds).toFixed(0)} rows/s`,
  );

  const bare = await startServer('bare');
  const baseline = await load({ url: `${bare.url}/v1/verify`, method: 'POST', body: '{}' });
  report('bare node:http (ceiling)', baseline);
  await bare.stop();

  const instance = await serve(server.url);
  const pick = () => serial(1 + Math.floor(Math.random() * ROWS));
  report(
    'POST /v1/verify',
    await load({
      url: instance.url,
      requests: [
        {
          method: 'POST',
          path: '/v1/verify',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: JSON.stringify({ input: pick() }) }),
        },
      ],
    }),
    baseline,
  );
  report(
    'GET /v1/serials/:serial',
    await load({
      url: instance.url,
      requests: [
        {
          method: 'GET',
          headers: { authorization: `Bearer ${KEY}` },
          setupRequest: (request) => ({ ...request, path: `/v1/serials/${pick()}` }),
        },
      ],
    }),
    baseline,
  );
  // Each request ships the next unit not shipped yet, from the top of the range down.
  let next = ROWS;
  const ship = (withKey: boolean) =>
    load({
      url: instance.url,
      requests: [
        {
          method: 'POST',
          path: '/v1/shipments',
          setupRequest: (request) => {
            const unit = serial(next--);
            return {
              ...request,
              headers: {
                authorization: `Bearer ${KEY}`,
                'content-type': 'application/json',
                ...(withKey ? { 'idempotency-key': `ship-${unit}` } : {}),
              },
              body: JSON.stringify({
                orderId: `O-${unit}`,
                channel: 'b2b',
                account: { id: 'ACME' },
                lines: [{ sku: 'KB-1', serials: [unit] }],
              }),
            };
          },
        },
      ],
    });
  report('POST /v1/shipments (1 unit)', await ship(false), baseline);
  report('POST /v1/shipments + Idempotency-Key (shared in PostgreSQL)', await ship(true), baseline);
  instance.stop();

  // A recall of one lot appends an event per unit: the events table at a size worth measuring.
  const store = postgresStore({ connectionString: server.url });
  const t1 = performance.now();
  const recall = await createSerialClient({ store }).recalls.create({
    sku: 'KB-1',
    lot: 'L1',
    notice: 'Scaling measurement',
  });
  const recallSeconds = (performance.now() - t1) / 1000;
  console.log(
    `recall of ${recall.counts.affected} units: ${recallSeconds.toFixed(1)} s, ${(recall.counts.affected / recallSeconds).toFixed(0)} events/s`,
  );
  await store.close();

  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  for (const table of ['events', 'serials', 'verifications']) {
    const { rows: found } = await client.query(
      `SELECT count(*)::int AS n, pg_total_relation_size('serialkit.${table}')::bigint AS bytes FROM serialkit.${table}`,
    );
    const { n, bytes } = found[0] as { n: number; bytes: string };
    console.log(
      `${table}: ${n} rows, ${(Number(bytes) / 2 ** 20).toFixed(1)} MiB, ${n ? (Number(bytes) / n).toFixed(0) : '-'} bytes/row with indexes`,
    );
  }
  await client.end();
} finally {
  console.log(
    `load average at end ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  console.log('\n| case | req/s | ratio to bare | p99 | errors |\n|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
