import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { lazyResponse, materialize } from '../../src/http/lazy-response.js';
import { toNodeListener } from '../../src/http/node.js';
import { acceptsLazyRequests, bodyOf, lazyRequest } from '../../src/http/request-body.js';

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
      headers: new Headers({ 'content-type': 'application/json' }),
      body: new TextEncoder().encode('{"a":1}'),
    });
    expect(request).toBeInstanceOf(Request);
    expect(request.method).toBe('POST');
    expect(await request.json()).toEqual({ a: 1 });
    expect(request.bodyUsed).toBe(true);
    // Once the real Request consumed the body, bodyOf hands out its (used) stream, not the bytes.
    expect(bodyOf(request)).not.toBeInstanceOf(Uint8Array);
  });

  test('a lazy Response materializes into a real one with the same status, headers and body', async () => {
    const lazy = lazyResponse(
      '{"ok":true}',
      201,
      new Headers({ 'content-type': 'application/json' }),
    );
    expect(lazy).toBeInstanceOf(Response);
    expect(lazy.status).toBe(201);
    expect(lazy.ok).toBe(true);
    const real = materialize(lazy);
    expect(Object.getPrototypeOf(real)).toBe(Response.prototype);
    expect(real.status).toBe(201);
    expect(real.headers.get('content-type')).toBe('application/json');
    expect(await real.json()).toEqual({ ok: true });
    expect(await lazyResponse('[1]', 200, new Headers()).json()).toEqual([1]);
  });
});

test('createHandler answers a real Request with a real Response (workers, Deno, Next.js)', async () => {
  const { harness } = await import('./helpers.js');
  const h = await harness();
  const response = await h.call('POST', '/v1/verify', { body: { input: 'x' } });
  expect(Object.getPrototypeOf(response)).toBe(Response.prototype);
  expect(response.body).toBeInstanceOf(ReadableStream);
});
