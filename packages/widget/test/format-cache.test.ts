import { expect, waitUntil } from '@open-wc/testing';
import { endpointKey } from '../src/cache/database.js';
import { forgetConfirmedHints, readCachedHints } from '../src/cache/format-cache.js';
import {
  delay,
  fill,
  genuineSerial,
  HttpResponse,
  hints,
  html,
  mockService,
  mount,
  part,
  serialInput,
  swappedSerial,
  uniqueEndpoint,
  useMockService,
} from './support.js';

describe('format hints cache (IndexedDB)', () => {
  useMockService();
  beforeEach(() => forgetConfirmedHints());

  const formatRequests = (requests: ReturnType<typeof mockService>) =>
    requests.filter((r) => r.path === '/v1/formats');

  it('loads the hints once and stores them with their version', async () => {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    await mount(html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`);
    expect(formatRequests(requests)).to.have.length(1);
    expect(formatRequests(requests)[0]!.headers.get('if-none-match')).to.equal(null);
    const cached = await readCachedHints(endpointKey(endpoint));
    expect(cached?.version).to.equal('v1');
    expect(cached?.etag).to.equal('"v1"');
    expect(cached?.hints).to.deep.equal(hints);
  });

  it('does not ask the service while the customer types', async () => {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    for (let i = 1; i <= genuineSerial.length; i++) {
      fill(serialInput(el), genuineSerial.slice(0, i));
      await el.updateComplete;
    }
    expect(requests).to.have.length(1);
  });

  it('shares one request between the elements of a page', async () => {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const container = document.createElement('div');
    container.innerHTML = `<serial-lookup endpoint="${endpoint}"></serial-lookup><serial-lookup endpoint="${endpoint}" mode="return"></serial-lookup>`;
    document.body.append(container);
    try {
      await waitUntil(() => formatRequests(requests).length === 1);
      await delay(100);
      expect(formatRequests(requests)).to.have.length(1);
    } finally {
      container.remove();
    }
  });

  it('on the next load, uses the cached version at once and revalidates with If-None-Match', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const first = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    first.remove();
    forgetConfirmedHints();

    const requests = mockService(endpoint, {
      // A slow 304: the hint must show from the cache before it arrives.
      formats: async () => {
        await delay(400);
        return new HttpResponse(null, { status: 304, headers: { etag: '"v1"' } });
      },
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    expect(part(el, 'hint')!.textContent).to.contain('SN-YYYY-NNNNNN');
    await waitUntil(() => formatRequests(requests).length === 1);
    expect(formatRequests(requests)[0]!.headers.get('if-none-match')).to.equal('"v1"');
    await delay(500);
    expect(part(el, 'hint')!.textContent).to.contain('SN-YYYY-NNNNNN');
  });

  it('replaces the cached hints when the version changes', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    (
      await mount(html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`)
    ).remove();
    forgetConfirmedHints();

    const v2 = {
      version: 'v2',
      formats: [{ ...hints.formats[0]!, format: 'SN-{YYYY}-{D:7}{check:luhn}' }],
    };
    mockService(endpoint, { formats: v2 });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    await waitUntil(() => part(el, 'hint')!.textContent!.includes('NNNNNNN'), 'new hint shown');
    expect((await readCachedHints(endpointKey(endpoint)))?.version).to.equal('v2');
  });

  it('validates and suggests offline from the cached hints', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    (
      await mount(html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`)
    ).remove();
    forgetConfirmedHints();

    const requests = mockService(endpoint, { formats: () => HttpResponse.error() });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    await waitUntil(() => formatRequests(requests).length === 1);
    fill(serialInput(el), swappedSerial);
    await el.updateComplete;
    expect(part(el, 'issue')).to.exist;
    expect(part(el, 'suggestion')!.textContent!.trim()).to.equal(genuineSerial);
  });

  it('works without hints when the service has none and nothing is cached', async () => {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint, {
      formats: () =>
        HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 }),
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
      {
        waitForHints: false,
      },
    );
    await waitUntil(() => formatRequests(requests).length === 1);
    await delay(50);
    expect(part(el, 'hint')).to.equal(null);
    fill(serialInput(el), 'whatever');
    part(el, 'submit')!.click();
    await waitUntil(() => requests.some((r) => r.path === '/v1/verify'));
  });
});
