import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import {
  acceptsLazyRequests,
  bodyOf,
  headerOf,
  lazyRequest,
} from '../../src/http/node/lazy-request.js';
import { lazyResponse, materialize, setHeaders } from '../../src/http/node/lazy-response.js';
import { toNodeListener } from '../../src/http/node/listener.js';
import { json, jsonFields, rawHeadersOf, SECURITY_HEADERS } from '../../src/http/response.js';

async function serve(listener: RequestListener, run: (base: string) => Promise<void>) {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('toNodeListener', () => {
  test('any web handler: real Requests with their bodies, headers, method and url', async () => {
    const echo = async (request: Request) =>
      Response.json({
        real: Object.getPrototypeOf(request) === Request.prototype,
        method: request.method,
        path: new URL(request.url).pathname,
        type: request.headers.get('content-type'),
        body: await request.text(),
      });
    await serve(toNodeListener(echo), async (base) => {
      const small = await fetch(`${base}/a?b=1`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hello',
      });
      expect(await small.json()).toEqual({
        real: true,
        method: 'POST',
        path: '/a',
        type: 'text/plain',
        body: 'hello',
      });
      const big = 'x'.repeat(200_000);
      const streamed = await fetch(`${base}/big`, { method: 'PUT', body: big });
      expect(((await streamed.json()) as { body: string }).body.length).toBe(200_000);
    });
  });

  test('handlers that opt in get lazy Requests that still behave as Requests', async () => {
    const seen: unknown[] = [];
    const handler = Object.assign(
      async (request: Request) => {
        const buffered = bodyOf(request);
        seen.push(request instanceof Request, buffered instanceof Uint8Array);
        // Anything beyond url, method and headers builds the real Request on demand.
        const clone = request.clone();
        seen.push(await clone.text(), request.signal instanceof AbortSignal);
        return new Response('ok', { headers: { 'x-path': new URL(request.url).pathname } });
      },
      { [acceptsLazyRequests]: true },
    );
    await serve(toNodeListener(handler), async (base) => {
      const response = await fetch(`${base}/lazy`, { method: 'POST', body: '{"a":1}' });
      expect(await response.text()).toBe('ok');
      expect(response.headers.get('x-path')).toBe('/lazy');
    });
    expect(seen).toEqual([true, true, '{"a":1}', true]);
  });

  test('a client that disconnects mid-stream stops the source', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            pulled++;
            controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
          },
          cancel() {
            cancelled = true;
          },
        }),
      );
    await serve(toNodeListener(endless), async (base) => {
      const controller = new AbortController();
      const response = await fetch(base, { signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      for (let i = 0; i < 50 && !cancelled; i++) await new Promise((r) => setTimeout(r, 20));
    });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(1000);
  });
});

describe('lazy Requests and Responses', () => {
  test('a lazy Request is a Request; its body is offered once built', async () => {
    const request = lazyRequest({
      url: 'http://x/y',
      method: 'POST',
      rawHeaders: ['Content-Type', 'application/json'],
      body: new TextEncoder().encode('{"a":1}'),
    });
    expect(request).toBeInstanceOf(Request);
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(await request.json()).toEqual({ a: 1 });
    expect(request.bodyUsed).toBe(true);
    // Once the real Request consumed the body, bodyOf hands out its (used) stream, not the bytes.
    expect(bodyOf(request)).not.toBeInstanceOf(Uint8Array);
  });

  test('a lazy Response materializes into a real one with the same status, headers and body', async () => {
    const lazy = lazyResponse('{"ok":true}', 201, { 'content-type': 'application/json' });
    expect(lazy).toBeInstanceOf(Response);
    expect(lazy.status).toBe(201);
    expect(lazy.ok).toBe(true);
    const real = materialize(lazy);
    expect(Object.getPrototypeOf(real)).toBe(Response.prototype);
    expect(real.status).toBe(201);
    expect(real.headers.get('content-type')).toBe('application/json');
    expect(await real.json()).toEqual({ ok: true });
    expect(await lazyResponse('[1]', 200, {}).json()).toEqual([1]);
  });

  test("headerOf reads a lazy Request's fields as Headers#get would, before and after they are built", () => {
    const rawHeaders = [
      'Host',
      'x',
      'Accept',
      'text/html',
      'X-Forwarded-For',
      ' 203.0.113.1 ',
      'accept',
      'application/json',
      'x-forwarded-for',
      '198.51.100.2',
      'Cookie',
      'a=1',
      'COOKIE',
      'b=2',
    ];
    const names = ['accept', 'x-forwarded-for', 'cookie', 'host', 'origin'];
    const request = lazyRequest({ url: 'http://x/', method: 'GET', rawHeaders, body: null });
    const expected = new Headers();
    for (let i = 0; i < rawHeaders.length; i += 2)
      expected.append(rawHeaders[i]!, rawHeaders[i + 1]!);
    for (const name of names) expect(headerOf(request, name)).toBe(expected.get(name));
    // Once built, the Headers are the fields: a change shows in both.
    request.headers.set('origin', 'https://shop.example');
    expect(headerOf(request, 'origin')).toBe('https://shop.example');
    for (const name of names.slice(0, 4)) expect(headerOf(request, name)).toBe(expected.get(name));
    const real = new Request('http://x/', { headers: { 'X-Forwarded-For': '192.0.2.9' } });
    expect(headerOf(real, 'x-forwarded-for')).toBe('192.0.2.9');
  });

  test('JSON answers carry every security header, no caching and the JSON media type', () => {
    expect(jsonFields()).toEqual({
      ...SECURITY_HEADERS,
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
    });
    // A fresh object each time: answers add their own fields to it.
    expect(jsonFields()).not.toBe(jsonFields());
    const answer = json({ ok: true }, 429, { 'Retry-After': '3', 'cache-control': 'private' });
    expect(rawHeadersOf(answer)).toEqual({
      ...SECURITY_HEADERS,
      'cache-control': 'private',
      'content-type': 'application/json; charset=utf-8',
      'retry-after': '3',
    });
  });

  test("setHeaders adds to a lazy Response's fields, or to its Headers once built", () => {
    const lazy = lazyResponse('{}', 200, { 'content-type': 'application/json', vary: 'Accept' });
    setHeaders(lazy, { vary: 'Origin', 'access-control-allow-origin': 'https://shop.example' });
    expect(rawHeadersOf(lazy)).toEqual({
      'content-type': 'application/json',
      vary: 'Origin',
      'access-control-allow-origin': 'https://shop.example',
    });
    expect(lazy.headers.get('vary')).toBe('Origin');
    // Built: the fields are no longer the answer's headers, the Headers are.
    expect(rawHeadersOf(lazy)).toBe(undefined);
    setHeaders(lazy, { etag: '"1"' });
    expect(lazy.headers.get('etag')).toBe('"1"');
    expect(materialize(lazy).headers.get('etag')).toBe('"1"');
    const real = new Response(null, { headers: { vary: 'Accept' } });
    setHeaders(real, { vary: 'Origin' });
    expect(real.headers.get('vary')).toBe('Origin');
  });
});

test('createHandler answers a real Request with a real Response (workers, Deno, Next.js)', async () => {
  const { harness } = await import('./helpers.js');
  const h = await harness();
  const response = await h.call('POST', '/v1/verify', { body: { input: 'x' } });
  expect(Object.getPrototypeOf(response)).toBe(Response.prototype);
  expect(response.body).toBeInstanceOf(ReadableStream);
});
