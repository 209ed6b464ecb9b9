import { expect, oneEvent } from '@open-wc/testing';
import { type SerialLookupErrorEvent, SerialLookupResultEvent } from '../src/index.js';
import {
  delay,
  fill,
  genuineSerial,
  HttpResponse,
  html,
  mockService,
  mount,
  part,
  result,
  serialInput,
  uniqueEndpoint,
  useMockService,
  verifyResult,
} from './support.js';

describe('events', () => {
  useMockService();

  it('fires serial-lookup-result once per check, bubbling out of the shadow root', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    const seen: SerialLookupResultEvent[] = [];
    // Typed through GlobalEventHandlersEventMap: no cast needed for `detail`.
    const listener = (event: SerialLookupResultEvent) => {
      if (event.detail.mode === 'verify') seen.push(event);
    };
    document.addEventListener('serial-lookup-result', listener);
    try {
      fill(serialInput(el), genuineSerial);
      part(el, 'submit')!.click();
      await result(el);
      expect(seen).to.have.length(1);
      const [event] = seen;
      expect(event).to.be.instanceOf(SerialLookupResultEvent);
      expect(event!.bubbles && event!.composed).to.equal(true);
      expect(event!.target).to.equal(el);
      expect(event!.detail).to.deep.equal({
        mode: 'verify',
        input: genuineSerial,
        result: verifyResult(),
        queued: false,
      });
    } finally {
      document.removeEventListener('serial-lookup-result', listener);
    }
  });

  it('fires serial-lookup-error with the status, code and Retry-After', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint, {
      verify: () =>
        HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Too many requests' } },
          { status: 429, headers: { 'retry-after': '7' } },
        ),
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    fill(serialInput(el), genuineSerial);
    const event: Promise<SerialLookupErrorEvent> = oneEvent(el, 'serial-lookup-error');
    part(el, 'submit')!.click();
    const { detail, bubbles, composed } = await event;
    expect(bubbles && composed).to.equal(true);
    expect(detail).to.deep.equal({
      mode: 'verify',
      kind: 'rate_limited',
      message: 'Too many requests',
      status: 429,
      code: 'rate_limited',
      retryAfter: 7,
      queued: false,
    });
  });

  it('fires nothing for property changes, typing, hints or local validation', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const events: Event[] = [];
    const record = (e: Event) => events.push(e);
    document.addEventListener('serial-lookup-result', record);
    document.addEventListener('serial-lookup-error', record);
    try {
      const el = await mount(
        html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
      );
      el.value = genuineSerial;
      el.mode = 'return';
      el.sku = 'BUDS-2';
      el.lang = 'de';
      await el.updateComplete;
      fill(serialInput(el), 'SN-1');
      await delay(100);
      expect(events).to.have.length(0);
    } finally {
      document.removeEventListener('serial-lookup-result', record);
      document.removeEventListener('serial-lookup-error', record);
    }
  });

  it('sends one check for a double submit', async () => {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint, {
      verify: async () => {
        await delay(200);
        return HttpResponse.json(verifyResult());
      },
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    let results = 0;
    el.addEventListener('serial-lookup-result', () => results++);
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    part(el, 'submit')!.click();
    await result(el);
    await delay(50);
    expect(requests.filter((r) => r.path === '/v1/verify')).to.have.length(1);
    expect(results).to.equal(1);
  });

  it('drops the answer when the element leaves the page mid-check, and is ready when it returns', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint, {
      verify: async () => {
        await delay(300);
        return HttpResponse.json(verifyResult());
      },
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    let events = 0;
    el.addEventListener('serial-lookup-result', () => events++);
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await delay(50);
    const parent = el.parentElement!;
    el.remove();
    await delay(400);
    parent.append(el);
    await el.updateComplete;
    expect(events).to.equal(0);
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Check serial number');
    part(el, 'submit')!.click();
    await result(el);
    expect(events).to.equal(1);
  });
});
