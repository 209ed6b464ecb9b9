import { expect } from '@open-wc/testing';
import type { Recall } from '@serialkit/core';
import type { Recalls } from '../../src/console.js';
import {
  accessible,
  choose,
  fill,
  HttpResponse,
  html,
  KEY,
  mockAdmin,
  mount,
  now,
  part,
  skus,
  text,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

const created: Recall = {
  id: 'rcl_0123456789abcdef0123',
  sku: 'HP-200',
  notice: 'Hinge may crack',
  criteria: { lot: 'L1' },
  createdAt: now,
  counts: { affected: 42, shipped: 40, inStock: 2, other: 0 },
};

describe('<serialkit-recalls>', () => {
  useMockService();

  async function recalls() {
    const endpoint = uniqueEndpoint();
    let list: Recall[] = [];
    const calls = mockAdmin(endpoint, {
      'GET /v1/skus': () => HttpResponse.json({ items: skus.slice(0, 2), nextCursor: null }),
      'GET /v1/recalls': () => HttpResponse.json({ items: list, nextCursor: null }),
      'POST /v1/recalls/preview': (_request, { body }) =>
        HttpResponse.json({
          sku: (body as { sku: string }).sku,
          affected: 42,
          byStatus: { shipped: 40, in_stock: 2 },
          alreadyRecalled: 0,
        }),
      'POST /v1/recalls': () => {
        list = [created];
        return HttpResponse.json(created, { status: 201 });
      },
      'GET /v1/recalls/:id/contacts': () =>
        new HttpResponse('order_id,channel\nORD-1,b2c\n', {
          headers: { 'content-type': 'text/csv' },
        }),
    });
    const el = await mount<Recalls>(
      html`<serialkit-recalls endpoint=${endpoint} .apiKey=${KEY}></serialkit-recalls>`,
    );
    await until(() => el.shadowRoot!.querySelector('option[value="HP-200"]'), 'SKUs loaded');
    return { el, calls };
  }

  it('is accessible, empty and with a count', async () => {
    const { el } = await recalls();
    await accessible(el);
    choose(part<HTMLSelectElement>(el, 'sku-select')!, 'HP-200');
    fill(part<HTMLInputElement>(el, 'lot-input')!, 'L1');
    await until(() => part(el, 'count')!.dataset.affected === '42', 'counted');
    await accessible(el);
  });

  it('counts the units live as the selection changes, before anything is created', async () => {
    const { el, calls } = await recalls();
    choose(part<HTMLSelectElement>(el, 'sku-select')!, 'HP-200');
    expect(text(part(el, 'count'))).to.contain('Choose a SKU and a lot');
    fill(part<HTMLInputElement>(el, 'lot-input')!, 'L');
    fill(part<HTMLInputElement>(el, 'lot-input')!, 'L1');
    await until(() => part(el, 'count')!.dataset.affected === '42', 'counted');
    const previews = calls.filter((c) => c.path === '/v1/recalls/preview');
    // Typing quickly asks once, for what was typed last.
    expect(previews.map((c) => c.body)).to.deep.equal([{ sku: 'HP-200', lot: 'L1' }]);
    expect(text(part(el, 'count'))).to.contain('42 units would be recalled');
    expect(text(part(el, 'count'))).to.contain('Shipped: 40');
    expect(calls.some((c) => c.path === '/v1/recalls' && c.method === 'POST')).to.equal(false);
  });

  it('creates the recall with its notice, then offers its contacts', async () => {
    const { el, calls } = await recalls();
    choose(part<HTMLSelectElement>(el, 'sku-select')!, 'HP-200');
    fill(part<HTMLInputElement>(el, 'lot-input')!, 'L1');
    await until(() => part(el, 'count')!.dataset.affected === '42', 'counted');
    expect(part<HTMLButtonElement>(el, 'create')!.disabled).to.equal(true);
    fill(part<HTMLTextAreaElement>(el, 'notice-input')!, 'Hinge may crack');
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'create')!.click();
    await until(() => part(el, 'outcome'), 'created');
    const create = calls.find((c) => c.path === '/v1/recalls' && c.method === 'POST')!;
    expect(create.body).to.deep.equal({ sku: 'HP-200', lot: 'L1', notice: 'Hinge may crack' });
    expect(text(part(el, 'outcome'))).to.contain(
      'Recall rcl_0123456789abcdef0123 created: 42 units.',
    );
    await until(() => el.shadowRoot!.querySelector('tr[data-recall]'), 'listed');
    part<HTMLButtonElement>(el, 'download-new-contacts')!.click();
    await until(() => calls.some((c) => c.path.endsWith('/contacts')), 'downloaded');
    expect(calls.find((c) => c.path.endsWith('/contacts'))!.query.get('format')).to.equal('csv');
  });
});
