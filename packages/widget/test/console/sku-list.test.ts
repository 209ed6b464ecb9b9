import { expect } from '@open-wc/testing';
import type { SkuList } from '../../src/console.js';
import type { SkuSelectEvent } from '../../src/events/sku-select.js';
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
  skus,
  text,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

describe('<serialkit-sku-list>', () => {
  useMockService();

  async function list() {
    const endpoint = uniqueEndpoint();
    const calls = mockAdmin(endpoint, {
      'GET /v1/skus': (_request, { query }) => {
        const tracking = query.get('tracking');
        const items =
          tracking === null
            ? skus
            : skus.filter((s) => String(s.serialTracking.enabled) === tracking);
        return HttpResponse.json({ items, nextCursor: null });
      },
    });
    const el = await mount<SkuList>(
      html`<serialkit-sku-list endpoint=${endpoint} .apiKey=${KEY}></serialkit-sku-list>`,
    );
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    await until(() => rows().length === 3, 'SKUs listed');
    return { el, calls, rows };
  }

  it('is accessible', async () => {
    const { el } = await list();
    await accessible(el);
  });

  it('asks the service for SKUs with tracking on or off, with the API key', async () => {
    const { el, calls, rows } = await list();
    expect(calls[0]!.authorization).to.equal(`Bearer ${KEY}`);
    choose(part<HTMLSelectElement>(el, 'tracking-filter')!, 'on');
    await until(() => rows().length === 2, 'tracked SKUs');
    expect(calls.at(-1)!.query.get('tracking')).to.equal('true');
    expect(rows().map((r) => r.dataset.sku)).to.deep.equal(['HP-200', 'CH-65W']);
    choose(part<HTMLSelectElement>(el, 'tracking-filter')!, 'off');
    await until(() => rows().length === 1, 'untracked SKUs');
    expect(calls.at(-1)!.query.get('tracking')).to.equal('false');
    expect(text(rows()[0]!)).to.contain('Off');
  });

  it('searches by id or name as you type, and says how many are shown', async () => {
    const { el, rows } = await list();
    fill(part<HTMLInputElement>(el, 'search-input')!, 'headph');
    await el.updateComplete;
    expect(rows().map((r) => r.dataset.sku)).to.deep.equal(['HP-200']);
    await until(() => text($(el, '[role="status"]')) === '1 SKUs shown', 'announced');
    fill(part<HTMLInputElement>(el, 'search-input')!, 'nothing like it');
    await el.updateComplete;
    expect(text($(el, '.notice'))).to.equal('Nothing matches.');
  });

  it('opens a SKU from the keyboard: Tab to its Edit button, Enter', async () => {
    const { el } = await list();
    const selected: string[] = [];
    el.addEventListener('serialkit-sku-select', (e: SkuSelectEvent) => selected.push(e.detail.sku));
    const edit = el.shadowRoot!.querySelector<HTMLButtonElement>(
      'tr[data-sku="CH-65W"] [part~="edit"]',
    )!;
    expect(edit.getAttribute('aria-label')).to.equal('Edit CH-65W');
    edit.focus();
    await press('Enter');
    expect(selected).to.deep.equal(['CH-65W']);
  });

  it('says so when the service fails', async () => {
    const endpoint = uniqueEndpoint();
    mockAdmin(endpoint, {
      'GET /v1/skus': () =>
        HttpResponse.json(
          { error: { code: 'unauthorized', message: 'Invalid API key' } },
          { status: 401 },
        ),
    });
    const el = await mount<SkuList>(
      html`<serialkit-sku-list endpoint=${endpoint} .apiKey=${KEY}></serialkit-sku-list>`,
    );
    await until(() => $(el, '[role="alert"]'), 'error shown');
    expect(text($(el, '[role="alert"]'))).to.contain('Invalid API key');
  });
});
