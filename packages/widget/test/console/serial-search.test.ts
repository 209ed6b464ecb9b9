import { expect } from '@open-wc/testing';
import type { Lookup, SerialRecord } from '@serialkit/core';
import type { SerialSearch } from '../../src/console.js';
import {
  $,
  accessible,
  fill,
  HttpResponse,
  html,
  KEY,
  lookup,
  mockAdmin,
  mount,
  now,
  part,
  press,
  text,
  type,
  uniqueEndpoint,
  unit,
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

  /** A unit card for `record`, with the correction routes answering `answers`. */
  async function card(
    record: SerialRecord,
    answers: Record<string, (body: Record<string, unknown>) => SerialRecord | Response> = {},
  ) {
    const endpoint = uniqueEndpoint();
    let current: Lookup = {
      ...lookup(record),
      shipments: [
        {
          orderId: 'ORD-0900',
          channel: 'b2c',
          shippedAt: '2024-03-01T10:00:00.000Z',
          returnedAt: '2024-03-20T10:00:00.000Z',
        },
        { orderId: 'ORD-1001', channel: 'b2c', shippedAt: now },
      ],
    };
    const routes: Parameters<typeof mockAdmin>[1] = {
      'GET /v1/serials/:serial/trace': () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'none' } }, { status: 404 }),
      'GET /v1/serials/:serial': () => HttpResponse.json(current),
    };
    for (const [route, answer] of Object.entries(answers)) {
      routes[`POST ${route}`] = (_request, { body }) => {
        const answered = answer(body as Record<string, unknown>);
        if (answered instanceof Response) return answered;
        // The unit as corrected, for the card's next lookup.
        current = { ...current, record: answered };
        return HttpResponse.json(answered);
      };
    }
    const calls = mockAdmin(endpoint, routes);
    const el = await mount<SerialSearch>(
      html`<serialkit-serial-search endpoint=${endpoint} .apiKey=${KEY}></serialkit-serial-search>`,
    );
    await el.find(record.serial);
    await until(() => part(el, 'unit-card'), 'card');
    return { el, calls };
  }

  function offered(el: SerialSearch): string[] {
    return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="correction"]')].map(
      (b) => b.dataset.correction!,
    );
  }

  it('lists every shipment of the unit, oldest first, with its return', async () => {
    const { el } = await card(unit());
    const rows = part(el, 'orders')!.querySelectorAll('tbody tr');
    expect([...rows].map((r) => text(r.querySelector('[part~="order-id"]')))).to.deep.equal([
      'ORD-0900',
      'ORD-1001',
    ]);
    expect(text(rows[0]!)).to.contain('2024');
    expect(text(rows[1]!)).to.contain('Ada Lovelace');
  });

  it('offers only the corrections the unit state allows', async () => {
    expect(offered((await card(unit({ status: 'shipped' }))).el)).to.deep.equal(['edit']);
    expect(
      offered((await card(unit({ status: 'quarantined', shipment: undefined }))).el),
    ).to.deep.equal(['release', 'void', 'edit']);
    expect(offered((await card(unit({ status: 'shipped', recallId: 'rcl_1' }))).el)).to.deep.equal([
      'liftRecall',
      'edit',
    ]);
    const voided = await card(unit({ status: 'voided', shipment: undefined }));
    expect(offered(voided.el)).to.deep.equal([]);
    expect(text(part(voided.el, 'corrections'))).to.contain('No correction applies');
  });

  it('releases a quarantined unit to stock after confirming, by keyboard', async () => {
    const quarantined = unit({ status: 'quarantined', shipment: undefined });
    const { el, calls } = await card(quarantined, {
      '/v1/corrections/release': () => ({ ...quarantined, status: 'in_stock' }),
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-correction="release"]')!.focus();
    await press('Enter');
    await until(() => part(el, 'correction-form'), 'asked');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'release-to'));
    await accessible(el);
    await press('Escape');
    await until(() => !part(el, 'correction-form'), 'cancelled');
    expect(el.shadowRoot!.activeElement).to.equal(
      el.shadowRoot!.querySelector('[data-correction="release"]'),
    );
    await press('Enter');
    await until(() => part(el, 'correction-form'), 'asked again');
    part<HTMLInputElement>(el, 'correction-reason')!.focus();
    await type('Seal checked');
    await press('Enter');
    await until(() => part(el, 'unit-status')!.dataset.status === 'in_stock', 'released');
    const release = calls.find((c) => c.path === '/v1/corrections/release')!;
    expect(release.body).to.deep.equal({
      serial: quarantined.serial,
      sku: 'HP-200',
      reason: 'Seal checked',
      to: 'in_stock',
    });
    expect(text(part(el, 'correction-outcome'))).to.contain('released');
  });

  it('needs a reason to void, and shows the service refusal with its reason', async () => {
    const inStock = unit({ status: 'in_stock', shipment: undefined });
    const { el } = await card(inStock, {
      '/v1/corrections/void': () =>
        HttpResponse.json(
          {
            error: {
              code: 'conflict',
              message: 'only a unit in stock or in quarantine can be voided',
              details: { reason: 'not_voidable' },
            },
          },
          { status: 409 },
        ),
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-correction="void"]')!.click();
    await until(() => part(el, 'correction-form'), 'asked');
    expect(part<HTMLButtonElement>(el, 'apply-correction')!.disabled).to.equal(true);
    fill(part<HTMLInputElement>(el, 'correction-reason')!, 'Typo at receiving');
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'apply-correction')!.click();
    await until(() => part(el, 'correction-outcome'), 'refused');
    expect(text(part(el, 'correction-outcome'))).to.equal(
      'Refused: only a unit in stock or in quarantine can be voided (not_voidable)',
    );
    // The form stays, to try again or cancel.
    expect(part(el, 'correction-form')).to.not.equal(null);
    await accessible(el);
  });

  it('edits the lot and dates, sending only what changed', async () => {
    const record = unit({
      status: 'in_stock',
      shipment: undefined,
      manufacturedAt: '2024-02-01T00:00:00.000Z',
    });
    const { el, calls } = await card(record, {
      '/v1/corrections/edit': (body) => ({ ...record, lot: body.lot as string }),
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-correction="edit"]')!.click();
    await until(() => part(el, 'edit-lot'), 'asked');
    expect(part<HTMLInputElement>(el, 'edit-lot')!.value).to.equal('L1');
    expect(part<HTMLInputElement>(el, 'edit-manufactured')!.value).to.equal('2024-02-01');
    fill(part<HTMLInputElement>(el, 'edit-lot')!, 'L2');
    fill(part<HTMLInputElement>(el, 'edit-received')!, '2024-02-10');
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'apply-correction')!.click();
    await until(() => calls.some((c) => c.path === '/v1/corrections/edit'), 'sent');
    expect(calls.find((c) => c.path === '/v1/corrections/edit')!.body).to.deep.equal({
      serial: record.serial,
      sku: 'HP-200',
      lot: 'L2',
      receivedAt: '2024-02-10T00:00:00.000Z',
    });
    await until(() => text(part(el, 'correction-outcome')).includes('updated'), 'updated');
  });

  it('lifts a unit recall with a reason', async () => {
    const recalled = unit({ recallId: 'rcl_1' });
    const { el, calls } = await card(recalled, {
      '/v1/corrections/lift-recall': () => {
        const { recallId: _lifted, ...rest } = recalled;
        return rest;
      },
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-correction="liftRecall"]')!.click();
    await until(() => part(el, 'correction-form'), 'asked');
    fill(part<HTMLInputElement>(el, 'correction-reason')!, 'Board revision B');
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'apply-correction')!.click();
    await until(() => offered(el).join() === 'edit', 'lifted');
    expect(calls.find((c) => c.path === '/v1/corrections/lift-recall')!.body).to.deep.equal({
      serial: recalled.serial,
      sku: 'HP-200',
      reason: 'Board revision B',
    });
  });
});
