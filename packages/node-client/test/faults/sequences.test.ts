/**
 * Processes generating serials at once on one SQLite file and on one PostgreSQL database: the
 * store's counters give every process its own numbers, so together they number each year's
 * units 1, 2, 3… with no number skipped or repeated.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import type { SerialStore } from '../../src/store.js';
import { postgresStore } from '../../src/stores/postgres.js';
import { sqliteStore } from '../../src/stores/sqlite.js';
import { createDatabase } from './processes.js';

const WORKER = fileURLToPath(new URL('./sequence-worker.ts', import.meta.url));
const PROCESSES = 4;
const ROUNDS = 30;
const DATES = ['2026-12-31', '2027-01-01'];
const dir = mkdtempSync(join(tmpdir(), 'serialkit-sequences-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one worker to its end (≤ 60 s); the serials it generated. */
function worker(kind: 'sqlite' | 'postgres', location: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, kind, location, 'KB-1', String(ROUNDS), ...DATES],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out) as string[]);
      else reject(new Error(`worker exited with ${code}:\n${err}`));
    });
  });
}

async function prepare(store: SerialStore): Promise<void> {
  const client = createSerialClient({ store });
  await client.skus.update('KB-1', {
    name: 'Keyboard',
    serialTracking: { enabled: true, format: 'KB-{YYYY}-{seq:6}', uniqueness: 'sku' },
  });
  await client.close();
}

/** Every year's serials are exactly 1…n of that year, each once. */
function expectNoGapNoRepeat(serials: string[]): void {
  const perProcess = Array.from({ length: ROUNDS }, (_, round) => (round % 4) + 1);
  const byYear = new Map<string, number[]>();
  for (const serial of serials) {
    const [, year = '', sequence = ''] = serial.split('-');
    byYear.set(year, [...(byYear.get(year) ?? []), Number(sequence)]);
  }
  expect([...byYear.keys()].sort()).toEqual(['2026', '2027']);
  for (const [index, year] of ['2026', '2027'].entries()) {
    const expected =
      PROCESSES *
      perProcess
        .filter((_, round) => round % DATES.length === index)
        .reduce((sum, count) => sum + count, 0);
    const numbers = (byYear.get(year) ?? []).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
  }
}

describe('processes generating at once', { timeout: 120_000 }, () => {
  test('on one SQLite file', async () => {
    const filename = join(dir, 'shop.db');
    const store = sqliteStore({ filename });
    await prepare(store);
    await store.close();
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, () => worker('sqlite', filename)),
    );
    expectNoGapNoRepeat(results.flat());
    const check = sqliteStore({ filename });
    expect(await check.countSerials({ sku: 'KB-1' })).toBe(results.flat().length);
    await check.close();
  });

  test('on one PostgreSQL database', async () => {
    const database = await createDatabase(inject('postgresUrl'));
    try {
      const store = postgresStore({ connectionString: database.url });
      await prepare(store);
      await store.close();
      const results = await Promise.all(
        Array.from({ length: PROCESSES }, () => worker('postgres', database.url)),
      );
      expectNoGapNoRepeat(results.flat());
      const check = postgresStore({ connectionString: database.url });
      expect(await check.countSerials({ sku: 'KB-1' })).toBe(results.flat().length);
      await check.close();
    } finally {
      await database.drop();
    }
  });
});
