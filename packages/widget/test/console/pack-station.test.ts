/**
 * The pack station against the orders contract (`/v1/orders/:id`, `…/picks`, `…/ship`), the
 * service mocked with msw: a small in-memory order that answers picks as the contract says.
 */
import { expect } from '@open-wc/testing';
import type { Order, PickResult } from '@serialkit/core';
import type { PackStation } from '../../src/console.js';
import type { OrderShippedEvent, PackScanEvent } from '../../src/events/pack-scan.js';
import {
  accessible,
  chord,
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
  type,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

const GOOD = ['SN-2024-0001238', 'SN-2024-0001246'];
const SHIPPED = 'SN-2024-0000016';

function fakeOrders() {
  const order: Order = {
    id: 'ORD-7',
    channel: 'b2c',
    status: 'open',
    lines: [
      { sku: 'HP-200', quantity: 2, picked: 0, shipped: 0 },
      { sku: 'MANUAL-1', quantity: 1, picked: 0, shipped: 0 },
    ],
    picks: [],
    shipments: [],
    createdAt: now,
    updatedAt: now,
  };
  const result = (outcome: PickResult['outcome'], input: string, extra = {}): PickResult => ({
    outcome,
    input,
    ...extra,
    order: structuredClone(order),
  });
  const line = () => order.lines[0]!;
  return {
    order,
    routes: {
      'GET /v1/skus': () =>
        HttpResponse.json({
          items: skus.filter((s) => !s.serialTracking.enabled),
          nextCursor: null,
        }),
      'GET /v1/orders/ORD-7': () => HttpResponse.json(order),
      'GET /v1/orders/:id': () =>
        HttpResponse.json(
          { error: { code: 'not_found', message: 'Order not found' } },
          { status: 404 },
        ),
      'POST /v1/orders/ORD-7/picks': (_r: Request, { body }: { body: unknown }) => {
        const input = (body as { input: string }).input;
        const serial = input
          .toUpperCase()
          .replace(/O/g, '0')
          .replace(/^SN-2024-/, 'SN-2024-');
        if (input === SHIPPED)
          return HttpResponse.json(
            result('already_shipped', input, { sku: 'HP-200', serial: SHIPPED }),
          );
        if (input.includes('O') && GOOD.includes(serial)) {
          return HttpResponse.json(
            result('mistyped', input, { suggestions: [{ sku: 'HP-200', serial }] }),
          );
        }
        if (!GOOD.includes(input)) return HttpResponse.json(result('not_registered', input));
        if (line().picked >= line().quantity)
          return HttpResponse.json(result('line_full', input, { sku: 'HP-200', serial: input }));
        line().picked++;
        order.picks.push({ sku: 'HP-200', serial: input, at: now });
        return HttpResponse.json(result('accepted', input, { sku: 'HP-200', serial: input }));
      },
      'DELETE /v1/orders/ORD-7/picks/:sku/:serial': (request: Request) => {
        const serial = decodeURIComponent(new URL(request.url).pathname.split('/').at(-1)!);
        order.picks = order.picks.filter((p) => p.serial !== serial);
        line().picked--;
        return HttpResponse.json(order);
      },
      'POST /v1/orders/ORD-7/ship': () => {
        for (const l of order.lines) {
          l.shipped += l.picked || l.quantity;
          l.picked = 0;
        }
        order.picks = [];
        order.status = 'shipped';
        order.shipments.push({ shipmentId: 'SHP-1', shippedAt: now, units: [], untracked: [] });
        return HttpResponse.json({ order, shipment: { shipmentId: 'SHP-1' } }, { status: 201 });
      },
    },
  };
}

describe('<serialkit-pack-station>', () => {
  useMockService();

  async function station() {
    const endpoint = uniqueEndpoint();
    const fake = fakeOrders();
    const calls = mockAdmin(endpoint, fake.routes as Parameters<typeof mockAdmin>[1]);
    const el = await mount<PackStation>(
      html`<serialkit-pack-station endpoint=${endpoint} .apiKey=${KEY} muted></serialkit-pack-station>`,
    );
    const scans: string[] = [];
    el.addEventListener('serialkit-pack-scan', (e: PackScanEvent) => scans.push(e.detail.outcome));
    part<HTMLInputElement>(el, 'order-input')!.focus();
    await type('ORD-7');
    await press('Enter');
    await until(() => part(el, 'scan-input'), 'order open');
    return { el, calls, scans, order: fake.order };
  }

  async function scan(el: PackStation, input: string) {
    await type(input);
    await press('Enter');
    await until(() => part(el, 'answer') && !(el as unknown as { busy: boolean }).busy, 'answered');
  }

  it('is accessible, with an order open and with a refusal shown', async () => {
    const { el } = await station();
    await accessible(el);
    await scan(el, SHIPPED);
    await accessible(el);
  });

  it('packs by scanner alone: accepted, mistyped with the suggestion taken, already shipped refused', async () => {
    const { el, calls, scans } = await station();
    const field = part<HTMLInputElement>(el, 'scan-input')!;
    expect(el.shadowRoot!.activeElement === field, 'the scan field has the focus').to.equal(true);

    await scan(el, GOOD[0]!);
    expect(part(el, 'answer')!.dataset.outcome).to.equal('accepted');
    expect(text(el.shadowRoot!.querySelector('tr[data-sku="HP-200"]'))).to.contain('1 of 2');
    expect(el.shadowRoot!.activeElement === field, 'focus kept').to.equal(true);
    expect(field.value).to.equal('');

    await scan(el, GOOD[1]!.replace('0001', 'OOO1'));
    expect(part(el, 'answer')!.dataset.outcome).to.equal('mistyped');
    expect(text(part(el, 'suggestion'))).to.equal(`Take ${GOOD[1]}`);
    expect(el.shadowRoot!.activeElement === field, 'the focus stays for the next key').to.equal(
      true,
    );
    await chord('Alt', '1');
    await until(() => part(el, 'answer')!.dataset.outcome === 'accepted', 'suggestion taken');
    expect(calls.filter((c) => c.path.endsWith('/picks')).at(-1)!.body).to.deep.equal({
      input: GOOD[1],
      sku: 'HP-200',
    });

    await scan(el, SHIPPED);
    expect(part(el, 'answer')!.dataset.outcome).to.equal('already_shipped');
    expect(text(part(el, 'answer'))).to.contain('Already shipped');
    await until(
      () => text(el.shadowRoot!.querySelector('[role="status"]')).startsWith('Already shipped'),
      'announced',
    );
    expect(scans).to.deep.equal(['accepted', 'mistyped', 'accepted', 'already_shipped']);
    expect(text(el.shadowRoot!.querySelector('tr[data-sku="HP-200"]'))).to.contain('2 of 2');
  });

  it('undoes the last scan with Ctrl+Z, and ships with Ctrl+Enter once complete', async () => {
    const { el, calls } = await station();
    const shipped: string[] = [];
    el.addEventListener('serialkit-order-shipped', (e: OrderShippedEvent) =>
      shipped.push(e.detail.shipmentId),
    );
    await scan(el, GOOD[0]!);
    await scan(el, GOOD[1]!);
    await chord('Control', 'z');
    await until(() => text(part(el, 'outcome')) === `${GOOD[1]} put back.`, 'undone');
    expect(calls.at(-1)!.method).to.equal('DELETE');
    expect(calls.at(-1)!.path).to.equal(`/v1/orders/ORD-7/picks/HP-200/${GOOD[1]}`);
    expect(part<HTMLButtonElement>(el, 'ship')!.disabled).to.equal(true);
    await chord('Control', 'Enter');
    expect(calls.some((c) => c.path.endsWith('/ship'))).to.equal(false, 'incomplete: not shipped');
    await scan(el, GOOD[1]!);
    expect(part<HTMLButtonElement>(el, 'ship')!.disabled).to.equal(false);
    await chord('Control', 'Enter');
    await until(() => part(el, 'next-order'), 'shipped');
    // The untracked manual ships by quantity, without a scan.
    expect(calls.find((c) => c.path.endsWith('/ship'))!.body).to.deep.equal({
      untracked: [{ sku: 'MANUAL-1', quantity: 1 }],
    });
    expect(text(part(el, 'outcome'))).to.equal('Shipped: shipment SHP-1.');
    expect(shipped).to.deep.equal(['SHP-1']);
    expect(el.shadowRoot!.activeElement === part(el, 'next-order'), 'focus on Next order').to.equal(
      true,
    );
  });

  it('ships partially on purpose', async () => {
    const { el, calls } = await station();
    await scan(el, GOOD[0]!);
    part<HTMLButtonElement>(el, 'ship-partial')!.click();
    await until(() => part(el, 'next-order'), 'shipped');
    expect(calls.find((c) => c.path.endsWith('/ship'))!.body).to.deep.equal({
      partial: true,
      untracked: [{ sku: 'MANUAL-1', quantity: 1 }],
    });
  });

  it('keeps the focus on the scan field when a click lands on nothing', async () => {
    const { el } = await station();
    const field = part<HTMLInputElement>(el, 'scan-input')!;
    field.blur();
    await until(() => el.shadowRoot!.activeElement === field, 'focus back');
  });

  it('says when the order does not exist', async () => {
    const endpoint = uniqueEndpoint();
    mockAdmin(endpoint, fakeOrders().routes as Parameters<typeof mockAdmin>[1]);
    const el = await mount<PackStation>(
      html`<serialkit-pack-station endpoint=${endpoint} .apiKey=${KEY} order-id="ORD-404"></serialkit-pack-station>`,
    );
    await until(() => part(el, 'outcome'), 'answered');
    expect(text(part(el, 'outcome'))).to.equal('No order ORD-404.');
  });
});
