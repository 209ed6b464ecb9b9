/**
 * Register mode: a customer registers the unit they own (serial, name, email, consent) with
 * `POST /v1/owners`, and sees the answer as the service gives it.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { SerialLookup } from '../src/index.js';
import {
  announced,
  errorCard,
  fill,
  focused,
  genuineSerial,
  HttpResponse,
  html,
  mockService,
  mount,
  ownerRegistration,
  part,
  press,
  result,
  serialInput,
  typeInto,
  uniqueEndpoint,
  useMockService,
} from './support.js';

const GTIN = '09506000134352';

describe('register mode', () => {
  useMockService();

  const original = location.href;
  afterEach(() => history.replaceState(null, '', original));

  async function setup(
    owners: NonNullable<Parameters<typeof mockService>[1]>['owners'] = ownerRegistration(),
    lang = 'en',
  ) {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint, { owners });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="register" lang=${lang}></serial-lookup>`,
    );
    return { el, registrations: () => requests.filter((r) => r.path === '/v1/owners') };
  }

  const input = (el: SerialLookup, name: string) => part<HTMLInputElement>(el, name)!;

  function complete(el: SerialLookup, serial = genuineSerial) {
    fill(serialInput(el), serial);
    fill(input(el, 'name-input'), 'Ada Lovelace');
    fill(input(el, 'email-input'), 'ada@example.com');
    input(el, 'consent').click();
  }

  it('asks for the serial, the name, the email and consent, and is accessible', async () => {
    const { el } = await setup();
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map((l) =>
      l.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).to.deep.equal([
      'Serial number',
      'Your name',
      'Email address',
      'I agree that you keep my name and email address to contact me about this product.',
    ]);
    expect(input(el, 'email-input').type).to.equal('email');
    expect(input(el, 'consent').type).to.equal('checkbox');
    // Consent is never given in advance.
    expect(input(el, 'consent').checked).to.equal(false);
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Register product');
    await expect(el).to.be.accessible();
  });

  it('registers by keyboard, shows the answer, and the event carries no personal data', async () => {
    const { el, registrations } = await setup();
    await typeInto(serialInput(el), genuineSerial);
    await typeInto(input(el, 'name-input'), ' Ada Lovelace ');
    await press('Tab');
    expect(focused(el)).to.equal(input(el, 'email-input'));
    await typeInto(focused(el) as HTMLInputElement, 'ada@example.com');
    await press('Tab');
    expect(focused(el)).to.equal(input(el, 'consent'));
    await press('Space');
    expect(input(el, 'consent').checked).to.equal(true);
    await press('Tab');
    expect(focused(el)).to.equal(part(el, 'submit'));
    const event = oneEvent(el, 'serial-lookup-result');
    await press('Enter');
    const card = await result(el);
    expect(card.dataset.status).to.equal('received');
    expect(card.getAttribute('part')).to.contain('result-received');
    expect(part(el, 'result-title')!.textContent).to.equal('Registration received');
    expect(part(el, 'result-body')!.textContent).to.contain(genuineSerial);
    expect(announced(el).polite).to.contain('Registration received');
    expect(registrations()[0]!.body).to.deep.equal({
      input: genuineSerial,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      consent: true,
    });
    const { detail } = await event;
    expect(detail).to.deep.equal({
      mode: 'register',
      serial: genuineSerial,
      result: ownerRegistration(),
    });
    expect(JSON.stringify(detail)).to.not.contain('ada@');
    await expect(el).to.be.accessible();
  });

  it('asks for each missing detail in turn, focuses it, and sends nothing until all are there', async () => {
    const { el, registrations } = await setup();
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(part(el, 'issue')!.textContent).to.equal('Enter your name.');
    expect(focused(el)).to.equal(input(el, 'name-input'));
    expect(input(el, 'name-input').getAttribute('aria-invalid')).to.equal('true');
    fill(input(el, 'name-input'), 'Ada');
    fill(input(el, 'email-input'), 'ada@example');
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(part(el, 'issue')!.textContent).to.contain('Enter your email address');
    expect(focused(el)).to.equal(input(el, 'email-input'));
    fill(input(el, 'email-input'), 'ada@example.com');
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(part(el, 'issue')!.textContent).to.contain('Tick the box');
    expect(focused(el)).to.equal(input(el, 'consent'));
    expect(input(el, 'consent').getAttribute('aria-describedby')).to.equal('consent-issue');
    expect(announced(el).assertive).to.contain('Tick the box');
    await expect(el).to.be.accessible();
    expect(registrations()).to.have.length(0);
    input(el, 'consent').click();
    await el.updateComplete;
    expect(part(el, 'issue')).to.equal(null);
    part(el, 'submit')!.click();
    await result(el);
    expect(registrations()).to.have.length(1);
  });

  it('shows an unknown serial as the service answers it', async () => {
    const { el } = await setup(ownerRegistration({ status: 'unknown', serial: genuineSerial }));
    complete(el);
    part(el, 'submit')!.click();
    expect((await result(el)).dataset.status).to.equal('unknown');
    expect(part(el, 'result-title')!.textContent).to.equal('We can’t find this serial number');
  });

  it('lists the service’s issues when it refuses the details', async () => {
    const { el } = await setup(() =>
      HttpResponse.json(
        {
          error: {
            code: 'validation_failed',
            message: 'Invalid owner registration',
            issues: [{ code: 'invalid_format', message: 'email: Invalid email address' }],
          },
        },
        { status: 400 },
      ),
    );
    complete(el);
    part(el, 'submit')!.click();
    const card = await result(el);
    expect(card.dataset.status).to.equal('invalid');
    expect(part(el, 'result-title')!.textContent).to.equal('Please check your details');
    expect(card.querySelector('li')!.textContent).to.equal('email: Invalid email address');
    await expect(el).to.be.accessible();
  });

  it('counts a rate limit down and refuses to send meanwhile', async () => {
    const { el, registrations } = await setup(() =>
      HttpResponse.json(
        { error: { code: 'rate_limited', message: 'slow down' } },
        { status: 429, headers: { 'retry-after': '2' } },
      ),
    );
    complete(el);
    part(el, 'submit')!.click();
    const card = await errorCard(el);
    expect(card.dataset.kind).to.equal('rate_limited');
    expect(card.textContent).to.match(/Try again in 2 seconds/);
    expect(part(el, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
    input(el, 'name-input').focus();
    await press('Enter');
    expect(registrations()).to.have.length(1);
    await waitUntil(() => !part(el, 'error'), 'rate limit over', { timeout: 4000 });
    expect(announced(el).polite).to.equal('You can check again now.');
  });

  it('is never queued offline: a name and an email do not wait in the browser', async () => {
    const { el, registrations } = await setup();
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      complete(el);
      part(el, 'submit')!.click();
      expect((await errorCard(el)).dataset.kind).to.equal('offline');
      expect(registrations()).to.have.length(0);
    } finally {
      Object.defineProperty(navigator, 'onLine', onLine);
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('takes the serial from the page’s Digital Link, focuses the name, and sends the link', async () => {
    const path = `/01/${GTIN}/21/${encodeURIComponent(genuineSerial)}`;
    history.replaceState(null, '', `${path}${location.search}`);
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="register" prefill-from-url autocheck></serial-lookup>`,
    );
    expect(serialInput(el).value).to.equal(genuineSerial);
    expect(focused(el)).to.equal(input(el, 'name-input'));
    // Not even with autocheck: registering needs the owner's details and consent.
    expect(requests.filter((r) => r.path === '/v1/owners')).to.have.length(0);
    fill(input(el, 'name-input'), 'Ada Lovelace');
    fill(input(el, 'email-input'), 'ada@example.com');
    input(el, 'consent').click();
    part(el, 'submit')!.click();
    await result(el);
    const sent = requests.find((r) => r.path === '/v1/owners')!.body as { input: string };
    expect(sent.input).to.match(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });

  it('speaks German, and is accessible in it', async () => {
    const { el } = await setup(ownerRegistration(), 'de');
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Produkt registrieren');
    expect(part(el, 'name-field')!.querySelector('label')!.textContent).to.equal('Ihr Name');
    complete(el);
    part(el, 'submit')!.click();
    await result(el);
    expect(part(el, 'result-title')!.textContent).to.equal('Registrierung eingegangen');
    await expect(el).to.be.accessible();
  });

  it('turns into the register form when the mode changes', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(html`<serial-lookup endpoint=${endpoint}></serial-lookup>`);
    expect(part(el, 'name-input')).to.equal(null);
    el.mode = 'register';
    await waitUntil(() => part(el, 'name-input'), 'register fields shown');
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Register product');
  });
});
