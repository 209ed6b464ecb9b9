/**
 * `kill -9` of `serialkit import serials` into SQLite in the middle of 1,000,000 rows: the file
 * holds whole batches only (a prefix of the CSV, batch by batch), and running the same import
 * again stores the rest, reporting the rows already there as duplicates, never twice.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sqliteStore } from '../../src/stores/sqlite.js';
import { eventually, startCli, stopAll } from './processes.js';

const ROWS = 1_000_000;
const serial = (n: number) => `KB-${String(n).padStart(7, '0')}`;
const dir = mkdtempSync(join(tmpdir(), 'serialkit-import-kill-'));
const db = join(dir, 'shop.db');
const csv = join(dir, 'units.csv');

beforeAll(async () => {
  const out = createWriteStream(csv);
  out.write('serial,lot\n');
  for (let start = 1; start <= ROWS; start += 10_000) {
    let chunk = '';
    for (let n = start; n < start + 10_000; n++)
      chunk += `${serial(n)},L${Math.ceil(n / 100_000)}\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const sku = startCli([
    'sku',
    'set',
    'KB-1',
    '--name',
    'Keyboard',
    '--format',
    'KB-{D:7}',
    '--db',
    db,
  ]);
  expect(await sku.exited).toBe(0);
});

afterAll(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
});

async function countStored(): Promise<number> {
  const store = sqliteStore({ filename: db, readonly: true });
  try {
    return await store.countSerials({ sku: 'KB-1' });
  } finally {
    await store.close();
  }
}

test('kill -9 mid-import keeps whole batches; the re-run stores the rest once', {
  timeout: 120_000,
}, async () => {
  const batch = sqliteStore({ filename: ':memory:' }).capabilities.preferredBatchSize;
  const first = startCli(['import', 'serials', csv, '--sku', 'KB-1', '--db', db, '--json']);
  // Two batches in, a tenth of the way at most: kill it with no chance to clean up.
  const started = await eventually(async () => (await countStored()) >= 2 * batch, 60_000, 20);
  expect(started).toBe(true);
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');

  const kept = await countStored();
  expect(kept).toBeLessThan(ROWS);
  expect(kept % batch).toBe(0);
  const store = sqliteStore({ filename: db, readonly: true });
  try {
    // A prefix of the file: the last row of the last whole batch is there, the next is not.
    expect((await store.getSerial('KB-1', serial(kept)))?.lot).toBe(
      `L${Math.ceil(kept / 100_000)}`,
    );
    expect(await store.getSerial('KB-1', serial(kept + 1))).toBeNull();
  } finally {
    await store.close();
  }
  const Database = createRequire(import.meta.url)('better-sqlite3') as new (
    file: string,
    options: { readonly: boolean },
  ) => { pragma(text: string, options: { simple: boolean }): unknown; close(): void };
  const check = new Database(db, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();

  const again = startCli(['import', 'serials', csv, '--sku', 'KB-1', '--db', db, '--json']);
  expect(await again.exited).toBe(0);
  const report = JSON.parse(again.output().slice(again.output().indexOf('{'))) as {
    rows: number;
    registered: number;
    duplicates: number;
    invalid: number;
    failed: number;
  };
  expect(report).toMatchObject({
    rows: ROWS,
    registered: ROWS - kept,
    duplicates: kept,
    invalid: 0,
    failed: 0,
  });
  expect(await countStored()).toBe(ROWS);
});
