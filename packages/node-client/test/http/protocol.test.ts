import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, test } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import { createHandler } from '../../src/http/handler.js';
import { toNodeListener } from '../../src/http/node/listener.js';
import { memoryStore } from '../../src/stores/memory.js';
import { harness, hpSerial, READ_KEY, STORE_KEY, WRITE_KEY } from './helpers.js';

const W = { key: WRITE_KEY };

describe('errors have one shape and stable codes', () => {
  test('unknown route → 404, wrong method → 405 with Allow', async () => {
    const h = await harness();
    const missing = await h.call('GET', '/v1/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: expect.any(String) },
    });
    expect((await h.call('GET', '/elsewhere')).status).toBe(404);
    const wrong = await h.call('DELETE', '/v1/verify');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await wrong.json()).error.code).toBe('method_not_allowed');
    const skus = await h.call('PATCH', '/v1/skus/X', W);
    expect(skus.headers.get('allow')).toBe('PUT, GET, HEAD, OPTIONS');
  });

  test('malformed JSON → 400 naming the problem; wrong content type → 415; empty → 400', async () => {
    const h = await harness();
    const malformed = await h.call('POST', '/v1/verify', {
      body: '{"input": "SN-1",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    const error = (await malformed.json()).error;
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/^Malformed JSON: /);
    const form = await h.call('POST', '/v1/verify', {
      body: 'input=SN-1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect((await form.json()).error.code).toBe('unsupported_media_type');
    const empty = await h.call('POST', '/v1/verify', {
      body: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    const vendorJson = await h.call('POST', '/v1/verify', {
      body: JSON.stringify({ input: 'x' }),
      headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' },
    });
    expect(vendorJson.status).toBe(200);
  });

  test('oversized bodies → 413, declared or streamed', async () => {
    const h = await harness({ maxBodyBytes: 1024, maxImportBytes: 2048 });
    const big = JSON.stringify({ input: 'x'.repeat(2000) });
    const declared = await h.call('POST', '/v1/verify', {
      body: big,
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
    });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe('payload_too_large');
    const streamed = await h.handler(
      new Request('http://x/v1/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 4; i++)
              controller.enqueue(new TextEncoder().encode('x'.repeat(500)));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    const csv = `serial\n${`${hpSerial(100_000)}\n`.repeat(200)}`;
    const importTooBig = await h.call('POST', '/v1/imports/serials?sku=HP-200', {
      ...W,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(importTooBig.status).toBe(413);
  });

  test('internal errors → 500 without stack traces or messages', async () => {
    const h = await harness();
    h.store.getSku = async () => {
      throw new Error('secret connection string postgres://admin:hunter2@db');
    };
    const response = await h.call('GET', '/v1/skus/HP-200', { key: READ_KEY });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'Internal server error' },
    });
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('at ');
    expect(h.errors.length).toBe(1);
  });

  test('security headers on every answer', async () => {
    const h = await harness();
    for (const response of [
      await h.call('POST', '/v1/verify', { body: { input: 'x' } }),
      await h.call('GET', '/v1/nope'),
      await h.call('GET', '/v1/skus', { key: READ_KEY }),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('injection attempts are stored verbatim and returned escaped', () => {
  const payloads = [
    "Robert'); DROP TABLE serials;--",
    '=HYPERLINK("http://evil.example","click")',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '+cmd|" /C calc"!A0',
  ];

  test('SKU names, order ids and customer fields round-trip through JSON', async () => {
    const h = await harness();
    for (const [i, payload] of payloads.entries()) {
      const put = await h.call('PUT', `/v1/skus/${encodeURIComponent(`INJ-${i}`)}`, {
        ...W,
        body: { name: payload, serialTracking: { enabled: false } },
      });
      expect(put.status).toBe(200);
      const raw = await (await h.call('GET', `/v1/skus/INJ-${i}`, { key: READ_KEY })).text();
      expect(raw).not.toContain('<');
      expect(raw).not.toContain('>');
      expect(JSON.parse(raw).name).toBe(payload);
    }
    const order = payloads[0]!;
    const shipped = await h.call('POST', '/v1/shipments', {
      ...W,
      body: {
        orderId: order,
        channel: 'b2c',
        customer: { name: payloads[2], email: 'x@example.com' },
        lines: [{ sku: 'HP-200', serials: [h.headphones[10]] }],
      },
    });
    expect(shipped.status).toBe(201);
    const lookup = await (
      await h.call('GET', `/v1/serials/${h.headphones[10]}`, { key: READ_KEY })
    ).json();
    expect(lookup.record.shipment.orderId).toBe(order);
    expect(lookup.record.shipment.customer.name).toBe(payloads[2]);
    const byOrder = await (
      await h.call('GET', `/v1/serials?orderId=${encodeURIComponent(order)}`, { key: READ_KEY })
    ).json();
    expect(byOrder.items.length).toBe(1);
  });

  test('serial inputs and path parameters never break out', async () => {
    const h = await harness();
    for (const payload of payloads) {
      const verify = await h.call('POST', '/v1/verify', { body: { input: payload } });
      expect(verify.status).toBe(200);
      const text = await verify.text();
      expect(text).not.toMatch(/[<>]/);
      expect(['invalid', 'unknown']).toContain(JSON.parse(text).status);
      const lookup = await h.call('GET', `/v1/serials/${encodeURIComponent(payload)}`, {
        key: READ_KEY,
      });
      expect([400, 404]).toContain(lookup.status);
      expect(await lookup.text()).not.toMatch(/[<>]/);
    }
    expect((await h.call('GET', '/v1/serials/%E0%A4%A', { key: READ_KEY })).status).toBe(400);
  });

  test('CSV exports neutralize formula cells', async () => {
    const h = await harness();
    await h.call('POST', '/v1/shipments', {
      ...W,
      body: {
        orderId: '=1+1',
        channel: 'b2b',
        account: { id: '@SUM(A1)', name: payloads[1] },
        lines: [{ sku: 'HP-200', serials: [h.headphones[11]] }],
      },
    });
    const csv = await (
      await h.call('GET', '/v1/exports/serials.csv?orderId=%3D1%2B1', { key: READ_KEY })
    ).text();
    for (const line of csv.trim().split('\n').slice(1)) {
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@]/);
    }
  });
});

describe('Idempotency-Key', () => {
  test('a repeated write replays the first answer; a different body with the same key is a 409', async () => {
    const h = await harness();
    const body = {
      orderId: 'ORD-9',
      channel: 'b2c',
      customer: { email: 'x@example.com' },
      lines: [{ sku: 'HP-200', serials: [h.headphones[12]] }],
    };
    const headers = { 'idempotency-key': 'retry-123' };
    const first = await h.call('POST', '/v1/shipments', { ...W, body, headers });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const again = await h.call('POST', '/v1/shipments', { ...W, body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    const without = await h.call('POST', '/v1/shipments', { ...W, body });
    expect(without.status).toBe(409);
    const reused = await h.call('POST', '/v1/shipments', {
      ...W,
      body: { ...body, orderId: 'ORD-10' },
      headers,
    });
    expect(reused.status).toBe(409);
    expect((await reused.json()).error.message).toContain('Idempotency-Key');
  });

  test('concurrent requests with one key run once', async () => {
    const h = await harness();
    const body = { count: 5 };
    const headers = { 'idempotency-key': 'gen-1' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.call('POST', '/v1/skus/HP-200/serials/generate', { ...W, body, headers }),
      ),
    );
    const serials = await Promise.all(answers.map(async (a) => (await a.json()).serials.join()));
    expect(new Set(serials).size).toBe(1);
    expect(await h.store.countSerials({ sku: 'HP-200' })).toBe(25);
  });
});

test('basePath mounts the API under a prefix; HEAD answers like GET without a body', async () => {
  const h = await harness({ basePath: '/api/' });
  expect((await h.call('GET', '/v1/formats')).status).toBe(404);
  const formats = await h.call('GET', '/api/v1/formats');
  expect(formats.status).toBe(200);
  const head = await h.call('HEAD', '/api/v1/formats');
  expect(head.status).toBe(200);
  const doc = await (await h.call('GET', '/api/v1/openapi.json')).json();
  expect(Object.keys(doc.paths)).toContain('/api/v1/verify');
});

describe('OpenAPI', () => {
  test('the document is valid OpenAPI 3.1 and documents every route', async () => {
    const store = memoryStore();
    const handler = createHandler(createSerialClient({ store }), { storeProtocol: true, store });
    const response = await handler(new Request('http://x/v1/openapi.json'));
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; security: unknown[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(doc) as never);
    expect(doc.paths['/v1/verify']?.post?.security).toEqual([]);
    expect(doc.paths['/v1/skus/{sku}']?.put?.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/v1/store/insertSerials']?.post?.operationId).toBe('store_insertSerials');
    for (const name of [
      'VerifyRequest',
      'VerifyResult',
      'ErrorBody',
      'Sku',
      'SerialRecord',
      'Recall',
      'Lookup',
    ]) {
      expect(doc.components.schemas).toHaveProperty(name);
    }
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(45);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });
});

describe('store protocol', () => {
  test('store keys only; off unless enabled', async () => {
    const h = await harness({ storeProtocol: true, store: memoryStore() });
    const S = { key: STORE_KEY };
    const read = await h.call('POST', '/v1/store/getSku', { key: READ_KEY, body: { sku: 'A' } });
    expect(read.status).toBe(403);
    const write = await h.call('POST', '/v1/store/getSku', { ...W, body: { sku: 'A' } });
    expect(write.status).toBe(403);
    const store = await h.call('POST', '/v1/store/getSku', { ...S, body: { sku: 'A' } });
    expect(store.status).toBe(200);
    expect(await store.json()).toBe(null);
    const bad = await h.call('POST', '/v1/store/getSku', { ...S, body: { sku: 1 } });
    expect(bad.status).toBe(400);
    const off = await harness();
    expect((await off.call('POST', '/v1/store/getSku', { ...S, body: { sku: 'A' } })).status).toBe(
      404,
    );
  });
});

describe('toNodeListener over a real socket', () => {
  test('streams a large CSV import and a CSV export; rejects an oversized stream with 413', async () => {
    const h = await harness({ maxImportBytes: 2 * 1024 * 1024 });
    const server = createServer(toNodeListener(h.handler));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { serials } = await h.client.serials.generate('HP-200', 1, { mode: 'sequential' });
      expect(serials.length).toBe(1);
      // 20,000 rows (≈ 330 KB): bigger than the adapter's buffer, so it arrives as a stream.
      const rows = Array.from({ length: 20_000 }, (_, i) => hpSerial(500_000 + i));
      const csv = `serial\n${rows.join('\n')}\n`;
      const imported = await fetch(`${base}/v1/imports/serials?sku=HP-200`, {
        method: 'POST',
        headers: { authorization: `Bearer ${WRITE_KEY}`, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(imported.status).toBe(200);
      const report = (await imported.json()) as {
        rows: number;
        registered: number;
        invalid: number;
      };
      expect(report.rows).toBe(20_000);
      expect(report.registered + report.invalid).toBe(20_000);

      const exported = await fetch(`${base}/v1/exports/serials.csv?sku=HP-200`, {
        headers: { authorization: `Bearer ${READ_KEY}` },
      });
      expect(exported.headers.get('transfer-encoding')).toBe('chunked');
      const lines = (await exported.text()).trim().split('\n');
      expect(lines.length).toBe(1 + 21 + report.registered);

      const huge = `serial\n${`${hpSerial(100_000)}\n`.repeat(200_000)}`;
      const tooBig = await fetch(`${base}/v1/imports/serials?sku=HP-200`, {
        method: 'POST',
        headers: { authorization: `Bearer ${WRITE_KEY}`, 'content-type': 'text/csv' },
        body: new Blob([huge]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(tooBig.status).toBe(413);

      const verify = await fetch(`${base}/v1/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: h.headphones[0] }),
      });
      expect(verify.headers.get('content-length')).toEqual(expect.any(String));
      expect(((await verify.json()) as { status: string }).status).toBe('genuine');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
