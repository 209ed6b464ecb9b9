/**
 * Accessibility first: axe finds no violation in any state the element can be in, in verify and
 * return mode, in English and German.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { SerialLookup } from '../src/index.js';
import {
  delay,
  errorCard,
  fill,
  genuineSerial,
  HttpResponse,
  html,
  lookalikeSerial,
  mockService,
  mount,
  part,
  result,
  returnCheck,
  serialInput,
  settled,
  swappedSerial,
  uniqueEndpoint,
  useMockService,
  verifyResult,
} from './support.js';

describe('accessibility', () => {
  useMockService();

  async function verifyElement(
    verify?: NonNullable<Parameters<typeof mockService>[1]>['verify'],
    lang = 'en',
  ) {
    const endpoint = uniqueEndpoint();
    mockService(endpoint, verify ? { verify } : {});
    return mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" lang=${lang}>
        <a slot="footer" href="/support">Contact support</a>
      </serial-lookup>`,
    );
  }

  async function submitted(el: SerialLookup, serial = genuineSerial) {
    fill(serialInput(el), serial);
    part(el, 'submit')!.click();
  }

  it('is accessible when empty', async () => {
    const el = await verifyElement();
    await expect(el).to.be.accessible();
  });

  it('is accessible with an issue and suggestions', async () => {
    const el = await verifyElement();
    await submitted(el, `${lookalikeSerial.slice(0, -1)}X`);
    await waitUntil(() => part(el, 'issue'));
    await expect(el).to.be.accessible();
  });

  it('is accessible with suggestions', async () => {
    const el = await verifyElement();
    fill(serialInput(el), swappedSerial);
    await waitUntil(() => part(el, 'suggestion'));
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading', async () => {
    const el = await verifyElement(async () => {
      await delay(500);
      return HttpResponse.json(verifyResult());
    });
    await submitted(el);
    await waitUntil(() => part(el, 'form')!.getAttribute('aria-busy') === 'true');
    await expect(el).to.be.accessible();
  });

  for (const [status, extra] of [
    ['genuine', {}],
    ['unknown', { product: null }],
    [
      'recalled',
      { recall: { notice: 'Battery may overheat.', url: 'https://shop.example/recall' } },
    ],
    ['suspicious', { reasons: ['many_clients', 'not_shipped'] }],
    ['invalid', { issues: [{ code: 'pattern_mismatch', message: 'Does not match' }] }],
    // A status a newer service added: the neutral answer.
    ['replaced', {}],
  ] as const) {
    for (const lang of ['en', 'de']) {
      it(`is accessible showing a ${status} result (${lang})`, async () => {
        const el = await verifyElement(
          verifyResult({
            status: status as ReturnType<typeof verifyResult>['status'],
            ...(extra as Partial<ReturnType<typeof verifyResult>>),
          }),
          lang,
        );
        await submitted(el);
        await result(el);
        await expect(el).to.be.accessible();
      });
    }
  }

  for (const [name, response] of [
    [
      'rate limited',
      () => HttpResponse.json({}, { status: 429, headers: { 'retry-after': '30' } }),
    ],
    ['server error', () => HttpResponse.json({}, { status: 500 })],
    ['network error', () => HttpResponse.error()],
    ['malformed answer', () => HttpResponse.json({ nope: true })],
  ] as const) {
    it(`is accessible showing a ${name}`, async () => {
      const el = await verifyElement(response);
      await submitted(el);
      await errorCard(el);
      await expect(el).to.be.accessible();
    });
  }

  it('is accessible in return mode, empty and with each verdict', async () => {
    const endpoint = uniqueEndpoint();
    const verdicts = [
      returnCheck(),
      returnCheck({ verdict: 'mismatch', next: 'contact_support' }),
      returnCheck({ verdict: 'already_returned', next: 'contact_support' }),
      returnCheck({ verdict: 'order_not_found', next: 'check_order' }),
      returnCheck({ verdict: 'unknown', next: 'check_serial' }),
    ];
    let i = 0;
    mockService(endpoint, { returns: () => HttpResponse.json(verdicts[i++]) });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="return"></serial-lookup>`,
    );
    await expect(el).to.be.accessible();
    fill(part<HTMLInputElement>(el, 'order-input')!, '1001');
    fill(part<HTMLInputElement>(el, 'contact-input')!, 'ada@example.com');
    fill(serialInput(el), genuineSerial);
    for (const verdict of verdicts) {
      part(el, 'submit')!.click();
      await waitUntil(() => part(el, 'result')?.dataset.status === verdict.verdict);
      await settled(el);
      await expect(el).to.be.accessible();
    }
  });

  it('is accessible with a missing field reported', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="return"></serial-lookup>`,
    );
    part(el, 'submit')!.click();
    await waitUntil(() => part(el, 'issue'));
    await expect(el).to.be.accessible();
  });
});
