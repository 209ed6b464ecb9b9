import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { neutralizeCell, readCell } from '../../src/csv/cells.js';
import { SN, setup, sn, trackedSku } from '../workflows/fixtures.js';

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
