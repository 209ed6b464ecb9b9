import { expect } from '@open-wc/testing';
import { ApiError } from '../src/api/api-error.js';
import { createApiClient, parseRetryAfter, routeUrl } from '../src/api/client.js';
import { readReturnCheck, readVerifyResult } from '../src/api/response-checks.js';
import { verifyResult } from './support.js';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

function fakeFetch(respond: (url: string, init: RequestInit) => Promise<Response> | Response) {
  const calls: FetchArgs[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push([input, init]);
    return respond(String(input), init ?? {});
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('api client', () => {
  it('joins the endpoint and the route, with or without a trailing slash', () => {
    expect(routeUrl('', '/v1/verify')).to.equal('/v1/verify');
    expect(routeUrl('https://shop.example/serialkit/', '/v1/verify')).to.equal(
      'https://shop.example/serialkit/v1/verify',
    );
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2024-06-01T12:00:00Z');
    expect(parseRetryAfter('12', now)).to.equal(12);
    expect(parseRetryAfter('Sat, 01 Jun 2024 12:00:30 GMT', now)).to.equal(30);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
  });

  it('posts JSON and returns the checked answer', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json(verifyResult()));
    const api = createApiClient({ endpoint: 'https://shop.example/sk', fetch });
    expect(await api.verify({ input: 'SN-1' })).to.deep.equal(verifyResult());
    const [url, init] = calls[0]!;
    expect(url).to.equal('https://shop.example/sk/v1/verify');
    expect(init!.method).to.equal('POST');
    expect(init!.body).to.equal('{"input":"SN-1"}');
    expect((init!.headers as Record<string, string>)['content-type']).to.equal('application/json');
  });

  it('maps 429 to rate_limited with Retry-After and the service’s code', async () => {
    const { fetch } = fakeFetch(() =>
      Response.json(
        { error: { code: 'rate_limited', message: 'slow down' } },
        { status: 429, headers: { 'retry-after': '5' } },
      ),
    );
    const error = await failure(createApiClient({ endpoint: '', fetch }).verify({ input: 'x' }));
    expect(error).to.include({
      kind: 'rate_limited',
      status: 429,
      code: 'rate_limited',
      retryAfter: 5,
    });
  });

  it('maps 4xx to rejected with the issues, and 5xx to server', async () => {
    const issues = [{ code: 'invalid_length', message: 'Too short' }];
    const rejected = await failure(
      createApiClient({
        endpoint: '',
        fetch: fakeFetch(() =>
          Response.json(
            { error: { code: 'validation_failed', message: 'bad', issues } },
            { status: 400 },
          ),
        ).fetch,
      }).verify({ input: 'x' }),
    );
    expect(rejected.kind).to.equal('rejected');
    expect(rejected.issues).to.deep.equal(issues);
    const server = await failure(
      createApiClient({
        endpoint: '',
        fetch: fakeFetch(() => new Response('<html>', { status: 503 })).fetch,
      }).verify({ input: 'x' }),
    );
    expect(server).to.include({ kind: 'server', status: 503 });
  });

  it('maps a failed fetch to network, and to offline when the browser says so', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const api = createApiClient({ endpoint: '', fetch });
    expect((await failure(api.verify({ input: 'x' }))).kind).to.equal('network');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      expect((await failure(api.verify({ input: 'x' }))).kind).to.equal('offline');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('times out, and lets the caller abort without an ApiError', async () => {
    const hang = (_: string, init: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init.signal!.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    const api = createApiClient({ endpoint: '', timeout: 50, fetch: fakeFetch(hang).fetch });
    expect((await failure(api.verify({ input: 'x' }))).kind).to.equal('timeout');

    const controller = new AbortController();
    const slow = createApiClient({ endpoint: '', timeout: 5000, fetch: fakeFetch(hang).fetch });
    const pending = slow.verify({ input: 'x' }, controller.signal);
    controller.abort();
    try {
      await pending;
      expect.fail('should reject');
    } catch (error) {
      expect(error).to.not.be.instanceOf(ApiError);
      expect((error as DOMException).name).to.equal('AbortError');
    }
  });

  it('asks for format hints with If-None-Match and reports a 304', async () => {
    const { fetch, calls } = fakeFetch((_, init) =>
      (init.headers as Record<string, string>)['if-none-match'] === '"v1"'
        ? new Response(null, { status: 304 })
        : Response.json({ version: 'v1', formats: [] }, { headers: { etag: '"v1"' } }),
    );
    const api = createApiClient({ endpoint: '', fetch });
    expect(await api.formats()).to.deep.equal({
      notModified: false,
      hints: { version: 'v1', formats: [] },
      etag: '"v1"',
    });
    expect(await api.formats('"v1"')).to.deep.equal({ notModified: true });
    expect(calls[1]![1]!.cache).to.equal('no-store');
  });

  it('checks answers by hand: keeps codes a newer service adds, rejects wrong shapes', () => {
    // Which codes exist is core's list: a code added later is read, and shown as neutral.
    expect(
      readVerifyResult({ ...verifyResult(), reasons: ['many_clients', 'from_the_future', 7] })!
        .reasons,
    ).to.deep.equal(['many_clients', 'from_the_future']);
    expect(readVerifyResult({ ...verifyResult(), status: 'counterfeit' })!.status).to.equal(
      'counterfeit',
    );
    expect(readReturnCheck({ verdict: 'exchanged', next: 'wait', issues: [] })).to.deep.equal({
      verdict: 'exchanged',
      next: 'wait',
      issues: [],
    });
    expect(readVerifyResult({ ...verifyResult(), status: '' })).to.equal(undefined);
    expect(readVerifyResult({ ...verifyResult(), status: 42 })).to.equal(undefined);
    expect(readReturnCheck({ verdict: 'match', issues: [] })).to.equal(undefined);
    expect(readVerifyResult({ ...verifyResult(), product: { sku: 1 } })).to.equal(undefined);
    expect(readVerifyResult(null)).to.equal(undefined);
  });
});
