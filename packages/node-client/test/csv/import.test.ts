import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConnectionError, ValidationError } from '../../src/errors.js';
import {
  createStore,
  LUHN,
  override,
  registerRange,
  SN,
  setup,
  sn,
  trackedSku,
} from '../workflows/fixtures.js';

const encoder = new TextEncoder();

describe('imports.serials', () => {
  it('registers valid lines and reports each bad line by its number', async () => {
    const { client, store } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await trackedSku(client, 'KB', LUHN);
    await client.skus.update('OFF', { name: 'Off', serialTracking: { enabled: false } });
    await registerRange(client, 'SKU-1', 1, 9);
    const csv = [
      'sku,serial,lot,manufactured_at,received_at', // 1
      'SKU-1,SN-000001,L1,2024-01-02,', // 2
      'SKU-1,"sn 000002",,,', // 3 typed, canonicalized
      'SKU-1,SN-000003,L1,2024-01-02,extra,field', // 4 too many fields
      'SKU-1,"SN-000004,L1,,', // 5 unbalanced quote
      '', // 6 empty: skipped
      'NOPE,SN-000005,,,', // 7 unknown SKU
      'KB,KB-0000010,,,', // 8 bad check digit
      'SKU-1,SN-000001,,,', // 9 duplicate of line 2
      'SKU-1,SN-000009,,,', // 10 already registered
      'SKU-1,SN-000006,,soon,', // 11 bad date
      'OFF,X,,,', // 12 tracking off
      ',SN-000007,,,', // 13 no sku
      'KB,KB-0000018,L2,2024-02-01T10:00:00Z,2024-02-03', // 14
      'SKU-1,SN-"00"08,,,', // 15 quotes inside a field: kept as characters, fail the format
      'SKU-1,SN-000010,,,', // 16
    ].join('\r\n');

    const report = await client.imports.serials(csv);
    expect(report).toMatchObject({
      rows: 14,
      registered: 4,
      duplicates: 2,
      invalid: 8,
      failed: 0,
      errorCount: 10,
    });
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'malformed_csv'],
      [5, 'malformed_csv'],
      [7, 'unknown_sku'],
      [8, 'invalid_checksum'],
      [9, 'duplicate'],
      [10, 'duplicate'],
      [11, 'invalid_date'],
      [12, 'tracking_disabled'],
      [13, 'missing_value'],
      [15, expect.any(String)],
    ]);
    expect(report.errors.find((e) => e.line === 15)).toMatchObject({ serial: 'SN-"00"08' });
    expect(report.errors.find((e) => e.line === 8)).toMatchObject({
      serial: 'KB-0000010',
      message: expect.any(String),
      issues: [expect.objectContaining({ code: 'invalid_checksum' })],
    });
    expect(await store.getSerial('SKU-1', sn(2))).not.toBeNull();
    expect(await store.getSerial('KB', 'KB-0000018')).toMatchObject({
      lot: 'L2',
      manufacturedAt: '2024-02-01T10:00:00.000Z',
      receivedAt: '2024-02-03',
    });
    expect(await store.countSerials({})).toBe(5);
  });

  it('streams bytes split anywhere, from web streams and async iterables, with a default SKU', async () => {
    const { client, store } = setup({ registerBatchSize: 2 });
    await trackedSku(client, 'SKU-1', SN);
    const text = `\uFEFFSerial,Lot,manufacturedAt\n${Array.from({ length: 7 }, (_, i) => `${sn(i + 1)},Lé,2024-01-0${i + 1}`).join('\n')}\n`;
    const bytes = encoder.encode(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) =>
      bytes.slice(i * 5, i * 5 + 5),
    );
    const progress: number[] = [];
    const fromIterable = await client.imports.serials(Readable.from(chunks), {
      sku: 'SKU-1',
      onProgress: (rows) => progress.push(rows),
    });
    expect(fromIterable).toMatchObject({ rows: 7, registered: 7, errorCount: 0 });
    expect(progress.at(-1)).toBe(7);
    expect(await store.getSerial('SKU-1', sn(3))).toMatchObject({
      lot: 'Lé',
      manufacturedAt: '2024-01-03',
    });

    const { client: other } = setup();
    await trackedSku(other, 'SKU-1', SN);
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    expect(await other.imports.serials(web, { sku: 'SKU-1' })).toMatchObject({ registered: 7 });
  });

  it('requires a header with the needed columns', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    const error = await client.imports.serials('serial\nSN-000001\n').catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues?.[0]).toMatchObject({
      code: 'missing_column',
      path: ['header', 'sku'],
    });
    await expect(client.imports.serials('')).rejects.toSatisfy(ValidationError.isInstance);
  });

  it('caps the error list and counts every error', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    const csv = `serial\n${Array.from({ length: 30 }, () => 'bad').join('\n')}\n`;
    const report = await client.imports.serials(csv, { sku: 'SKU-1', maxErrors: 5 });
    expect(report.errors).toHaveLength(5);
    expect(report.errorCount).toBe(30);
    expect(report.invalid).toBe(30);
  });

  it('reports a batch the store fails, keeps nothing of it, and goes on', async () => {
    const inner = createStore('sqlite');
    let calls = 0;
    const store = override(inner, {
      insertSerials: (rows) =>
        ++calls === 2 ? Promise.reject(new ConnectionError('timeout')) : inner.insertSerials(rows),
    });
    const { client } = setup({ store });
    await trackedSku(client, 'SKU-1', SN);
    const csv = `serial\n${Array.from({ length: 9 }, (_, i) => sn(i + 1)).join('\n')}\n`;
    const report = await client.imports.serials(csv, { sku: 'SKU-1', batchSize: 3 });
    expect(report).toMatchObject({ rows: 9, registered: 6, failed: 3, errorCount: 1 });
    expect(report.errors[0]).toMatchObject({
      line: 5,
      code: 'store_error',
      message: expect.stringMatching(/5–7.*timeout/),
    });
    expect((await inner.listSerials({ sku: 'SKU-1' })).items.map((u) => u.serial)).toEqual([
      sn(1),
      sn(2),
      sn(3),
      sn(7),
      sn(8),
      sn(9),
    ]);
  });
});

describe('imports.shipments', () => {
  it('ships consecutive rows of an order atomically and reports problems by line', async () => {
    const { client, store } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await trackedSku(client, 'SKU-2', 'B{D:3}');
    await registerRange(client, 'SKU-1', 6);
    await client.serials.register('SKU-2', ['B001']);
    const csv = [
      'order_id,shipment_id,channel,customer_id,customer_email,customer_name,customer_postcode,account_id,account_name,sku,serial,shipped_at',
      'ORD-1,S1,b2c,C1,ada@example.com,Ada,SW1A 1AA,,,SKU-1,SN-000001,2024-04-30T10:00:00Z', // 2
      'ORD-1,S1,b2c,C1,ada@example.com,Ada,SW1A 1AA,,,SKU-2,b001,2024-04-30T10:00:00Z', // 3
      'ORD-2,,b2c,C2,bob@example.com,Bob,,,,SKU-1,SN-000002,', // 4
      'ORD-2,,b2c,C2,bob@example.com,Bob,,,,SKU-1,sn 000001,', // 5 already shipped in ORD-1
      'ORD-2,,b2c,C2,bob@example.com,Bob,,,,SKU-1,SN-000002,', // 6 repeated
      'PO-3,,,,,,,ACC-1,Reseller,SKU-1,SN-000003,', // 7 b2b by account
      'PO-3,,,,,,,ACC-1,Reseller,SKU-1,SN-000004,', // 8
      'ORD-4,,b2c,,,,,,,SKU-1,SN-000005,', // 9 b2c without customer
      'ORD-5,,b2c,C5,e@example.com,,,,,SKU-1,,', // 10 missing serial
      'ORD-6,,b2c,C6,e@example.com,,,,,NOPE,SN-000006,', // 11 unknown SKU
    ].join('\n');
    const report = await client.imports.shipments(csv);
    expect(report).toMatchObject({ rows: 10, shipments: 2, units: 4, failedShipments: 3 });
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([
      [5, 'not_in_stock'],
      [6, 'repeated'],
      [9, 'invalid_shipment'],
      [10, 'missing_value'],
      [11, 'unknown_sku'],
      [11, 'shipment_failed'],
    ]);
    expect(await store.getSerial('SKU-2', 'B001')).toMatchObject({
      status: 'shipped',
      shipment: { orderId: 'ORD-1', shipmentId: 'S1', shippedAt: '2024-04-30T10:00:00.000Z' },
    });
    expect((await store.getSerial('SKU-1', sn(2)))?.status).toBe('in_stock');
    expect(await store.getSerial('SKU-1', sn(3))).toMatchObject({
      shipment: { channel: 'b2b', account: { id: 'ACC-1', name: 'Reseller' } },
    });
  });
});
