import { expect } from '@open-wc/testing';
import type { ReturnsDesk } from '../../src/console.js';
import type { ReturnDecidedEvent } from '../../src/events/return-decided.js';
import {
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
  text,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

describe('<serialkit-returns-desk>', () => {
  useMockService();

  async function desk(verdict: 'match' | 'mismatch') {
    const endpoint = uniqueEndpoint();
    const calls = mockAdmin(endpoint, {
      'POST /v1/returns/inspect': () =>
        HttpResponse.json({
          verdict,
          orderId: 'ORD-1001',
          serial: 'SN-2024-0001238',
          sku: 'HP-200',
          ...(verdict === 'mismatch' ? { shippedInOrderId: 'ORD-2002' } : {}),
        }),
      'POST /v1/returns/accept': () => HttpResponse.json({}),
      'POST /v1/returns/reject': () => HttpResponse.json({}),
    });
    const el = await mount<ReturnsDesk>(
      html`<serialkit-returns-desk endpoint=${endpoint} .apiKey=${KEY}></serialkit-returns-desk>`,
    );
    fill(part<HTMLInputElement>(el, 'serial-input')!, 'sn 2024 0001238');
    fill(part<HTMLInputElement>(el, 'order-input')!, 'ORD-1001');
    part<HTMLInputElement>(el, 'order-input')!.focus();
    await press('Enter');
    await until(() => part(el, 'verdict'), 'verdict');
    return { el, calls };
  }

  it('is accessible with a verdict', async () => {
    const { el } = await desk('mismatch');
    await accessible(el);
  });

  it('a mismatch names the order the unit shipped in and can only be rejected', async () => {
    const { el, calls } = await desk('mismatch');
    expect(calls[0]!.body).to.deep.equal({ orderId: 'ORD-1001', serial: 'sn 2024 0001238' });
    expect(text(part(el, 'verdict'))).to.contain(
      'Mismatch: this unit did not leave in this order. It shipped in order ORD-2002.',
    );
    expect(part<HTMLButtonElement>(el, 'accept')!.disabled).to.equal(true);
    fill(part<HTMLInputElement>(el, 'reason-input')!, 'Wrong unit');
    part<HTMLButtonElement>(el, 'reject')!.click();
    await until(() => part(el, 'outcome'), 'rejected');
    expect(calls.at(-1)!.path).to.equal('/v1/returns/reject');
    expect(calls.at(-1)!.body).to.deep.equal({
      orderId: 'ORD-1001',
      serial: 'SN-2024-0001238',
      sku: 'HP-200',
      reason: 'Wrong unit',
    });
  });

  it('a match is accepted to quarantine, and the serial field is ready for the next unit', async () => {
    const { el, calls } = await desk('match');
    const decided: string[] = [];
    el.addEventListener('serialkit-return-decided', (e: ReturnDecidedEvent) =>
      decided.push(`${e.detail.decision}:${e.detail.disposition}`),
    );
    choose(part<HTMLSelectElement>(el, 'disposition')!, 'quarantine');
    part<HTMLButtonElement>(el, 'accept')!.click();
    await until(() => part(el, 'outcome'), 'accepted');
    expect(calls.at(-1)!.body).to.deep.equal({
      orderId: 'ORD-1001',
      serial: 'SN-2024-0001238',
      sku: 'HP-200',
      disposition: 'quarantine',
    });
    expect(text(part(el, 'outcome'))).to.equal('Return of SN-2024-0001238 accepted.');
    expect(decided).to.deep.equal(['accepted:quarantine']);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'serial-input'));
  });
});
