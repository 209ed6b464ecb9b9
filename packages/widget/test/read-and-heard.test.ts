/**
 * What a shopper reads and hears for every answer: the card's title and text, and the words
 * announced to screen readers, in plain English written out here (not taken from the translation
 * being tested). A card that shows one answer with another's words, or announces different words
 * than it shows, fails here.
 */
import { expect } from '@open-wc/testing';
import type { PublicReturnCheck, VerifyResult } from '@serialkit/core';
import type { SerialLookupResultEvent } from '../src/index.js';
import {
  announced,
  delay,
  errorCard,
  fill,
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
  uniqueEndpoint,
  useMockService,
  verifyResult,
} from './support.js';

/** The title of every verify card, to prove that a card carries its own and no other's. */
const VERIFY_TITLES = {
  genuine: 'Genuine product',
  unknown: 'We can’t find this serial number',
  recalled: 'This product is recalled',
  suspicious: 'This serial number needs a closer look',
  invalid: 'This isn’t a valid serial number',
  other: 'Serial number checked',
};

const RETURN_TITLES = {
  match: 'This item is from your order',
  mismatch: 'This item doesn’t belong to this order',
  unknown: 'We can’t find this serial number',
  invalid: 'This isn’t a valid serial number',
  already_returned: 'This item has already been returned',
  order_not_found: 'We can’t find this order',
  other: 'Serial number checked',
};

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('what a shopper reads and hears', () => {
  useMockService();

  async function verify(answer: VerifyResult) {
    const endpoint = uniqueEndpoint();
    mockService(endpoint, { verify: () => HttpResponse.json(answer) });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    fill(serialInput(el), genuineSerial);
    serialInput(el).focus();
    await press('Enter');
    const card = await result(el);
    return {
      el,
      status: card.dataset.status,
      part: card.getAttribute('part'),
      title: text(part(el, 'result-title')),
      body: text(part(el, 'result-body')),
      card: text(card),
      heard: announced(el),
    };
  }

  const cases: [string, Partial<VerifyResult> | Record<string, unknown>, string, string][] = [
    [
      'genuine',
      {},
      'Genuine product',
      `Registered as original: Aria 700 headphones, serial number ${genuineSerial}.`,
    ],
    [
      'genuine',
      { product: null },
      'Genuine product',
      `Serial number ${genuineSerial} is registered as original.`,
    ],
    [
      'unknown',
      { status: 'unknown', product: null },
      'We can’t find this serial number',
      'Check that it matches the label exactly. If it does, contact us: the product may not come from us.',
    ],
    [
      'recalled',
      { status: 'recalled', recall: { notice: 'Stop using it.', url: null } },
      'This product is recalled',
      `Aria 700 headphones, serial number ${genuineSerial}, is part of a safety recall. Please stop using it.`,
    ],
    [
      'recalled',
      { status: 'recalled', product: null, recall: null },
      'This product is recalled',
      `Serial number ${genuineSerial} is part of a safety recall. Please stop using it.`,
    ],
    [
      'suspicious',
      { status: 'suspicious', reasons: ['not_shipped'] },
      'This serial number needs a closer look',
      'Please contact us before you use or resell this product.',
    ],
    [
      'invalid',
      { status: 'invalid', serial: null, product: null },
      'This isn’t a valid serial number',
      'Compare it with the label and try again.',
    ],
    [
      'other',
      { status: 'counterfeit_suspected', reasons: ['from_the_future'] },
      'Serial number checked',
      `We have an answer for serial number ${genuineSerial} that this page can’t show yet. Please contact us for the details.`,
    ],
  ];

  for (const [status, overrides, title, body] of cases) {
    const what = `${status}${'product' in overrides && !overrides.product ? ' without a product' : ''}`;
    it(`verify, ${what}: shows and announces “${title}” and nothing else`, async () => {
      const seen = await verify(verifyResult(overrides as Partial<VerifyResult>));
      expect(seen.status).to.equal(status);
      expect(seen.part).to.equal(`result result-${status}`);
      expect(seen.title).to.equal(title);
      expect(seen.body).to.equal(body);
      // Heard: the same words as shown, politely, and no alert.
      expect(seen.heard.polite).to.equal(`${title}. ${body}`);
      expect(seen.heard.assertive).to.equal('');
      for (const [other, otherTitle] of Object.entries(VERIFY_TITLES)) {
        if (otherTitle === title) continue;
        expect(seen.card, `the ${status} card shows the ${other} title`).not.to.contain(otherTitle);
        expect(seen.heard.polite, `the ${status} answer announces ${other}`).not.to.contain(
          otherTitle,
        );
      }
    });
  }

  it('verify, suspicious: lists the reasons it can name, and skips one added later', async () => {
    const seen = await verify(
      verifyResult({
        status: 'suspicious',
        reasons: ['many_clients', 'from_the_future', 'sighted_elsewhere'] as never,
      }),
    );
    const reasons = [...part(seen.el, 'reasons')!.querySelectorAll('li')].map(text);
    expect(reasons).to.deep.equal([
      'It has been checked from an unusual number of devices.',
      'It has been reported for sale elsewhere.',
    ]);
  });

  it('verify, a status added later: no error card, in the neutral colour', async () => {
    const events: SerialLookupResultEvent[] = [];
    const listener = (event: SerialLookupResultEvent) => events.push(event);
    document.addEventListener('serial-lookup-result', listener);
    const seen = await verify(verifyResult({ status: 'replaced' as never })).finally(() =>
      document.removeEventListener('serial-lookup-result', listener),
    );
    // The shop's listener gets the code as the service sent it.
    expect(events.map((event) => event.detail.result)).to.deep.include.members([
      verifyResult({ status: 'replaced' as never }),
    ]);
    expect(part(seen.el, 'error')).to.equal(null);
    const card = part(seen.el, 'result')!;
    const style = getComputedStyle(card);
    const neutral = getComputedStyle(seen.el).getPropertyValue('--serial-lookup-unknown').trim();
    expect(neutral).to.equal('#4b5563');
    expect(style.getPropertyValue('--status').trim()).to.equal(neutral);
  });

  async function checkReturn(answer: PublicReturnCheck) {
    const endpoint = uniqueEndpoint();
    mockService(endpoint, { returns: () => HttpResponse.json(answer) });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="return"></serial-lookup>`,
    );
    fill(part<HTMLInputElement>(el, 'order-input')!, '1001');
    fill(part<HTMLInputElement>(el, 'contact-input')!, 'ann@example.com');
    fill(serialInput(el), genuineSerial);
    serialInput(el).focus();
    await press('Enter');
    const card = await result(el);
    return {
      status: card.dataset.status,
      title: text(part(el, 'result-title')),
      body: text(part(el, 'result-body')),
      slot: card.querySelector('slot')!.name,
      heard: announced(el),
    };
  }

  const steps: Record<PublicReturnCheck['next'], string> = {
    send_back:
      'You can send it back. Pack it with its accessories and follow the return instructions.',
    contact_support: 'Please contact our support team before you send anything back.',
    check_serial: 'Check the serial number on the item’s label and try again.',
    check_order:
      'Check the order number and the email address or postcode you used for the order, then try again.',
  };
  const verdicts: [string, string, PublicReturnCheck['next'], string][] = [
    ['match', 'match', 'send_back', 'send-back'],
    ['mismatch', 'mismatch', 'contact_support', 'contact-support'],
    ['unknown', 'unknown', 'check_serial', 'check-serial'],
    ['invalid', 'invalid', 'check_serial', 'check-serial'],
    ['already_returned', 'already_returned', 'contact_support', 'contact-support'],
    ['order_not_found', 'order_not_found', 'check_order', 'check-order'],
    ['exchanged', 'other', 'contact_support', 'contact-support'],
  ];
  for (const [verdict, status, next, slot] of verdicts) {
    it(`return, ${verdict}: shows and announces its verdict and next step only`, async () => {
      const seen = await checkReturn(returnCheck({ verdict: verdict as never, next }));
      const title = RETURN_TITLES[status as keyof typeof RETURN_TITLES];
      expect(seen.status).to.equal(status);
      expect(seen.title).to.equal(title);
      expect(seen.body).to.equal(steps[next]);
      expect(seen.slot).to.equal(slot);
      expect(seen.heard.polite).to.equal(`${title}. ${steps[next]}`);
      for (const otherTitle of Object.values(RETURN_TITLES)) {
        if (otherTitle !== title) expect(seen.heard.polite).not.to.contain(otherTitle);
      }
    });
  }

  it('return, a next step added later: asks the shopper to contact support', async () => {
    const seen = await checkReturn(returnCheck({ verdict: 'mismatch', next: 'wait' as never }));
    expect(seen.title).to.equal('This item doesn’t belong to this order');
    expect(seen.body).to.equal(steps.contact_support);
    expect(seen.slot).to.equal('contact-support');
  });

  const failures: [string, () => Response, string][] = [
    [
      'server',
      () => HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 }),
      'Something went wrong on our side. Please try again in a moment.',
    ],
    [
      'rate_limited',
      () =>
        HttpResponse.json(
          { error: { code: 'rate_limited', message: 'slow down' } },
          { status: 429, headers: { 'retry-after': '12' } },
        ),
      'Too many checks in a short time. Try again in 12 seconds.',
    ],
    [
      'invalid_response',
      () => HttpResponse.json({ status: 'genuine' }),
      'We received an unexpected answer. Please try again in a moment.',
    ],
    [
      'network',
      () => HttpResponse.error(),
      'We couldn’t reach the service. Check your connection and try again.',
    ],
  ];
  failures.push([
    'timeout',
    () => delay(1000).then(() => HttpResponse.json(verifyResult())) as never,
    'The check took too long. Please try again.',
  ]);
  for (const [kind, respond, message] of failures) {
    it(`a ${kind} failure: shows and alerts “${message}”, no result card`, async () => {
      const endpoint = uniqueEndpoint();
      mockService(endpoint, { verify: respond });
      const el = await mount(
        html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" timeout="200"></serial-lookup>`,
      );
      fill(serialInput(el), genuineSerial);
      serialInput(el).focus();
      await press('Enter');
      const card = await errorCard(el);
      expect(card.dataset.kind).to.equal(kind);
      expect(text(card.querySelector('p'))).to.equal(message);
      expect(announced(el).assertive).to.equal(message);
      expect(part(el, 'result')).to.equal(null);
    });
  }

  it('a refused check with issues: the invalid card with the service’s issues, announced', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint, {
      // No format known here: the service is the one to refuse the input.
      formats: { version: 'none', formats: [] },
      verify: () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'bad input',
              issues: [{ code: 'too_long', message: 'The serial is too long.' }],
            },
          },
          { status: 400 },
        ),
    });
    const el = await mount(html`<serial-lookup endpoint=${endpoint}></serial-lookup>`);
    fill(serialInput(el), 'ANYTHING-1');
    serialInput(el).focus();
    await press('Enter');
    const card = await result(el);
    expect(card.dataset.status).to.equal('invalid');
    expect(text(part(el, 'result-title'))).to.equal('This isn’t a valid serial number');
    expect(text(card.querySelector('ul'))).to.equal('The serial is too long.');
    // Heard as shown (it once announced a server error over the invalid card).
    expect(announced(el).assertive).to.equal(
      'This isn’t a valid serial number. Compare it with the label and try again.',
    );
  });
});
