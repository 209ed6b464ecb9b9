import { expect } from '@open-wc/testing';
import type { UnitList } from '../../src/console.js';
import type { UnitOpenEvent } from '../../src/events/unit-open.js';
import {
  $,
  accessible,
  choose,
  fill,
  HttpResponse,
  html,
  KEY,
  mockAdmin,
  mount,
  part,
  press,
  uniqueEndpoint,
  unit,
  until,
  useMockService,
} from './support.js';

describe('<serialkit-unit-list>', () => {
  useMockService();

  async function list() {
    const endpoint = uniqueEndpoint();
    const calls = mockAdmin(endpoint, {
      'GET /v1/serials': (_request, { query }) =>
        query.get('cursor') === 'page-2'
          ? HttpResponse.json({ items: [unit({ serial: 'SN-2024-0001246' })], nextCursor: null })
          : HttpResponse.json({ items: [unit()], nextCursor: 'page-2' }),
    });
    const el = await mount<UnitList>(
      html`<serialkit-unit-list endpoint=${endpoint} .apiKey=${KEY} sku="HP-200"></serialkit-unit-list>`,
    );
    await until(() => el.shadowRoot!.querySelector('tbody tr'), 'units listed');
    return { el, calls };
  }

  it('is accessible', async () => {
    const { el } = await list();
    await accessible(el);
  });

  it('sends the filters as the service reads them, windows as whole days', async () => {
    const { el, calls } = await list();
    expect(calls[0]!.query.get('sku')).to.equal('HP-200');
    choose($<HTMLSelectElement>(el, '#status')!, 'shipped');
    fill($<HTMLInputElement>(el, '#lot')!, 'L1');
    fill($<HTMLInputElement>(el, '#orderId')!, 'ORD-1001');
    fill($<HTMLInputElement>(el, '#shippedFrom')!, '2024-05-01');
    fill($<HTMLInputElement>(el, '#shippedTo')!, '2024-05-31');
    $<HTMLInputElement>(el, '#lot')!.focus();
    await press('Enter');
    await until(() => calls.length === 2, 'asked again');
    const query = Object.fromEntries(calls[1]!.query);
    expect(query).to.deep.equal({
      sku: 'HP-200',
      status: 'shipped',
      lot: 'L1',
      orderId: 'ORD-1001',
      shippedFrom: '2024-05-01T00:00:00.000Z',
      shippedTo: '2024-05-31T23:59:59.999Z',
      limit: '50',
    });
  });

  it('pages with the cursor, and opens a unit by its serial', async () => {
    const { el, calls } = await list();
    part<HTMLButtonElement>(el, 'next')!.click();
    await until(() => el.shadowRoot!.textContent!.includes('SN-2024-0001246'), 'page 2');
    expect(calls.at(-1)!.query.get('cursor')).to.equal('page-2');
    expect(part<HTMLButtonElement>(el, 'next')!.disabled).to.equal(true);
    const opened: string[] = [];
    el.addEventListener('serialkit-unit-open', (e: UnitOpenEvent) => opened.push(e.detail.serial));
    part<HTMLButtonElement>(el, 'open-unit')!.focus();
    await press('Enter');
    expect(opened).to.deep.equal(['SN-2024-0001246']);
  });
});
