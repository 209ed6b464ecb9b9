/** CSV import of orders: over HTTP (POST /v1/imports/orders) and as `serialkit orders import`. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { spawnCli } from '../http/service.js';
import { type JsonResponse, type PlatformHarness, platformHarness, WRITE_KEY } from './harness.js';

const CSV = [
  'Order ID,Channel,Customer Email,Customer Postcode,Account ID,Account Name,SKU,Quantity',
  'ORD-1,b2c,ada@example.com,10115,,,IPOD2008PINK,1',
  'ORD-2,b2b,,,ACME,Acme GmbH,Bar3,5',
  'ORD-1,b2c,ada@example.com,10115,,,CASE-9,2',
  // Rows of one order apart, and a second row of a SKU already on the order: merged.
  'ORD-1,b2c,ada@example.com,10115,,,IPOD2008PINK,1',
  'ORD-3,b2c,bob@example.com,20095,,,Bar3,zero',
  'ORD-4,b2c,cy@example.com,80331,,,Bar3,1',
  'ORD-4,b2c,other@example.com,80331,,,IPOD2008PINK,1',
  ',b2c,dee@example.com,,,,Bar3,1',
  'ORD-5,b2c,eve@example.com,,,,,1',
  'ORD-6,retail,fay@example.com,,,,Bar3,1',
  'ORD-7,b2c,not-an-email,,,,Bar3,1',
  '',
].join('\n');

let h: PlatformHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const importCsv = (harness: PlatformHarness, body: string): Promise<JsonResponse> =>
  fetch(`${harness.url}/v1/imports/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${WRITE_KEY}`, 'content-type': 'text/csv' },
    body,
  });

describe('POST /v1/imports/orders', () => {
  test('groups rows into orders and reports created, skipped and failed rows', async () => {
    h = await platformHarness();
    const response = await importCsv(h, CSV);
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.rows).toBe(11);
    expect(report.orders).toEqual({
      created: ['ORD-1', 'ORD-2'],
      unchanged: [],
      failed: ['ORD-3', 'ORD-4', 'ORD-5', 'ORD-6', 'ORD-7'],
    });
    expect(report.createdSkus).toEqual(['CASE-9']);
    expect(report.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [6, 'invalid_quantity'],
      [8, 'inconsistent_order'],
      [9, 'missing_order_id'],
      [10, 'missing_sku'],
      [10, 'no_lines'],
      [11, 'invalid_channel'],
      [12, 'validation_failed'],
    ]);
    // The report names orders and lines, never the customers in them.
    expect(JSON.stringify(report.problems)).not.toMatch(/@example\.com|not-an-email/);

    const one = await h.client.orders.get('ORD-1');
    expect(one).toMatchObject({
      channel: 'b2c',
      source: 'csv',
      customer: { email: 'ada@example.com', postcode: '10115' },
      lines: [
        { sku: 'IPOD2008PINK', quantity: 2 },
        { sku: 'CASE-9', quantity: 2 },
      ],
    });
    expect(await h.client.orders.get('ORD-2')).toMatchObject({
      channel: 'b2b',
      account: { id: 'ACME', name: 'Acme GmbH' },
      lines: [{ sku: 'Bar3', quantity: 5 }],
    });
    const stored = await h.client.orders.list({ limit: 20 });
    expect(stored.items.map((o) => o.id).sort()).toEqual(['ORD-1', 'ORD-2']);
  });

  test('importing the same file again creates nothing', async () => {
    h = await platformHarness();
    await importCsv(h, CSV);
    const again = await (await importCsv(h, CSV)).json();
    expect(again.orders.created).toEqual([]);
    expect(again.orders.unchanged).toEqual(['ORD-1', 'ORD-2']);
    expect(again.createdSkus).toEqual([]);
  });

  test('a file without an order_id column is a 400; no key is a 401', async () => {
    h = await platformHarness();
    const response = await importCsv(h, 'sku,quantity\nBar3,1\n');
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/order_id/);
    const anonymous = await fetch(`${h.url}/v1/imports/orders`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: CSV,
    });
    expect(anonymous.status).toBe(401);
    expect((await h.client.orders.list()).items).toEqual([]);
  });
});

describe('serialkit orders import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'serialkit-order-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reports per order and exits 4 when an order failed, 0 when all came in', () => {
    const db = join(dir, 'shop.db');
    const file = join(dir, 'orders.csv');
    writeFileSync(file, CSV);
    const failed = spawnCli(['orders', 'import', file, '--db', db, '--json']);
    expect(failed.status).toBe(4);
    const report = JSON.parse(failed.stdout);
    expect(report.orders.created).toEqual(['ORD-1', 'ORD-2']);
    expect(report.createdSkus).toEqual(['IPOD2008PINK', 'CASE-9', 'Bar3']);

    const good = join(dir, 'good.csv');
    writeFileSync(good, 'order_id,customer_email,sku,quantity\nORD-8,gus@example.com,Bar3,2\n');
    const ok = spawnCli(['orders', 'import', good, '--db', db]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/created:\s+1\b/);
    const shown = spawnCli(['orders', 'show', 'ORD-8', '--db', db, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      source: 'csv',
      lines: [{ sku: 'Bar3', quantity: 2 }],
    });
  });
});
