import { expect } from '@open-wc/testing';
import type { CsvImport } from '../../src/console.js';
import {
  accessible,
  HttpResponse,
  html,
  KEY,
  mockAdmin,
  mount,
  part,
  text,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

describe('<serialkit-import>', () => {
  useMockService();

  it('uploads the file and shows the lines that were not imported, downloadable', async () => {
    const endpoint = uniqueEndpoint();
    const calls = mockAdmin(endpoint, {
      'POST /v1/imports/serials': () =>
        HttpResponse.json({
          rows: 4,
          registered: 2,
          duplicates: 0,
          invalid: 2,
          failed: 0,
          errors: [
            { line: 3, serial: '12', code: 'invalid_length', message: 'too short' },
            { line: 5, serial: 'ZZZ0000003', code: 'unknown_sku', message: 'SKU NOPE not found' },
          ],
          errorCount: 2,
        }),
    });
    const el = await mount<CsvImport>(
      html`<serialkit-import endpoint=${endpoint} .apiKey=${KEY}></serialkit-import>`,
    );
    await accessible(el);
    const input = part<HTMLInputElement>(el, 'file-input')!;
    const files = new DataTransfer();
    files.items.add(
      new File(['sku,serial\nCH-65W,ABC1234567\n'], 'units.csv', { type: 'text/csv' }),
    );
    input.files = files.files;
    part<HTMLButtonElement>(el, 'start')!.click();
    await until(() => part(el, 'summary'), 'report');
    expect(calls[0]!.authorization).to.equal(`Bearer ${KEY}`);
    expect(calls[0]!.body).to.equal('sku,serial\nCH-65W,ABC1234567\n');
    expect(text(part(el, 'summary'))).to.equal('4 rows read, 2 imported, 2 with errors.');
    const rows = [...part(el, 'errors')!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    expect(rows.map((r) => r.dataset.line)).to.deep.equal(['3', '5']);
    expect(text(rows[1]!)).to.contain('unknown_sku');
    expect(part(el, 'download-errors')).to.exist;
    await accessible(el);
  });

  it('says why the service refused the file', async () => {
    const endpoint = uniqueEndpoint();
    mockAdmin(endpoint, {
      'POST /v1/imports/serials': () =>
        HttpResponse.json(
          { error: { code: 'validation_failed', message: 'The CSV has no serial column' } },
          { status: 400 },
        ),
    });
    const el = await mount<CsvImport>(
      html`<serialkit-import endpoint=${endpoint} .apiKey=${KEY}></serialkit-import>`,
    );
    const files = new DataTransfer();
    files.items.add(new File(['a,b\n1,2\n'], 'units.csv', { type: 'text/csv' }));
    part<HTMLInputElement>(el, 'file-input')!.files = files.files;
    part<HTMLButtonElement>(el, 'start')!.click();
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'refused');
    expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).to.contain('no serial column');
  });
});
