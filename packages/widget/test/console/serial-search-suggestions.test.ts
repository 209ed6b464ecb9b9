import { expect } from '@open-wc/testing';
import type { SerialSuggestions } from '@serialkit/core';
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
  unit,
  until,
  useMockService,
} from './support.js';

const TYPED = 'SN-2024-0001283';
const found = lookup(unit({ sku: 'HP-200', serial: 'SN-2024-0001238' }));

describe('<serialkit-serial-search> look-alike suggestions', () => {
  useMockService();

  /** A service where only SN-2024-0001238 of HP-200 exists; `items` are the suggestions. */
  async function search(items: SerialSuggestions['items']) {
    const endpoint = uniqueEndpoint();
    const calls = mockAdmin(endpoint, {
      'GET /v1/serials/:serial/suggestions': ({ url }) =>
        HttpResponse.json({
          input: decodeURIComponent(new URL(url).pathname.split('/').at(-2)!),
          items,
        }),
      'GET /v1/serials/:serial/trace': () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'none' } }, { status: 404 }),
      'GET /v1/serials/:serial': ({ url }) =>
        decodeURIComponent(new URL(url).pathname.split('/').at(-1)!) === found.record.serial
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

  const suggestions = (el: SerialSearch) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="suggestion"]')].map((b) =>
      text(b),
    );

  it('offers the units a serial not found could be, accessibly, and announces them', async () => {
    const { el, calls } = await search([
      { sku: 'HP-200', serial: 'SN-2024-0001238', status: 'shipped' },
      { sku: 'CH-65W', serial: 'SN-2024-0001288', status: 'in_stock' },
    ]);
    await el.find(TYPED);
    await until(() => part(el, 'suggestions'), 'suggestions shown');
    expect(text(part(el, 'not-found'))).to.equal(`No unit ${TYPED}.`);
    expect(suggestions(el)).to.deep.equal([
      'SN-2024-0001238 · HP-200 · Shipped',
      'SN-2024-0001288 · CH-65W · In stock',
    ]);
    expect(text(part(el, 'suggestions')!.querySelector('#did-you-mean'))).to.equal('Did you mean');
    expect(calls.map((c) => c.path)).to.deep.equal([
      `/v1/serials/${TYPED}`,
      `/v1/serials/${TYPED}/suggestions`,
    ]);
    await until(
      () =>
        text($(el, '[role="status"]')) ===
        `No unit ${TYPED}. It could be: SN-2024-0001238, SN-2024-0001288.`,
      'announced with the suggestions',
    );
    await accessible(el);
  });

  it('opens the unit card of a suggestion taken by keyboard, in its SKU', async () => {
    const { el, calls } = await search([
      { sku: 'HP-200', serial: 'SN-2024-0001238', status: 'shipped' },
    ]);
    part<HTMLInputElement>(el, 'serial-input')!.focus();
    await type(TYPED);
    await press('Enter');
    await until(() => part(el, 'suggestion'), 'suggestion shown');
    // From the field: past Find, to the suggestion.
    await press('Tab');
    await press('Tab');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'suggestion'));
    await press('Enter');
    await until(() => part(el, 'unit-card'), 'card of the suggestion');
    const opened = calls.filter((c) => c.path === `/v1/serials/${found.record.serial}`);
    expect(opened.map((c) => c.query.get('sku'))).to.deep.equal(['HP-200']);
    expect(part(el, 'not-found')).to.equal(null);
    expect(part(el, 'suggestions')).to.equal(null);
    expect(part<HTMLInputElement>(el, 'serial-input')!.value).to.equal(found.record.serial);
    // The taken suggestion is gone: the field has the focus, ready for the next scan.
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'serial-input'));
  });

  it('shows the plain answer when nothing is near, or the suggestions cannot be had', async () => {
    const { el } = await search([]);
    await el.find(TYPED);
    await until(() => part(el, 'not-found'), 'not found');
    expect(part(el, 'suggestions')).to.equal(null);

    const endpoint = uniqueEndpoint();
    mockAdmin(endpoint, {
      'GET /v1/serials/:serial/suggestions': () =>
        HttpResponse.json({ error: { code: 'internal', message: 'down' } }, { status: 500 }),
      'GET /v1/serials/:serial': () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'none' } }, { status: 404 }),
    });
    const failing = await mount<SerialSearch>(
      html`<serialkit-serial-search endpoint=${endpoint} .apiKey=${KEY}></serialkit-serial-search>`,
    );
    await failing.find(TYPED);
    await until(() => part(failing, 'not-found'), 'not found');
    expect(part(failing, 'suggestions')).to.equal(null);
    expect(part(failing, 'find')!.hasAttribute('disabled')).to.equal(false);
  });
});
