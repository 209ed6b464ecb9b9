import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import {
  announced,
  fill,
  focused,
  genuineSerial,
  HttpResponse,
  html,
  mockService,
  mount,
  part,
  press,
  result,
  returnCheck,
  serialInput,
  typeInto,
  uniqueEndpoint,
  useMockService,
} from './support.js';

describe('return mode', () => {
  useMockService();

  async function setup(
    returns: NonNullable<Parameters<typeof mockService>[1]>['returns'] = returnCheck(),
  ) {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint, { returns });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="return"></serial-lookup>`,
    );
    return { el, requests, returns: () => requests.filter((r) => r.path === '/v1/returns/check') };
  }

  it('asks for the order number, the email or postcode, and the serial, in that order', async () => {
    const { el } = await setup();
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal([
      'Order number',
      'Email address or postcode of the order',
      'Serial number',
    ]);
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Check return');
  });

  it('sends the email when the customer gives one, and shows a match with what to do next', async () => {
    const { el, returns } = await setup();
    await typeInto(part(el, 'order-input') as HTMLInputElement, 'NW-1001');
    await press('Tab');
    expect(focused(el)).to.equal(part(el, 'contact-input'));
    await typeInto(focused(el) as HTMLInputElement, ' ada@example.com ');
    await typeInto(serialInput(el), genuineSerial);
    const event = oneEvent(el, 'serial-lookup-result');
    await press('Enter');
    const card = await result(el);
    expect(card.dataset.status).to.equal('match');
    expect(part(el, 'result-title')!.textContent).to.equal('This item is from your order');
    expect(part(el, 'result-body')!.textContent).to.contain('You can send it back');
    expect(returns()[0]!.body).to.deep.equal({
      orderId: 'NW-1001',
      email: 'ada@example.com',
      serial: genuineSerial,
    });
    const { detail } = await event;
    // The event never carries the customer's email or postcode.
    expect(detail).to.deep.equal({
      mode: 'return',
      orderId: 'NW-1001',
      serial: genuineSerial,
      result: returnCheck(),
    });
  });

  it('sends a postcode when the proof has no @', async () => {
    const { el, returns } = await setup(
      returnCheck({ verdict: 'mismatch', next: 'contact_support' }),
    );
    fill(part(el, 'order-input') as HTMLInputElement, 'NW-1002');
    fill(part(el, 'contact-input') as HTMLInputElement, 'SW1A 1AA');
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    expect((await result(el)).dataset.status).to.equal('mismatch');
    expect(returns()[0]!.body).to.deep.equal({
      orderId: 'NW-1002',
      postcode: 'SW1A 1AA',
      serial: genuineSerial,
    });
    // The verdict says what to do, never which order the unit belongs to.
    expect(part(el, 'result')!.textContent).to.not.contain('NW-');
    expect(announced(el).polite).to.contain('doesn’t belong to this order');
  });

  it('shows order_not_found with check_order advice', async () => {
    const { el } = await setup(returnCheck({ verdict: 'order_not_found', next: 'check_order' }));
    fill(part(el, 'order-input') as HTMLInputElement, 'NW-9');
    fill(part(el, 'contact-input') as HTMLInputElement, 'x@example.com');
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await result(el);
    expect(part(el, 'result-title')!.textContent).to.equal('We can’t find this order');
    expect(part(el, 'result-body')!.textContent).to.contain('Check the order number');
  });

  it('shows the merchant’s slotted instructions for the next step', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint, { returns: returnCheck() });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="return"
        ><p slot="send-back">Print your label at /returns.</p></serial-lookup
      >`,
    );
    fill(part(el, 'order-input') as HTMLInputElement, 'NW-1');
    fill(part(el, 'contact-input') as HTMLInputElement, '12345');
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await result(el);
    const slot = part(el, 'result')!.querySelector<HTMLSlotElement>('slot[name="send-back"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Print your label at /returns.');
  });

  it('asks for each missing field in turn, and focuses it', async () => {
    const { el, returns } = await setup();
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(part(el, 'issue')!.textContent).to.equal('Enter your order number.');
    expect(focused(el)).to.equal(part(el, 'order-input'));
    expect(part(el, 'order-input')!.getAttribute('aria-invalid')).to.equal('true');
    fill(part(el, 'order-input') as HTMLInputElement, 'NW-1');
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(part(el, 'issue')!.textContent).to.equal(
      'Enter the email address or the postcode of the order.',
    );
    expect(focused(el)).to.equal(part(el, 'contact-input'));
    expect(returns()).to.have.length(0);
  });

  it('reports being offline without queueing personal data', async () => {
    const { el, returns } = await setup(() => HttpResponse.error());
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      fill(part(el, 'order-input') as HTMLInputElement, 'NW-1');
      fill(part(el, 'contact-input') as HTMLInputElement, 'ada@example.com');
      fill(serialInput(el), genuineSerial);
      part(el, 'submit')!.click();
      await waitUntil(() => part(el, 'error'));
      expect(part(el, 'error')!.dataset.kind).to.equal('offline');
      expect(returns()).to.have.length(0);
    } finally {
      Object.defineProperty(navigator, 'onLine', onLine);
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });
});
