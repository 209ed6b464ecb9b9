import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutralizeCell } from '../../src/csv/cells.js';
import { SERIAL_EXPORT_COLUMNS } from '../../src/csv/export.js';
import { b2c, registerRange, SN, setup, sn, trackedSku } from '../workflows/fixtures.js';

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('neutralizeCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['SN-1', 'SN-1'],
    ['', ''],
    [undefined, ''],
  ])('%j → %j', (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });
});

describe('exports', () => {
  it('streams units as CSV that imports read back, with formulas neutralized', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await client.serials.register('SKU-1', [{ serial: sn(1), lot: '=cmd|calc' }, sn(2), sn(3)]);
    await client.shipments.create(
      b2c('ORD-1', 'SKU-1', [sn(1)], { name: '@evil', email: 'a@example.com' }),
    );

    const lines = await collect(client.exports.serials({ sku: 'SKU-1' }));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`${SERIAL_EXPORT_COLUMNS.join(',')}\n`);
    const rows = parse(lines.join(''), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({
      sku: 'SKU-1',
      serial: sn(1),
      lot: "'=cmd|calc",
      status: 'shipped',
      order_id: 'ORD-1',
      customer_name: "'@evil",
      customer_email: 'a@example.com',
    });
    expect(rows[2]).toMatchObject({ serial: sn(3), status: 'in_stock', order_id: '' });

    const { client: other, store } = setup();
    await trackedSku(other, 'SKU-1', SN);
    const report = await other.imports.serials(lines.join(''));
    expect(report).toMatchObject({ registered: 3, errorCount: 0 });
    // The `'` of the export comes off again: the round trip keeps the value.
    expect((await store.getSerial('SKU-1', sn(1)))?.lot).toBe('=cmd|calc');
  });

  it('streams events as CSV with their data as JSON', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 2);
    await client.shipments.create(b2c('=ORD', 'SKU-1', [sn(1), sn(2)]));
    const rows = parse((await collect(client.exports.events({ type: 'shipped' }))).join(''), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      sku: 'SKU-1',
      serial: sn(1),
      type: 'shipped',
      at: '2024-05-01T12:00:00.000Z',
    });
    expect(JSON.parse(rows[0]!.data!)).toEqual({ orderId: '=ORD', channel: 'b2c' });
  });

  it('keeps a B2B account’s contact through an export and a shipments import', async () => {
    const account = {
      id: 'ACC-7',
      name: 'Harbour Audio Ltd',
      contactName: 'Grace Hopper',
      email: 'recalls@harbour.example',
      phone: '+44 20 7946 0000',
    };
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await client.serials.register('SKU-1', [sn(1), sn(2)]);
    await client.shipments.create({
      orderId: 'PO-7',
      channel: 'b2b',
      account,
      lines: [{ sku: 'SKU-1', serials: [sn(1)] }],
    });
    const lines = await collect(client.exports.serials({ sku: 'SKU-1' }));
    const rows = parse(lines.join(''), { columns: true }) as Record<string, string>[];
    // A spreadsheet would read the phone's '+' as a formula: neutralized like every cell.
    expect(rows[0]).toMatchObject({
      account_id: 'ACC-7',
      account_contact_name: 'Grace Hopper',
      account_email: 'recalls@harbour.example',
      account_phone: "'+44 20 7946 0000",
    });
    expect(rows[1]).toMatchObject({
      account_contact_name: '',
      account_email: '',
      account_phone: '',
    });

    // The shipped rows, as a shipments import elsewhere reads them.
    const { client: other, store } = setup();
    await trackedSku(other, 'SKU-1', SN);
    await other.serials.register('SKU-1', [sn(1)]);
    const header =
      'order_id,channel,account_id,account_name,account_contact_name,account_email,account_phone,sku,serial';
    const row = [
      'PO-7',
      'b2b',
      'ACC-7',
      'Harbour Audio Ltd',
      'Grace Hopper',
      'recalls@harbour.example',
      '+44 20 7946 0000',
      'SKU-1',
      sn(1),
    ].join(',');
    const report = await other.imports.shipments(`${header}\n${row}\n`);
    expect(report).toMatchObject({ errorCount: 0 });
    expect((await store.getSerial('SKU-1', sn(1)))?.shipment?.account).toEqual(account);
  });
});
