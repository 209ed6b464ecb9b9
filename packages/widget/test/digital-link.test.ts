import { expect, fixture, waitUntil } from '@open-wc/testing';
import { readDigitalLink } from '../src/digital-link/read-digital-link.js';
import type { SerialLookup } from '../src/index.js';
import {
  announced,
  delay,
  fill,
  focused,
  genuineSerial,
  html,
  mockService,
  mount,
  part,
  press,
  result,
  serialInput,
  typeInto,
  uniqueEndpoint,
  useMockService,
} from './support.js';

const GTIN = '09506000134352';

describe('GS1 Digital Link', () => {
  useMockService();

  const original = location.href;
  afterEach(() => history.replaceState(null, '', original));

  function openedFrom(path: string) {
    history.replaceState(null, '', `${path}${location.search}`);
  }

  it('reads the unit from a Digital Link URL, with or without a path before /01/', () => {
    const serial = encodeURIComponent(genuineSerial);
    expect(readDigitalLink(`https://shop.example/01/${GTIN}/21/${serial}`)).to.deep.equal({
      gtin: GTIN,
      serial: genuineSerial,
      uri: `https://shop.example/01/${GTIN}/21/${serial}`,
    });
    expect(
      readDigitalLink(`https://shop.example/p/aria/01/${GTIN}/21/${serial}?x=1`)?.serial,
    ).to.equal(genuineSerial);
    expect(readDigitalLink(`https://shop.example/01/${GTIN}`)).to.equal(undefined);
    expect(readDigitalLink('https://shop.example/products/aria-700')).to.equal(undefined);
    expect(readDigitalLink('not a url')).to.equal(undefined);
  });

  it('prefills the serial, focuses the submit button, and waits for the customer', async () => {
    openedFrom(`/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}`);
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const events: Event[] = [];
    document.addEventListener('serial-lookup-result', (e) => events.push(e));
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" prefill-from-url></serial-lookup>`,
    );
    expect(serialInput(el).value).to.equal(genuineSerial);
    expect(el.value).to.equal(genuineSerial);
    expect(focused(el)).to.equal(part(el, 'submit'));
    expect(announced(el).polite).to.contain(genuineSerial);
    expect(part(el, 'hint')!.textContent!.trim()).to.equal('The format looks right.');
    await delay(100);
    expect(requests.filter((r) => r.path === '/v1/verify')).to.have.length(0);
    expect(events).to.have.length(0);

    await press('Enter');
    await result(el);
    const verify = requests.find((r) => r.path === '/v1/verify')!;
    // The service gets the link itself, with the GTIN that names the product.
    expect((verify.body as { input: string }).input).to.match(
      new RegExp(`/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}$`),
    );
    expect(events).to.have.length(1);
  });

  it('sends the typed serial once the customer edits the prefilled one', async () => {
    openedFrom(`/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}`);
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" prefill-from-url></serial-lookup>`,
    );
    fill(serialInput(el), '');
    await typeInto(serialInput(el), genuineSerial.toLowerCase());
    await press('Enter');
    await result(el);
    expect(requests.find((r) => r.path === '/v1/verify')!.body).to.deep.equal({
      input: genuineSerial,
      sku: 'ARIA-700',
    });
  });

  it('focuses the order field in return mode', async () => {
    openedFrom(`/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}`);
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="return" prefill-from-url></serial-lookup>`,
    );
    expect(serialInput(el).value).to.equal(genuineSerial);
    expect(focused(el)).to.equal(part(el, 'order-input'));
  });

  it('leaves the field alone without prefill-from-url', async () => {
    openedFrom(`/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}`);
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    expect(serialInput(el).value).to.equal('');
    expect(focused(el)).to.equal(null);
  });

  it('leaves the field alone when the page is not a Digital Link', async () => {
    openedFrom('/products/aria-700');
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" prefill-from-url></serial-lookup>`,
    );
    await waitUntil(() => el.hasUpdated);
    expect(serialInput(el).value).to.equal('');
  });

  it('checks at once with autocheck: the answer shows and is announced without a tap', async () => {
    openedFrom(`/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}`);
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const events: Event[] = [];
    const listener = (e: Event) => events.push(e);
    document.addEventListener('serial-lookup-result', listener);
    try {
      const el = await fixture<SerialLookup>(
        html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" prefill-from-url autocheck></serial-lookup>`,
      );
      const card = await result(el);
      expect(card.dataset.status).to.equal('genuine');
      expect(serialInput(el).value).to.equal(genuineSerial);
      expect(focused(el)).to.equal(part(el, 'submit'));
      expect(announced(el).polite).to.contain('Genuine product');
      const verifies = requests.filter((r) => r.path === '/v1/verify');
      expect(verifies).to.have.length(1);
      expect((verifies[0]!.body as { input: string }).input).to.match(
        new RegExp(`/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}$`),
      );
      expect(events).to.have.length(1);
    } finally {
      document.removeEventListener('serial-lookup-result', listener);
    }
  });

  it('shows the local issue instead of checking a mistyped link with autocheck', async () => {
    const mistyped = genuineSerial.slice(0, -1) + String((Number(genuineSerial.at(-1)) + 1) % 10);
    openedFrom(`/01/${GTIN}/21/${encodeURIComponent(mistyped)}`);
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const el = await fixture<SerialLookup>(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" prefill-from-url autocheck></serial-lookup>`,
    );
    await waitUntil(() => part(el, 'issue'), 'issue shown', { timeout: 3000 });
    expect(serialInput(el).value).to.equal(mistyped);
    expect(announced(el).assertive).to.equal(part(el, 'issue')!.textContent!.trim());
    expect(requests.filter((r) => r.path === '/v1/verify')).to.have.length(0);
  });

  it('does not check without a Digital Link, or in return mode, even with autocheck', async () => {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    openedFrom('/products/aria-700');
    const plain = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" prefill-from-url autocheck></serial-lookup>`,
    );
    openedFrom(`/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}`);
    const returns = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="return" prefill-from-url autocheck></serial-lookup>`,
    );
    await delay(200);
    expect(serialInput(plain).value).to.equal('');
    expect(serialInput(returns).value).to.equal(genuineSerial);
    expect(focused(returns)).to.equal(part(returns, 'order-input'));
    expect(requests.filter((r) => r.path !== '/v1/formats')).to.have.length(0);
  });
});
