import { expect } from '@open-wc/testing';
import type { SerialSearch } from '../../src/console.js';
import {
  $,
  accessible,
  HttpResponse,
  html,
  KEY,
  lookup,
  mockAdmin,
  mount,
  part,
  press,
  text,
  type,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

describe('<serialkit-serial-search>', () => {
  useMockService();

  async function search() {
    const endpoint = uniqueEndpoint();
    const found = lookup();
    const calls = mockAdmin(endpoint, {
      'GET /v1/serials/:serial/trace': () =>
        HttpResponse.json({
          serial: found.record.serial,
          sku: found.record.sku,
          status: 'shipped',
          soldTo: { ...found.record.shipment! },
          sightings: [
            {
              id: 's1',
              sku: 'HP-200',
              serial: found.record.serial,
              type: 'sighted',
              at: '2024-06-02T10:00:00.000Z',
              data: { source: 'marketplace' },
            },
          ],
          events: found.events,
        }),
      'GET /v1/serials/:serial': ({ url }) =>
        decodeURIComponent(new URL(url).pathname.split('/').at(-1)!)
          .toUpperCase()
          .replace(/ /g, '-') === found.record.serial
          ? HttpResponse.json(found)
          : HttpResponse.json(
              { error: { code: 'not_found', message: 'Serial not found' } },
              { status: 404 },
            ),
    });
    const el = await mount<SerialSearch>(
      html`<serialkit-serial-search endpoint=${endpoint} .apiKey=${KEY}></serialkit-serial-search>`,
    );
    return { el, calls };
  }

  it('is accessible, empty and with a unit card', async () => {
    const { el } = await search();
    await accessible(el);
    await el.find('SN-2024-0001238');
    await until(() => part(el, 'unit-card'), 'card');
    await accessible(el);
  });

  it('takes a scan as a keyboard-wedge scanner types it: fast keys, then Enter', async () => {
    const { el, calls } = await search();
    part<HTMLInputElement>(el, 'serial-input')!.focus();
    await type('sn 2024 0001238');
    await press('Enter');
    await until(() => part(el, 'unit-card'), 'card');
    expect(calls[0]!.path).to.equal(`/v1/serials/${encodeURIComponent('sn 2024 0001238')}`);
    expect(text(part(el, 'unit-sku'))).to.equal('HP-200 · Aurora ANC headphones');
    expect(part(el, 'unit-status')!.dataset.status).to.equal('shipped');
    expect(text(part(el, 'order-id'))).to.equal('ORD-1001');
    expect(text(part(el, 'orders'))).to.contain('Ada Lovelace · ada@example.com');
    expect(part(el, 'timeline')!.querySelectorAll('li')).to.have.length(2);
    expect(text(part(el, 'sightings'))).to.contain('marketplace');
    await until(
      () => text($(el, '[role="status"]')).includes('Unit SN-2024-0001238 of HP-200'),
      'announced',
    );
    // The field keeps the focus with its text selected: the next scan replaces it.
    const input = part<HTMLInputElement>(el, 'serial-input')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(input.selectionEnd! - input.selectionStart!).to.equal(input.value.length);
    await type('SN-2024-9999995');
    await press('Enter');
    await until(() => part(el, 'not-found'), 'not found');
    expect(text(part(el, 'not-found'))).to.equal('No unit SN-2024-9999995.');
    expect(part(el, 'unit-card')).to.equal(null);
  });
});
