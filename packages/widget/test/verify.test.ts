import { expect, waitUntil } from '@open-wc/testing';
import {
  announced,
  delay,
  errorCard,
  fill,
  genuineSerial,
  HttpResponse,
  hints,
  html,
  lookalikeSerial,
  mockService,
  mount,
  part,
  parts,
  press,
  result,
  serialInput,
  uniqueEndpoint,
  useMockService,
  verifyResult,
} from './support.js';

describe('verify mode', () => {
  useMockService();

  async function check(
    verify: NonNullable<Parameters<typeof mockService>[1]>['verify'],
    timeout?: number,
  ) {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint, { verify });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700" timeout=${timeout ?? 10_000}></serial-lookup>`,
    );
    fill(serialInput(el), genuineSerial);
    serialInput(el).focus();
    await press('Enter');
    return { el, requests };
  }

  it('shows a genuine result with the product and sends the canonical serial and the sku', async () => {
    const { el, requests } = await check(verifyResult());
    const card = await result(el);
    expect(card.getAttribute('part')).to.equal('result result-genuine');
    expect(part(el, 'result-title')!.textContent).to.equal('Genuine product');
    expect(part(el, 'result-body')!.textContent).to.contain('Aria 700 headphones');
    expect(announced(el).polite).to.contain('Genuine product');
    const verify = requests.find((r) => r.path === '/v1/verify')!;
    expect(verify.body).to.deep.equal({ input: genuineSerial, sku: 'ARIA-700' });
    expect(verify.headers.get('content-type')).to.equal('application/json');
  });

  it('shows an unknown result', async () => {
    const { el } = await check(verifyResult({ status: 'unknown', product: null }));
    expect((await result(el)).dataset.status).to.equal('unknown');
    expect(part(el, 'result-title')!.textContent).to.equal('We can’t find this serial number');
  });

  it('shows a recalled result with the notice and the merchant’s link', async () => {
    const { el } = await check(
      verifyResult({
        status: 'recalled',
        recall: { notice: 'Battery may overheat.', url: 'https://shop.example/recall' },
      }),
    );
    expect((await result(el)).dataset.status).to.equal('recalled');
    expect(part(el, 'recall-notice')!.textContent).to.equal('Battery may overheat.');
    expect(part<HTMLAnchorElement>(el, 'result-link')!.href).to.equal(
      'https://shop.example/recall',
    );
  });

  it('never links to a recall url that is not a web page', async () => {
    const { el } = await check(
      verifyResult({
        status: 'recalled',
        recall: { notice: 'Stop using it.', url: 'javascript:alert(1)' },
      }),
    );
    await result(el);
    expect(part(el, 'recall-notice')).to.exist;
    expect(part(el, 'result-link')).to.equal(null);
  });

  it('shows a suspicious result with its reasons', async () => {
    const { el } = await check(
      verifyResult({ status: 'suspicious', reasons: ['many_clients', 'sighted_elsewhere'] }),
    );
    expect((await result(el)).dataset.status).to.equal('suspicious');
    const reasons = parts(el, 'reasons')[0]!.querySelectorAll('li');
    expect([...reasons].map((li) => li.textContent)).to.deep.equal([
      'It has been checked from an unusual number of devices.',
      'It has been reported for sale elsewhere.',
    ]);
  });

  it('shows an invalid result with the service’s issues', async () => {
    const { el } = await check(
      verifyResult({
        status: 'invalid',
        serial: null,
        product: null,
        issues: [{ code: 'no_matching_format', message: 'No product has this format' }],
      }),
    );
    expect((await result(el)).dataset.status).to.equal('invalid');
    expect(part(el, 'result')!.textContent).to.contain('No product has this format');
  });

  it('explains a rate limit, counts down from Retry-After and refuses to submit meanwhile', async () => {
    const { el, requests } = await check(() =>
      HttpResponse.json(
        { error: { code: 'rate_limited', message: 'slow down' } },
        { status: 429, headers: { 'retry-after': '2' } },
      ),
    );
    const card = await errorCard(el);
    expect(card.dataset.kind).to.equal('rate_limited');
    expect(card.textContent).to.match(/Try again in 2 seconds/);
    expect(announced(el).assertive).to.match(/Too many checks/);
    expect(part(el, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, 'retry')).to.equal(null);
    const sent = requests.filter((r) => r.path === '/v1/verify').length;
    serialInput(el).focus();
    await press('Enter');
    expect(requests.filter((r) => r.path === '/v1/verify').length).to.equal(sent);
    await waitUntil(() => !part(el, 'error'), 'rate limit over', { timeout: 4000 });
    expect(announced(el).polite).to.equal('You can check again now.');
    expect(part(el, 'submit')!.hasAttribute('aria-disabled')).to.equal(false);
  });

  it('shows a server error with a retry button that checks again', async () => {
    let calls = 0;
    const { el } = await check(() =>
      ++calls === 1
        ? HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 })
        : HttpResponse.json(verifyResult()),
    );
    const card = await errorCard(el);
    expect(card.dataset.kind).to.equal('server');
    expect(announced(el).assertive).to.equal(
      'Something went wrong on our side. Please try again in a moment.',
    );
    part(el, 'retry')!.click();
    expect((await result(el)).dataset.status).to.equal('genuine');
    expect(calls).to.equal(2);
  });

  it('treats an HTML error page like a server error', async () => {
    const { el } = await check(
      () =>
        new HttpResponse('<h1>Bad gateway</h1>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
    );
    expect((await errorCard(el)).dataset.kind).to.equal('server');
  });

  it('shows a network error when the service cannot be reached', async () => {
    const { el } = await check(() => HttpResponse.error());
    const card = await errorCard(el);
    expect(card.dataset.kind).to.equal('network');
    expect(part(el, 'retry')).to.exist;
  });

  it('rejects a malformed answer', async () => {
    const { el } = await check(() => HttpResponse.json({ status: 'great', serial: 42 }));
    expect((await errorCard(el)).dataset.kind).to.equal('invalid_response');
  });

  it('rejects an answer that is not JSON', async () => {
    const { el } = await check(() => new HttpResponse('ok', { status: 200 }));
    expect((await errorCard(el)).dataset.kind).to.equal('invalid_response');
  });

  it('gives up after the timeout', async () => {
    const { el } = await check(async () => {
      await delay(2000);
      return HttpResponse.json(verifyResult());
    }, 200);
    expect((await errorCard(el)).dataset.kind).to.equal('timeout');
  });

  it('shows the loading state while the service answers', async () => {
    const { el } = await check(async () => {
      await delay(300);
      return HttpResponse.json(verifyResult());
    });
    await waitUntil(() => part(el, 'submit')!.textContent!.includes('Checking…'));
    expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    await result(el);
    expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('sends the input as typed when it has no format to check against', async () => {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint, { formats: { version: 'v0', formats: [] } });
    const el = await mount(html`<serial-lookup endpoint=${endpoint}></serial-lookup>`, {
      waitForHints: false,
    });
    await waitUntil(() => requests.length === 1);
    fill(serialInput(el), ' anything-goes ');
    part(el, 'submit')!.click();
    await result(el);
    expect(requests[1]!.body).to.deep.equal({ input: 'anything-goes' });
  });

  it('checks a serial submitted before the format hints arrive against them, not the service', async () => {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint, {
      formats: async () => {
        await delay(500);
        return HttpResponse.json(hints);
      },
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
      {
        waitForHints: false,
      },
    );
    fill(serialInput(el), lookalikeSerial);
    serialInput(el).focus();
    await press('Enter');
    await waitUntil(() => part(el, 'suggestion'), 'the fix offered', { timeout: 3000 });
    expect(part(el, 'suggestion')!.textContent!.trim()).to.equal(genuineSerial);
    expect(requests.filter((r) => r.path === '/v1/verify')).to.have.length(0);
  });
});
