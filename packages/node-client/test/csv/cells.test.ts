import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { neutralizeCell, readCell } from '../../src/csv/cells.js';
import { registerRange, SN, setup, sn, trackedSku } from '../workflows/fixtures.js';

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const line of lines) out += line;
  return out;
}

describe('formula injection: the first visible character after NFKC decides', () => {
  it.each([
    [' =1+1', "' =1+1"],
    ['  @SUM(A1)', "'  @SUM(A1)"],
    ['\n=1+1', "'\n=1+1"],
    ['\u00a0+1', "'\u00a0+1"], // no-break space
    ['\u3000-1', "'\u3000-1"], // ideographic space
    ['\uff1d1+1', "'\uff1d1+1"], // full-width ＝
    ['\uff0bcmd', "'\uff0bcmd"], // full-width ＋
    ['\uff20SUM(A1)', "'\uff20SUM(A1)"], // full-width ＠
    ['\ufe66HYPERLINK()', "'\ufe66HYPERLINK()"], // small equals ﹦
    ["'=1+1", "''=1+1"], // a quote mark before a formula is kept through a round trip
    ['a=1', 'a=1'],
    ["'tis", "'tis"],
    ['  ', '  '],
  ])('%j → %j', (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
    expect(readCell(output)).toBe(input);
  });

  test('every string survives export then import, and no exported cell starts a formula', () => {
    let checked = 0;
    const formulaChar = fc.constantFrom('=', '+', '-', '@', "'", ' ', '\t', '\uff1d', '\u3000');
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc
        .tuple(fc.array(formulaChar, { maxLength: 4 }), fc.string())
        .map(([a, b]) => a.join('') + b),
    );
    fc.assert(
      fc.property(text, (value) => {
        const cell = neutralizeCell(value);
        expect(readCell(cell)).toBe(value);
        const visible = /\S/u.exec(cell.normalize('NFKC'))?.[0];
        if (visible !== undefined && cell.length > 0) {
          expect(cell[0] === "'" || !['=', '+', '-', '@'].includes(visible)).toBe(true);
          expect(['\t', '\r', '\n'].includes(cell[0]!)).toBe(false);
        }
        checked++;
      }),
      { numRuns: 2000 },
    );
    expect(checked).toBe(2000);
  });
});

describe('round trip through an export and an import', () => {
  it('lots that start with "-", "+" or "＝" come back as they were', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    const lots = ['-2024-A', '+7', '\uff1dlot', '@home', "'quoted", 'plain'];
    await client.serials.register(
      'SKU-1',
      lots.map((lot, i) => ({ serial: sn(i + 1), lot })),
    );
    const csv = await collect(client.exports.serials({ sku: 'SKU-1' }));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.lot)).toEqual([
      "'-2024-A",
      "'+7",
      "'\uff1dlot",
      "'@home",
      "'quoted",
      'plain',
    ]);
    const { client: other, store } = setup();
    await trackedSku(other, 'SKU-1', SN);
    expect(await other.imports.serials(csv)).toMatchObject({ registered: 6, errorCount: 0 });
    for (const [i, lot] of lots.entries()) {
      expect((await store.getSerial('SKU-1', sn(i + 1)))?.lot).toBe(lot);
    }
  });
});

describe('fields that span lines', () => {
  it('a customer name with a newline, exported, imports again', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 3);
    await client.shipments.create({
      orderId: 'ORD-1',
      channel: 'b2c',
      customer: { email: 'ada@example.com', name: 'Ada\nLovelace, "Countess"' },
      lines: [{ sku: 'SKU-1', serials: [sn(1), sn(2)] }],
    });
    const csv = await collect(client.exports.serials({ sku: 'SKU-1', status: 'shipped' }));
    expect(csv).toContain('"Ada\nLovelace, ""Countess"""');

    const { client: other, store } = setup();
    await trackedSku(other, 'SKU-1', SN);
    await registerRange(other, 'SKU-1', 3);
    expect(await other.imports.shipments(csv)).toMatchObject({ units: 2, errorCount: 0 });
    expect((await store.getSerial('SKU-1', sn(2)))?.shipment?.customer).toEqual({
      email: 'ada@example.com',
      name: 'Ada\nLovelace, "Countess"',
    });
  });

  it('an opening quote that never closes costs its own line only, however long the file', async () => {
    const { client, store } = setup();
    await trackedSku(client, 'SKU-1', SN);
    const lines = ['serial,lot'];
    for (let i = 1; i <= 300; i++) lines.push(i === 2 ? `"${sn(i)},L1` : `${sn(i)},L1`);
    const report = await client.imports.serials(lines.join('\n'), { sku: 'SKU-1' });
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([[3, 'malformed_csv']]);
    expect(report.registered).toBe(299);
    expect(await store.getSerial('SKU-1', sn(3))).not.toBeNull();
  });

  it('a quote that closes inside a later field is not a field spanning lines', async () => {
    const { client, store } = setup();
    await trackedSku(client, 'SKU-1', SN);
    const csv = ['serial,lot', `${sn(1)},"L1`, `${sn(2)},L"2`, `${sn(3)},L3`].join('\n');
    const report = await client.imports.serials(csv, { sku: 'SKU-1' });
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'malformed_csv'],
      [3, 'malformed_csv'],
    ]);
    expect(await store.getSerial('SKU-1', sn(3))).not.toBeNull();
  });
});
