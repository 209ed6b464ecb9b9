/**
 * Stores and workflows at scale: registering, looking up and recalling units on SQLite and
 * PostgreSQL through `SerialClient`, each next to the raw driver doing the same work on the same
 * schema, plus the peak memory of a streamed CSV import.
 *
 *   npx tsx bench/run.ts store                      # 1,000,000 units
 *   BENCH_UNITS=100000 npx tsx bench/run.ts store   # a quick look
 *   BENCH_GROWTH=5000000 npx tsx bench/run.ts store # also register, look up and measure 5M units
 *
 * See bench/README.md for the cases, baselines and targets.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Report } from '../../../scripts/bench/report.js';
import type { SerialClient } from '../src/client.js';
import type { SerialInsert, SerialStore } from '../src/store.js';
import { resolveCoreFromSource } from './lib/core-source.js';
import {
  createFixture,
  type Fixture,
  FORMAT,
  REGISTERED_AT,
  SKU,
  writeCsv,
} from './lib/fixture.js';
import { canMeterProcesses, clusterCpuMeter } from './lib/postgres-cpu.js';
import { copyRaw, rawRecallPg } from './lib/postgres-raw.js';
import {
  type CpuMeter,
  interleaved,
  opsPerSecond,
  processCpu,
  type Rate,
  type Timings,
} from './lib/rounds.js';
import {
  createRawSqlite,
  insertRaw,
  openRawSqlite,
  type RawSqlite,
  rawFindSerial,
  rawRecall,
  sqliteBytes,
} from './lib/sqlite-raw.js';

const UNITS = Number(process.env.BENCH_UNITS ?? 1_000_000);
/** Rounds of each one-shot case (ours and baseline interleaved); medians are reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Lookups per timed pass. */
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 20_000);
/** Targets. */
const REGISTER_MAX_RATIO = 1.5;
const LOOKUPS_PER_SECOND = 50_000;
const RECALL_MS = 2000;
const IMPORT_RSS_MB = 300;
/** Bytes a unit may take at 1,000,000 units, every index included. */
const SQLITE_BYTES_PER_UNIT = 150;
const PG_BYTES_PER_UNIT = 200;
/** Measured before units were compacted (SQLite migration 3, PostgreSQL migration 5). */
const BYTES_BEFORE = { sqlite: 303, postgres: 358 };
/** Larger unit counts to register on SQLite once each, to show how the costs grow. */
const GROWTH = (process.env.BENCH_GROWTH ?? '')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);

const REGISTER_SQLITE_BASELINE = 'raw prepared INSERT loop, 1 transaction';
const REGISTER_PG_BASELINE = 'raw COPY FROM STDIN, 1 statement';
/** `client.serials.lookup` against the raw SELECT of the record alone. */
const LOOKUP_MIN_RATIO = 0.6;
const LOOKUP_BASELINE = 'raw prepared SELECT … WHERE serial = ?';
const RECALL_BASELINE = 'raw INSERT … SELECT events + UPDATE, 1 transaction';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));

type ClientModule = typeof import('../src/client.js');
type StoresModule = typeof import('../src/stores/index.js');

interface Modules {
  createSerialClient: ClientModule['createSerialClient'];
  sqliteStore: StoresModule['sqliteStore'];
}

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

async function trackedSku(client: SerialClient): Promise<void> {
  await client.skus.update(SKU, {
    name: 'Mechanical keyboard',
    serialTracking: { enabled: true, format: FORMAT },
  });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function samplesNote(times: Timings): string {
  const list = (values: number[]) => values.map(Math.round).join('/');
  return `samples ours ${list(times.samples.ours)} ms, baseline ${list(times.samples.baseline)} ms`;
}

function perCpuSecond(rate: Rate): string {
  return `${Math.round(rate.cpu).toLocaleString('en')}/s per CPU second`;
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'error';
}

/** The CPU-time twin of a timed row: what the work costs, however busy the machine was. */
function addCpuRow(
  report: Report,
  row: { group: string; case: string; baselineName: string; note: string },
  times: Timings,
): void {
  if (!times.cpu) return;
  report.add({
    ...row,
    case: `${row.case} (CPU time)`,
    ours: times.cpu.ours,
    baseline: times.cpu.baseline,
    unit: 'ms',
  });
}

export default async function storeBench(report: Report): Promise<void> {
  console.log(
    `load average ${load()} (${cpus().length} cores); ${UNITS.toLocaleString('en')} units, ` +
      `${ROUNDS} rounds per one-shot case, ours and baseline interleaved`,
  );
  resolveCoreFromSource();
  const { compileFormat } = await import('@serialkit/core');
  const { createSerialClient } = await import('../src/client.js');
  const { sqliteStore } = await import('../src/stores/index.js');
  const modules: Modules = { createSerialClient, sqliteStore };

  const format = compileFormat(FORMAT);
  const date = new Date(Date.UTC(2024, 4, 1));
  const started = performance.now();
  const fixture = createFixture(
    (sequence) => format.generate({ sequence, date }),
    UNITS,
    Math.min(LOOKUPS, UNITS),
  );
  console.log(
    `fixture: ${FORMAT}, ${fixture.serials[0]} … ${fixture.serials.at(-1)}, ` +
      `10 lots, generated in ${seconds(performance.now() - started)}`,
  );

  const work = await mkdtemp(join(tmpdir(), 'serialkit-store-bench-'));
  try {
    const scale = await sqliteCases(report, modules, fixture, work, (input) =>
      format.validate(input),
    );
    growthRows(report, scale);
    for (const units of GROWTH) {
      const large = createFixture(
        (sequence) => format.generate({ sequence, date }),
        units,
        Math.min(LOOKUPS, units),
      );
      growthRows(report, await growthCase(modules, large, work));
    }
    await postgresCases(report, modules, fixture);
    await importRssCase(report, fixture, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`load average at the end ${load()}`);
}

// ── SQLite ───────────────────────────────────────────────────────────────────

/** What registering, looking up and storing units cost at one unit count on SQLite. */
interface Scale {
  units: number;
  registerMs: number;
  lookups: Rate;
  bytesPerUnit: number;
}

async function sqliteCases(
  report: Report,
  { createSerialClient, sqliteStore }: Modules,
  fixture: Fixture,
  work: string,
  validate: (input: string) => { success: boolean },
): Promise<Scale> {
  const rawFile = join(work, 'raw.db');
  const oursFile = join(work, 'ours.db');
  const units = fixture.units.toLocaleString('en');

  // 1. Register.
  let raw: RawSqlite | undefined;
  let client: SerialClient | undefined;
  const register = await interleaved(
    ROUNDS,
    {
      setup: () => {
        removeDatabase(rawFile);
        raw = createRawSqlite(rawFile);
      },
      run: () => insertRaw(raw as RawSqlite, fixture),
      teardown: () => raw?.close(),
    },
    {
      setup: async () => {
        removeDatabase(oursFile);
        client = createSerialClient({ store: sqliteStore({ filename: oursFile }) });
        await trackedSku(client);
      },
      run: async () => {
        const summary = await (client as SerialClient).serials.register(SKU, fixture.rows);
        if (summary.registered !== fixture.units) {
          throw new Error(`registered ${summary.registered} of ${fixture.units}`);
        }
      },
      teardown: () => client?.close(),
    },
    processCpu,
  );
  removeDatabase(rawFile);

  // Where the time of `register` goes: validating every row, and the store's inserts alone.
  const split = await registerSplit(sqliteStore, fixture, join(work, 'split.db'), validate);
  const registerCase = `client.serials.register ${units} units`;
  report.add({
    group: 'register · sqlite',
    case: registerCase,
    ours: register.ours,
    baseline: register.baseline,
    baselineName: REGISTER_SQLITE_BASELINE,
    unit: 'ms',
    minRatio: 1 / REGISTER_MAX_RATIO,
    target: `≤ ${REGISTER_MAX_RATIO}× baseline time`,
    note: `${samplesNote(register)}; load ${load()}`,
  });
  addCpuRow(
    report,
    {
      group: 'register · sqlite',
      case: registerCase,
      baselineName: REGISTER_SQLITE_BASELINE,
      note: 'CPU time of this process, where SQLite runs',
    },
    register,
  );
  report.add({
    group: 'register · sqlite',
    case: `store.insertSerials ${units} prebuilt rows (50k batches)`,
    ours: split.insertMs,
    baseline: register.baseline,
    baselineName: REGISTER_SQLITE_BASELINE,
    unit: 'ms',
    note: `the store alone, one round; validating the ${units} serials alone took ${Math.round(split.validateMs)} ms`,
  });

  // 2. The bytes a unit takes, in the database `register` filled.
  raw = openRawSqlite(oursFile);
  const size = sqliteBytes(raw, fixture.units);
  report.absolute({
    group: 'size · sqlite',
    case: `bytes per unit, ${units} units (whole file: every table and index)`,
    value: size.perUnit,
    unit: 'B/unit',
    target: `≤ ${SQLITE_BYTES_PER_UNIT}`,
    met: size.perUnit <= SQLITE_BYTES_PER_UNIT,
    note: `${bytesNote(size.parts)}; ${BYTES_BEFORE.sqlite} B/unit before compact units`,
  });

  // 3. Lookups on that database.
  const store = sqliteStore({ filename: oursFile });
  client = createSerialClient({ store });
  const find = rawFindSerial(raw);
  const sample = fixture.sample;
  const active = client;
  const rawRate = await opsPerSecond(sample, find);
  const findRate = await opsPerSecond(sample, (serial) => store.findSerial(serial));
  const lookupRate = await opsPerSecond(sample, (serial) => active.serials.lookup(serial));
  const parts = await lookupParts(store, sample);
  for (const [name, rate] of [
    ['store.findSerial', findRate],
    ['client.serials.lookup (record + history)', lookupRate],
  ] as const) {
    report.add({
      group: 'lookup · sqlite',
      case: `${name}, ${units} units`,
      ours: rate.wall,
      baseline: rawRate.wall,
      baselineName: LOOKUP_BASELINE,
      unit: 'ops/s',
      // A lookup reads the record, the SKU, the recall and the history: at least 0.6× of the one
      // raw SELECT of the record alone.
      ...(name === 'store.findSerial' ? {} : { minRatio: LOOKUP_MIN_RATIO }),
      note: `ours ${perCpuSecond(rate)}, baseline ${perCpuSecond(rawRate)}`,
    });
    report.absolute({
      group: 'lookup · sqlite',
      case: `${name} rate`,
      value: rate.wall,
      unit: 'ops/s',
      target: `≥ ${LOOKUPS_PER_SECOND.toLocaleString('en')}/s`,
      met: rate.wall >= LOOKUPS_PER_SECOND,
      note: `${perCpuSecond(rate)}${
        name === 'store.findSerial' ? '' : `; the store calls of one lookup, each alone: ${parts}`
      }; load ${load()}`,
    });
  }

  // 4. Recalls of a tenth of the units, by serial range and by lot.
  await recallCases(report, 'sqlite', fixture, active, {
    rawRecallOf: (by) => {
      const recall = rawRecall(raw as RawSqlite, by);
      return async (id, at) => recall(id, at);
    },
    cpu: processCpu,
    cpuNote: 'CPU time of this process, where SQLite runs',
  });

  raw.close();
  await active.close();
  return {
    units: fixture.units,
    registerMs: register.ours,
    lookups: lookupRate,
    bytesPerUnit: size.perUnit,
  };
}

function bytesNote(parts: { name: string; perUnit: number }[]): string {
  return parts.map(({ name, perUnit }) => `${name} ${perUnit.toFixed(1)}`).join(', ');
}

/** Registers, measures and looks up `fixture` once on SQLite (one round: it is large). */
async function growthCase(
  { createSerialClient, sqliteStore }: Modules,
  fixture: Fixture,
  work: string,
): Promise<Scale> {
  const file = join(work, 'growth.db');
  removeDatabase(file);
  const client = createSerialClient({ store: sqliteStore({ filename: file }) });
  await trackedSku(client);
  const started = performance.now();
  const summary = await client.serials.register(SKU, fixture.rows);
  const registerMs = performance.now() - started;
  if (summary.registered !== fixture.units) {
    throw new Error(`registered ${summary.registered} of ${fixture.units}`);
  }
  await client.close();
  const raw = openRawSqlite(file);
  const size = sqliteBytes(raw, fixture.units);
  raw.close();
  const reader = createSerialClient({ store: sqliteStore({ filename: file }) });
  const lookups = await opsPerSecond(fixture.sample, (serial) => reader.serials.lookup(serial));
  await reader.close();
  removeDatabase(file);
  return { units: fixture.units, registerMs, lookups, bytesPerUnit: size.perUnit };
}

/** How the costs grow: register time per unit, lookups a second and bytes a unit. */
function growthRows(report: Report, scale: Scale): void {
  const units = scale.units.toLocaleString('en');
  const group = 'growth · sqlite';
  report.absolute({
    group,
    case: `${units} units: client.serials.register time per unit`,
    value: (scale.registerMs * 1e6) / scale.units,
    unit: 'ns/op',
    target: 'trend',
    met: true,
    note: `${seconds(scale.registerMs)} in all; load ${load()}`,
  });
  report.absolute({
    group,
    case: `${units} units: client.serials.lookup rate`,
    value: scale.lookups.wall,
    unit: 'ops/s',
    target: `≥ ${LOOKUPS_PER_SECOND.toLocaleString('en')}/s`,
    met: scale.lookups.wall >= LOOKUPS_PER_SECOND,
    note: perCpuSecond(scale.lookups),
  });
  report.absolute({
    group,
    case: `${units} units: bytes per unit`,
    value: scale.bytesPerUnit,
    unit: 'B/unit',
    target: `≤ ${SQLITE_BYTES_PER_UNIT}`,
    met: scale.bytesPerUnit <= SQLITE_BYTES_PER_UNIT,
  });
}

/** Validation alone, and the store's inserts of prebuilt rows alone, one round each. */
async function registerSplit(
  sqliteStore: Modules['sqliteStore'],
  fixture: Fixture,
  file: string,
  validate: (input: string) => { success: boolean },
): Promise<{ validateMs: number; insertMs: number }> {
  let start = performance.now();
  let valid = 0;
  for (const row of fixture.rows) if (validate(row.serial).success) valid++;
  const validateMs = performance.now() - start;
  if (valid !== fixture.units) throw new Error(`${fixture.units - valid} fixture serials invalid`);

  const rows: SerialInsert[] = fixture.rows.map((row) => ({
    sku: SKU,
    serial: row.serial,
    uniqueKey: `${SKU}\u001f${row.serial}`,
    lot: row.lot,
    registeredAt: REGISTERED_AT,
  }));
  removeDatabase(file);
  const store = sqliteStore({ filename: file });
  await store.migrate();
  start = performance.now();
  const batch = store.capabilities.preferredBatchSize;
  for (let i = 0; i < rows.length; i += batch) await store.insertSerials(rows.slice(i, i + batch));
  const insertMs = performance.now() - start;
  await store.close();
  removeDatabase(file);
  return { validateMs, insertMs };
}

/** Rates of the store calls `serials.lookup` makes, each measured alone. */
async function lookupParts(store: SerialStore, sample: string[]): Promise<string> {
  const probe = sample.slice(0, Math.min(sample.length, 10_000));
  const rates = {
    findSerial: await opsPerSecond(probe, (serial) => store.findSerial(serial), 1),
    getSku: await opsPerSecond(probe, () => store.getSku(SKU), 1),
    listEvents: await opsPerSecond(
      probe,
      (serial) => store.listEvents({ sku: SKU, serial }, { limit: 1000 }),
      1,
    ),
  };
  return Object.entries(rates)
    .map(([name, rate]) => `${name} ${perCpuSecond(rate)}`)
    .join(', ');
}

type RecallBy = { range: { from: string; to: string } } | { lot: string };

interface RecallSetup {
  rawRecallOf: (by: RecallBy) => (recallId: string, at: string) => Promise<number>;
  cpu: CpuMeter | undefined;
  cpuNote: string;
  /** Untimed, before every round of either side. */
  setup?: () => Promise<unknown>;
  setupNote?: string;
}

async function recallCases(
  report: Report,
  engine: string,
  fixture: Fixture,
  client: SerialClient,
  { rawRecallOf, cpu, cpuNote, setup, setupNote }: RecallSetup,
): Promise<void> {
  const tenth = Math.floor(fixture.units / 10);
  const cases: [string, RecallBy][] = [
    [`by serial range (${tenth.toLocaleString('en')} units)`, { range: fixture.range }],
    [`by lot (${tenth.toLocaleString('en')} units)`, { lot: fixture.lot }],
  ];
  let round = 0;
  for (const [name, by] of cases) {
    const recallRaw = rawRecallOf(by);
    // Every round marks the same units under a new recall id, so each does the full work.
    const times = await interleaved(
      ROUNDS,
      {
        ...(setup ? { setup } : {}),
        run: async () => {
          const marked = await recallRaw(`raw_${engine}_${++round}`, new Date().toISOString());
          if (marked !== tenth) throw new Error(`raw recall marked ${marked} of ${tenth}`);
        },
      },
      {
        ...(setup ? { setup } : {}),
        run: async () => {
          const recall = await client.recalls.create({
            sku: SKU,
            ...by,
            notice: 'Keyboards of this batch may overheat. Stop using them.',
          });
          if (recall.counts.affected !== tenth) {
            throw new Error(`recall marked ${recall.counts.affected} of ${tenth}`);
          }
        },
      },
      cpu,
    );
    report.add({
      group: `recall · ${engine}`,
      case: `client.recalls.create ${name}`,
      ours: times.ours,
      baseline: times.baseline,
      baselineName: RECALL_BASELINE,
      unit: 'ms',
      note: `${samplesNote(times)}${setupNote ? `; ${setupNote}` : ''}`,
    });
    addCpuRow(
      report,
      {
        group: `recall · ${engine}`,
        case: `client.recalls.create ${name}`,
        baselineName: RECALL_BASELINE,
        note: cpuNote,
      },
      times,
    );
    report.absolute({
      group: `recall · ${engine}`,
      case: `client.recalls.create ${name} time`,
      value: times.ours,
      unit: 'ms',
      target: `< ${RECALL_MS} ms`,
      met: times.ours < RECALL_MS,
      note: `of ${fixture.units.toLocaleString('en')} units; load ${load()}`,
    });
  }
}

// ── PostgreSQL ───────────────────────────────────────────────────────────────

const PG_SCHEMA = 'bench';

async function postgresCases(
  report: Report,
  { createSerialClient }: Modules,
  fixture: Fixture,
): Promise<void> {
  let server: { url: string; stop(): Promise<void> } | undefined;
  let pool: pg.Pool | undefined;
  let client: SerialClient | undefined;
  try {
    const { startPostgresTestServer } = await import('../src/testing/postgres-server.js');
    const { postgresStore } = await import('../src/stores/postgres.js');
    server = await startPostgresTestServer();
    console.log(
      'PostgreSQL: throwaway cluster with fsync=off, synchronous_commit=off, full_page_writes=off (disposable data); other settings default',
    );
    // Connections stay open between rounds, so the CPU meter keeps following the same backends.
    pool = new pg.Pool({ connectionString: server.url, max: 4, idleTimeoutMillis: 0 });
    const active = pool;
    const store = postgresStore({ pool: active }, { schema: PG_SCHEMA });
    await store.migrate();
    client = createSerialClient({ store });
    await trackedSku(client);
    const ours = client;
    const units = fixture.units.toLocaleString('en');
    const cpu = canMeterProcesses() ? clusterCpuMeter(active) : undefined;

    // Each round starts from an empty table, with the previous round's dirty pages flushed.
    const reset = async () => {
      await active.query(`TRUNCATE ${PG_SCHEMA}.serials, ${PG_SCHEMA}.events`);
      await active.query('CHECKPOINT');
    };
    const register = await interleaved(
      ROUNDS,
      {
        setup: reset,
        run: async () => {
          const connection = await active.connect();
          try {
            await copyRaw(connection, PG_SCHEMA, fixture);
          } finally {
            connection.release();
          }
        },
      },
      {
        setup: reset,
        run: async () => {
          const summary = await ours.serials.register(SKU, fixture.rows);
          if (summary.registered !== fixture.units) {
            throw new Error(`registered ${summary.registered} of ${fixture.units}`);
          }
        },
      },
      cpu,
    );
    const registerCase = `client.serials.register ${units} units`;
    report.add({
      group: 'register · postgres',
      case: registerCase,
      ours: register.ours,
      baseline: register.baseline,
      baselineName: REGISTER_PG_BASELINE,
      unit: 'ms',
      minRatio: 1 / REGISTER_MAX_RATIO,
      target: `≤ ${REGISTER_MAX_RATIO}× baseline time`,
      note: `${samplesNote(register)}; fsync=off; load ${load()}`,
    });
    const { rows: sizes } = await active.query(
      `SELECT pg_total_relation_size($1::regclass) AS total, pg_relation_size($1::regclass) AS heap,
         (SELECT string_agg(c.relname || ' ' || round(pg_relation_size(c.oid)::numeric / $2, 1), ', ' ORDER BY pg_relation_size(c.oid) DESC)
          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass) AS indexes`,
      [`${PG_SCHEMA}.serials`, fixture.units],
    );
    const perUnit = Number(sizes[0]?.total) / fixture.units;
    report.absolute({
      group: 'size · postgres',
      case: `bytes per unit, ${units} units (serials table with every index)`,
      value: perUnit,
      unit: 'B/unit',
      target: `≤ ${PG_BYTES_PER_UNIT}`,
      met: perUnit <= PG_BYTES_PER_UNIT,
      note: `heap ${(Number(sizes[0]?.heap) / fixture.units).toFixed(1)}, ${sizes[0]?.indexes}; ${BYTES_BEFORE.postgres} B/unit before compact units`,
    });
    addCpuRow(
      report,
      {
        group: 'register · postgres',
        case: registerCase,
        baselineName: REGISTER_PG_BASELINE,
        note: 'CPU time of this process plus the PostgreSQL processes',
      },
      register,
    );

    await recallCases(report, 'postgres', fixture, ours, {
      rawRecallOf: (by) => rawRecallPg(active, PG_SCHEMA, by),
      cpu,
      cpuNote: 'CPU time of this process plus the PostgreSQL processes',
      // Every round rewrites the same 100,000 rows: vacuum the dead versions the previous round
      // left (as autovacuum would), so no round pays for another's bloat.
      setup: async () => {
        await active.query(`VACUUM ANALYZE ${PG_SCHEMA}.serials, ${PG_SCHEMA}.events`);
        await active.query('CHECKPOINT');
      },
      setupNote: 'VACUUM ANALYZE + CHECKPOINT before every round',
    });
  } catch (error) {
    const message = errorMessage(error);
    console.error(`PostgreSQL cases failed: ${message}`);
    for (const group of ['register · postgres', 'recall · postgres']) {
      report.absolute({
        group,
        case: 'PostgreSQL cases did not run',
        value: Number.NaN,
        unit: 'ms',
        target: 'run',
        met: false,
        note: message,
      });
    }
  } finally {
    await client?.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await server?.stop().catch(() => undefined);
  }
}

// ── Peak memory of a streamed CSV import ─────────────────────────────────────

interface ImportResult {
  rows: number;
  registered: number;
  ms: number;
  rssBeforeMb: number;
  rssPeakSampledMb: number;
  vmHwmMb: number | null;
}

async function importRssCase(report: Report, fixture: Fixture, work: string): Promise<void> {
  const csv = join(work, 'units.csv');
  const file = join(work, 'import.db');
  await writeCsv(csv, fixture);
  const units = fixture.units.toLocaleString('en');
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', join(here, 'rss-import.ts'), csv, file, SKU, FORMAT],
      { cwd: join(here, '..'), maxBuffer: 1024 * 1024 },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ImportResult;
    if (result.registered !== fixture.units) {
      throw new Error(`imported ${result.registered} of ${fixture.units} rows`);
    }
    const peak = result.vmHwmMb ?? result.rssPeakSampledMb;
    const hwm =
      result.vmHwmMb === null ? 'VmHWM unavailable' : `VmHWM ${result.vmHwmMb.toFixed(0)} MB`;
    report.absolute({
      group: 'import · sqlite',
      case: `client.imports.serials ${units}-row CSV file stream, peak RSS`,
      value: peak,
      unit: 'MB',
      target: `< ${IMPORT_RSS_MB} MB`,
      met: peak < IMPORT_RSS_MB,
      note: `${hwm}, sampled peak ${result.rssPeakSampledMb.toFixed(0)} MB, RSS before the import (node + tsx + modules) ${result.rssBeforeMb.toFixed(0)} MB; ${seconds(result.ms)}, ${Math.round((result.rows * 1000) / result.ms).toLocaleString('en')} rows/s; load ${load()}`,
    });
  } catch (error) {
    const message = errorMessage(error);
    console.error(`CSV import case failed: ${message}`);
    report.absolute({
      group: 'import · sqlite',
      case: 'CSV import did not run',
      value: Number.NaN,
      unit: 'MB',
      target: `< ${IMPORT_RSS_MB} MB`,
      met: false,
      note: message,
    });
  } finally {
    rmSync(csv, { force: true });
    removeDatabase(file);
  }
}
