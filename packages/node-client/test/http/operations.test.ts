/** What an operator relies on: request ids, one log entry per answer, readiness, metrics. */
import { describe, expect, test } from 'vitest';
import { ConnectionError } from '../../src/errors.js';
import { createMetrics } from '../../src/http/metrics.js';
import type { RequestLogEntry } from '../../src/http/observe.js';
import { harness, ORIGIN, READ_KEY } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  test('every answer carries one; a well-formed incoming id is kept, anything else replaced', async () => {
    const entries: RequestLogEntry[] = [];
    const h = await harness({ onResponse: (entry) => entries.push(entry) });
    const fresh = await h.call('POST', '/v1/verify', { body: { input: h.headphones[0] } });
    const id = fresh.headers.get('x-request-id') ?? '';
    expect(id).toMatch(UUID);
    const again = await h.call('GET', '/v1/formats');
    expect(again.headers.get('x-request-id')).not.toBe(id);

    const kept = await h.call('GET', '/v1/health', { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.42');
    for (const bad of ['a b', 'x'.repeat(129), '<script>', 'id\u00e9', '"quoted"']) {
      const replaced = await h.call('GET', '/v1/health', { headers: { 'x-request-id': bad } });
      expect(replaced.headers.get('x-request-id'), bad).toMatch(UUID);
    }
    // Errors and 404s too, and the log entry names the same id, the route pattern, no path.
    const missing = await h.call('GET', `/v1/serials/${h.headphones[0]}`, { key: READ_KEY });
    const notFound = await h.call('GET', '/v1/nothing-here');
    expect(notFound.status).toBe(404);
    const last = entries.at(-1)!;
    expect(last).toMatchObject({
      requestId: notFound.headers.get('x-request-id'),
      method: 'GET',
      route: null,
      status: 404,
    });
    expect(entries.at(-2)).toMatchObject({
      requestId: missing.headers.get('x-request-id'),
      route: '/v1/serials/:serial',
      status: 200,
    });
    expect(entries[0]).toMatchObject({ requestId: id, route: '/v1/verify', status: 200 });
    expect(entries[0]!.ms).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(entries)).not.toContain(h.headphones[0]!);
  });

  test('browsers on the storefront may read it (CORS exposes it)', async () => {
    const h = await harness();
    const response = await h.call('POST', '/v1/verify', {
      body: { input: 'x' },
      headers: { origin: ORIGIN },
    });
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  test('onError receives the request id the caller got', async () => {
    const reported: string[] = [];
    const h = await harness({ onError: (_error, _request, requestId) => reported.push(requestId) });
    h.store.findSerial = () => Promise.reject(new Error('disk on fire'));
    const response = await h.call('POST', '/v1/verify', { body: { input: h.headphones[0] } });
    expect(response.status).toBe(500);
    expect(reported).toEqual([response.headers.get('x-request-id')]);
  });
});

describe('GET /v1/ready', () => {
  test('200 when the store answers; 503 when it fails or the service is draining', async () => {
    let accepting = true;
    const h = await harness({ accepting: () => accepting });
    const ready = await h.call('GET', '/v1/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { store: 'ok', accepting: true } });

    accepting = false;
    const draining = await h.call('GET', '/v1/ready');
    expect(draining.status).toBe(503);
    expect((await draining.json()).checks.accepting).toBe(false);
    accepting = true;

    h.store.listSkus = () =>
      Promise.reject(new ConnectionError('PostgreSQL: connect ECONNREFUSED 10.1.2.3:5432'));
    const down = await h.call('GET', '/v1/ready');
    expect(down.status).toBe(503);
    const text = await down.text();
    expect(JSON.parse(text)).toEqual({ ok: false, checks: { store: 'failed', accepting: true } });
    expect(text).not.toContain('10.1.2.3');
    // Liveness does not depend on the store.
    expect((await h.call('GET', '/v1/health')).status).toBe(200);
  });
});

describe('GET /v1/metrics', () => {
  test('Prometheus text: requests by route, verification outcomes, errors; read keys only', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const h = await harness({ metrics });
    expect((await h.call('GET', '/v1/metrics')).status).toBe(401);
    await h.call('POST', '/v1/verify', { body: { input: h.headphones[0] } });
    await h.call('POST', '/v1/verify', { body: { input: h.headphones[0] } });
    await h.call('POST', '/v1/verify', { body: { input: 'not a serial' } });
    await h.call('GET', `/v1/serials/${h.headphones[1]}`, { key: READ_KEY });
    h.store.findSerial = () => Promise.reject(new ConnectionError('PostgreSQL: gone'));
    await h.call('POST', '/v1/verify', { body: { input: h.headphones[0] } });

    const response = await h.call('GET', '/v1/metrics', { key: READ_KEY });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const value = (line: string) => {
      const found = text.split('\n').find((l) => l.startsWith(`${line} `));
      return found === undefined ? undefined : Number(found.slice(line.length + 1));
    };
    expect(
      value('serialkit_http_requests_total{route="/v1/verify",method="POST",status="200"}'),
    ).toBe(3);
    expect(
      value('serialkit_http_requests_total{route="/v1/verify",method="POST",status="503"}'),
    ).toBe(1);
    expect(
      value('serialkit_http_requests_total{route="/v1/serials/:serial",method="GET",status="200"}'),
    ).toBe(1);
    expect(value('serialkit_verifications_total{status="genuine"}')).toBe(2);
    expect(value('serialkit_verifications_total{status="invalid"}')).toBe(1);
    expect(value('serialkit_errors_total{code="unavailable"}')).toBe(1);
    expect(
      value('serialkit_http_request_duration_seconds_count{route="/v1/verify",method="POST"}'),
    ).toBe(4);
    // Serials and customers never become labels.
    expect(text).not.toContain(h.headphones[0]!);
  });

  test('absent unless a registry is given', async () => {
    const h = await harness();
    expect((await h.call('GET', '/v1/metrics', { key: READ_KEY })).status).toBe(404);
  });
});
