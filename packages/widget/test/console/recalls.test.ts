import { expect } from '@open-wc/testing';
import type { Recall, RecallProgress } from '@serialkit/core';
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
  press,
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

const older: Recall = {
  id: 'rcl_older0000000000000000',
  sku: 'HP-200',
  skus: ['HP-200', 'CH-65W'],
  notice: 'Cable may fray',
  status: 'open',
  criteria: { lot: 'L0' },
  createdAt: '2024-05-01T12:00:00.000Z',
  counts: { affected: 10, shipped: 8, inStock: 2, other: 0 },
};

const ended: Recall = {
  ...older,
  id: 'rcl_ended0000000000000000',
  status: 'closed',
  closedAt: '2024-05-20T12:00:00.000Z',
};

const progressOfOlder: RecallProgress = {
  recallId: older.id,
  status: 'open',
  affected: 10,
  returned: 4,
  replaced: 2,
  unreachable: 1,
};

describe('<serialkit-recalls>', () => {
  useMockService();

  async function recalls(initial: Recall[] = []) {
    const endpoint = uniqueEndpoint();
    let list: Recall[] = initial;
    const calls = mockAdmin(endpoint, {
      'GET /v1/skus': () => HttpResponse.json({ items: skus.slice(0, 2), nextCursor: null }),
      'GET /v1/recalls': () => HttpResponse.json({ items: list, nextCursor: null }),
      'POST /v1/recalls/preview': (_request, { body }) =>
        HttpResponse.json({
          sku: (body as { sku?: string; skus?: string[] }).sku ?? 'HP-200',
          skus: (body as { skus?: string[] }).skus ?? [(body as { sku: string }).sku],
          affected: 42,
          byStatus: { shipped: 40, in_stock: 2 },
          alreadyRecalled: 0,
        }),
      'POST /v1/recalls': () => {
        list = [created];
        return HttpResponse.json(created, { status: 201 });
      },
      'GET /v1/recalls/:id/progress': () => HttpResponse.json(progressOfOlder),
      'POST /v1/recalls/:id/close': ({ url }) => {
        const id = new URL(url).pathname.split('/').at(-2);
        const closed = {
          ...list.find((r) => r.id === id)!,
          status: 'closed' as const,
          closedAt: now,
        };
        list = list.map((r) => (r.id === id ? closed : r));
        return HttpResponse.json(closed);
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
    expect(text(part(el, 'count'))).to.contain('Choose a SKU (or several) and a lot');
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

  it('selects several SKUs and a shipment window', async () => {
    const { el, calls } = await recalls();
    const select = part<HTMLSelectElement>(el, 'sku-select')!;
    for (const option of select.options)
      option.selected = ['HP-200', 'CH-65W'].includes(option.value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    fill(part<HTMLInputElement>(el, 'shipped-from')!, '2024-03-01');
    fill(part<HTMLInputElement>(el, 'shipped-to')!, '2024-03-31');
    await until(() => part(el, 'count')!.dataset.affected === '42', 'counted');
    const previews = calls.filter((c) => c.path === '/v1/recalls/preview');
    expect(previews.at(-1)!.body).to.deep.equal({
      skus: ['HP-200', 'CH-65W'],
      shippedBetween: { from: '2024-03-01T00:00:00.000Z', to: '2024-03-31T23:59:59.999Z' },
    });
  });

  it("shows each open recall's progress, and a closed one's date", async () => {
    const { el, calls } = await recalls([older, ended]);
    await until(() => part(el, 'progress'), 'progress shown');
    await accessible(el);
    const row = el.shadowRoot!.querySelector(`tr[data-recall="${older.id}"]`)!;
    expect(text(row)).to.contain('HP-200, CH-65W');
    expect(text(row)).to.contain('6 of 10 units returned or replaced');
    expect(text(row)).to.contain('Returned 4 · replaced 2 · unreachable 1');
    expect(row.querySelector('progress')!.value).to.equal(6);
    const done = el.shadowRoot!.querySelector(`tr[data-recall="${ended.id}"]`)!;
    expect(text(done)).to.contain('Closed');
    expect(done.querySelector('[part~="close-recall"]')).to.equal(null);
    // Progress is asked for open recalls only.
    const asked = calls.filter((c) => c.path.endsWith('/progress')).map((c) => c.path);
    expect(asked).to.deep.equal([`/v1/recalls/${older.id}/progress`]);
  });

  it('closes a recall after confirming, and Escape keeps it open', async () => {
    const { el, calls } = await recalls([older]);
    await until(() => part(el, 'close-recall'), 'listed');
    part<HTMLButtonElement>(el, 'close-recall')!.click();
    await until(() => part(el, 'close-confirm'), 'asked to confirm');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'confirm-close'));
    await accessible(el);
    await press('Escape');
    await until(() => !part(el, 'close-confirm'), 'kept open');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'close-recall'));
    expect(calls.some((c) => c.path.endsWith('/close'))).to.equal(false);
    await press('Enter');
    await until(() => part(el, 'confirm-close'), 'asked again');
    await press('Enter');
    await until(() => el.shadowRoot!.querySelector('tr[data-status="closed"]'), 'closed');
    expect(calls.filter((c) => c.path === `/v1/recalls/${older.id}/close`)).to.have.length(1);
    expect(text(part(el, 'outcome'))).to.contain(`Recall ${older.id} closed.`);
    expect(part(el, 'close-recall')).to.equal(null);
  });

  it('shows why the service refused to close', async () => {
    const { el } = await recalls([older]);
    mockAdminRefusal(el.endpoint);
    await until(() => part(el, 'close-recall'), 'listed');
    part<HTMLButtonElement>(el, 'close-recall')!.click();
    await until(() => part(el, 'confirm-close'), 'asked');
    part<HTMLButtonElement>(el, 'confirm-close')!.click();
    await until(() => part(el, 'outcome'), 'refused');
    expect(text(part(el, 'outcome'))).to.contain('This key is read-only');
    expect(el.shadowRoot!.querySelector('tr[data-status="open"]')).to.not.equal(null);
  });
});

function mockAdminRefusal(endpoint: string): void {
  mockAdmin(endpoint, {
    'POST /v1/recalls/:id/close': () =>
      HttpResponse.json(
        { error: { code: 'forbidden', message: 'This key is read-only' } },
        { status: 403 },
      ),
  });
}
