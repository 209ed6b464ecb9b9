import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { endpointKey, openDatabase } from '../src/cache/database.js';
import { queuedChecks } from '../src/cache/offline-queue.js';
import {
  errorCard,
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

const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;

function goOffline() {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
}

function goOnline() {
  delete (navigator as { onLine?: boolean }).onLine;
  window.dispatchEvent(new Event('online'));
}

describe('offline checks', () => {
  useMockService();
  afterEach(() => {
    delete (navigator as { onLine?: boolean }).onLine;
    expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')).to.deep.equal(onLine);
  });

  it('queues a check made offline and sends it when the browser is back online', async () => {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    goOffline();
    fill(serialInput(el), genuineSerial);
    const errorEvent = oneEvent(el, 'serial-lookup-error');
    part(el, 'submit')!.click();

    const card = await errorCard(el);
    expect(card.dataset.kind).to.equal('offline');
    expect(card.textContent).to.contain(
      `We’ll check ${genuineSerial} as soon as you’re back online.`,
    );
    expect(part(el, 'retry')).to.equal(null);
    const { detail } = await errorEvent;
    expect(detail).to.include({ mode: 'verify', kind: 'offline', queued: true });
    expect(requests.filter((r) => r.path === '/v1/verify')).to.have.length(0);
    const queued = await queuedChecks(endpointKey(endpoint));
    expect(queued.map((q) => q.request)).to.deep.equal([{ input: genuineSerial, sku: 'ARIA-700' }]);

    const resultEvent = oneEvent(el, 'serial-lookup-result');
    goOnline();
    const answered = await result(el);
    expect(answered.dataset.status).to.equal('genuine');
    expect(answered.textContent).to.contain('Checked when you were back online');
    expect((await resultEvent).detail).to.deep.include({ mode: 'verify', queued: true });
    expect(requests.filter((r) => r.path === '/v1/verify')).to.have.length(1);
    expect(await queuedChecks(endpointKey(endpoint))).to.have.length(0);
  });

  it('queues the check when the connection drops during the request', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint, {
      verify: () => {
        goOffline();
        return HttpResponse.error();
      },
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    expect((await errorCard(el)).dataset.kind).to.equal('offline');
    expect(await queuedChecks(endpointKey(endpoint))).to.have.length(1);
  });

  it('keeps the check queued while the service still cannot be reached', async () => {
    const endpoint = uniqueEndpoint();
    let up = false;
    mockService(endpoint, {
      verify: () => (up ? HttpResponse.json(verifyResult()) : HttpResponse.error()),
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    goOffline();
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await errorCard(el);
    goOnline();
    await waitUntil(async () => (await queuedChecks(endpointKey(endpoint))).length === 1);
    expect(part(el, 'error')!.dataset.kind).to.equal('offline');
    up = true;
    goOnline();
    expect((await result(el)).dataset.status).to.equal('genuine');
  });

  it('answers a check queued on an earlier visit when the page loads online', async () => {
    const endpoint = uniqueEndpoint();
    const db = (await openDatabase())!;
    await db.add('queue', {
      endpoint: endpointKey(endpoint),
      request: { input: genuineSerial, sku: 'ARIA-700' },
      queuedAt: performance.timeOrigin - 60_000,
    });
    const requests = mockService(endpoint, {
      verify: verifyResult({ status: 'recalled', recall: { notice: 'Stop.', url: null } }),
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    const card = await result(el);
    expect(card.dataset.status).to.equal('recalled');
    expect(card.textContent).to.contain('Checked when you were back online');
    expect(serialInput(el).value).to.equal(genuineSerial);
    expect(requests.filter((r) => r.path === '/v1/verify')).to.have.length(1);
  });

  it('is accessible while a check waits for the connection', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    goOffline();
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await errorCard(el);
    await expect(el).to.be.accessible();
  });
});
