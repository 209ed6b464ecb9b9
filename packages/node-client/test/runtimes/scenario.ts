/**
 * What every runtime test sends, over real HTTP, to serialkit mounted in that runtime: a public
 * verification with its CORS preflight, a return check, an admin lookup with and without a key,
 * a CSV import streamed in chunks, and error answers. The data is the HTTP tests' seed.
 */
import { expect } from 'vitest';
import { type Harness, hpSerial, ORIGIN } from '../http/helpers.js';

export interface Mounted {
  /** Where the API is, e.g. `http://127.0.0.1:4312/serials-api` (the `/v1/…` routes below it). */
  api: string;
  /** An admin key of scope `write` that the mounted handler accepts. */
  key: string;
  /** The seeded service whose store the mounted handler uses (directly or over HTTP). */
  origin: Harness;
  /** Headers the runtime's platform would add, e.g. `cf-connecting-ip` on Cloudflare. */
  platformHeaders?: Record<string, string>;
}

/** Sends the requests and checks the answers. */
export async function exercise({ api, key, origin, platformHeaders = {} }: Mounted): Promise<void> {
  const send = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(`${api}${path}`, { ...init, headers: { ...platformHeaders, ...init.headers } });
  const admin = { authorization: `Bearer ${key}` };

  // A storefront's browser asks first, then verifies.
  const preflight = await send('/v1/verify', {
    method: 'OPTIONS',
    headers: {
      origin: ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  const verified = await send('/v1/verify', {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({ input: origin.headphones[0] }),
  });
  expect(verified.status).toBe(200);
  expect(verified.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  expect(await verified.json()).toMatchObject({
    status: 'genuine',
    product: { sku: 'HP-200', name: 'Aurora headphones' },
  });

  // The public return check of a shipped unit.
  const check = await send('/v1/returns/check', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderId: 'ORD-1', postcode: '10115', serial: origin.headphones[1] }),
  });
  expect(check.status).toBe(200);
  expect(await check.json()).toEqual({ verdict: 'match', next: 'send_back', issues: [] });

  // An admin lookup needs the key; with it the answer has the customer.
  const serial = origin.headphones[0]!;
  const anonymous = await send(`/v1/serials/${serial}`);
  expect(anonymous.status).toBe(401);
  const found = await send(`/v1/serials/${serial}`, { headers: admin });
  expect(found.status).toBe(200);
  const lookup = (await found.json()) as { record: Record<string, unknown> };
  expect(lookup.record).toMatchObject({ sku: 'HP-200', serial, status: 'shipped' });

  // A CSV import sent as a stream in several chunks, read by the handler as it arrives.
  const rows = [`serial,lot\n`, `${hpSerial(200_000)},L9\n`, `${hpSerial(200_001)},L9\n`, 'x,L9\n'];
  const csv = new ReadableStream<Uint8Array>({
    pull(controller) {
      const row = rows.shift();
      if (row === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(row));
    },
  });
  const imported = await send('/v1/imports/serials?sku=HP-200', {
    method: 'POST',
    headers: { ...admin, 'content-type': 'text/csv' },
    body: csv,
    duplex: 'half',
  } as RequestInit & { headers: Record<string, string> });
  expect(imported.status).toBe(200);
  expect(await imported.json()).toMatchObject({ rows: 3, registered: 2, invalid: 1 });
  expect((await origin.client.serials.lookup(hpSerial(200_001))).record.lot).toBe('L9');

  // Errors answer as JSON with their code, public ones with CORS headers.
  const malformed = await send('/v1/verify', {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    body: '{',
  });
  expect(malformed.status).toBe(400);
  expect(malformed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  const missing = await send(`/v1/serials/${hpSerial(999_999)}`, { headers: admin });
  expect(missing.status).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
}
