/**
 * Property-based fuzzing of a running `serialkit serve`: every route the OpenAPI document lists
 * as public (no security), plus every admin route called without a valid key, gets arbitrary
 * methods, query strings, content types and bodies (JSON values, near-valid payloads, strings,
 * bytes that are not UTF-8). The answer is never a 500, never a stack trace, never personal
 * data of the seeded customer, and an admin route never answers without a key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import { sqliteStore } from '../../src/stores/sqlite.js';
import { type Instance, startServe, stopAll } from './processes.js';

const dir = mkdtempSync(join(tmpdir(), 'serialkit-fuzz-'));
const db = join(dir, 'shop.db');
const customer = {
  id: 'CUST-PRIVATE-7781',
  email: 'ada.private@example.com',
  name: 'Ada Privatestone',
  postcode: 'ZZ9 9ZZ',
};
const SERIALS = ['SN-000001', 'SN-000002', 'SN-000003'];
let instance: Instance;
const publicRoutes: { method: string; path: string }[] = [];
const adminRoutes: { method: string; path: string }[] = [];

beforeAll(async () => {
  const store = sqliteStore({ filename: db });
  const client = createSerialClient({ store });
  await client.skus.update('HP-200', {
    name: 'Headphones',
    gtin: '04012345000016',
    serialTracking: { enabled: true, format: 'SN-{D:6}', uniqueness: 'sku' },
  });
  await client.serials.register('HP-200', SERIALS);
  await client.shipments.create({
    orderId: 'ORD-1001',
    channel: 'b2c',
    customer,
    lines: [{ sku: 'HP-200', serials: [SERIALS[0]!] }],
  });
  await client.recalls.create({
    sku: 'HP-200',
    serials: [SERIALS[2]!],
    notice: 'Battery check',
  });
  await store.close();
  instance = await startServe(['--db', db, '--no-rate-limit']);
  const document = (await (await fetch(`${instance.url}/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const route = { method: method.toUpperCase(), path };
      if (operation.security?.length === 0) publicRoutes.push(route);
      else adminRoutes.push(route);
    }
  }
});

afterAll(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Strings a scanner, a careless form or an attacker sends. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    ...SERIALS,
    'sn-000001',
    ' SN-000001\u200b',
    'SN\u2011000001',
    '\u202eSN-000001',
    'https://shop.example/01/04012345000016/21/SN-000001',
    '(01)04012345000016(21)SN-000002',
    'ORD-1001',
    customer.postcode,
    '',
    ' ',
    'x'.repeat(2001),
    '__proto__',
    'constructor',
    '../../etc/passwd',
    '%00',
    "' OR 1=1 --",
  ),
);
const jsonBody = fc.oneof(
  fc.jsonValue(),
  fc.record(
    { input: text, sku: fc.oneof(text, fc.constant('HP-200'), fc.jsonValue()) },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      orderId: fc.oneof(text, fc.constant('ORD-1001')),
      email: fc.oneof(text, fc.constant(customer.email.toUpperCase())),
      postcode: text,
      serial: text,
      extra: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
);
const body = fc.oneof(
  jsonBody.map((value) => JSON.stringify(value)),
  text,
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(undefined),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/merge-patch+json',
  'text/plain',
  'text/csv',
  'multipart/form-data; boundary=x',
  undefined,
);
const query = fc.dictionary(
  fc.constantFrom('sku', 'serial', 'cursor', 'limit', 'q', '__proto__'),
  text,
  { maxKeys: 3 },
);

/** A path of the table with its parameters filled by `text`. */
const pathOf = (template: string, values: string[]) => {
  let i = 0;
  return template.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++] ?? 'x'));
};

const PERSONAL = [customer.id, customer.email, customer.name, 'Privatestone'];
const STACK = /\n\s+at |\bat [\w$.<>]+ \(|\.(?:ts|js|mjs):\d+|node:internal|node_modules/;

async function send(request: {
  method: string;
  path: string;
  query: Record<string, string>;
  body: string | Uint8Array | undefined;
  contentType: string | undefined;
  authorization?: string;
}): Promise<{ status: number; text: string }> {
  const url = new URL(request.path, instance.url);
  for (const [name, value] of Object.entries(request.query)) url.searchParams.append(name, value);
  const headers: Record<string, string> = {};
  if (request.contentType) headers['content-type'] = request.contentType;
  if (request.authorization) headers.authorization = request.authorization;
  const sendsBody = request.method !== 'GET' && request.method !== 'HEAD';
  const response = await fetch(url, {
    method: request.method,
    headers,
    ...(sendsBody && request.body !== undefined ? { body: request.body } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, text: await response.text() };
}

function checkAnswer(answer: { status: number; text: string }, sent: string): void {
  expect(answer.status, answer.text).toBeLessThan(500);
  expect(answer.text).not.toMatch(STACK);
  for (const value of PERSONAL)
    expect(answer.text.toLowerCase()).not.toContain(value.toLowerCase());
  if (!sent.includes(customer.postcode)) expect(answer.text).not.toContain(customer.postcode);
}

test('public routes: arbitrary input never gets a 500, a stack trace or personal data', {
  timeout: 120_000,
}, async () => {
  expect(publicRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(
    expect.arrayContaining(['POST /v1/verify', 'POST /v1/returns/check', 'GET /v1/formats']),
  );
  const route = fc.constantFrom(...publicRoutes);
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
  await fc.assert(
    fc.asyncProperty(
      route,
      fc.option(method, { freq: 4 }),
      fc.array(text, { maxLength: 2 }),
      query,
      body,
      contentType,
      async (target, otherMethod, values, params, payload, type) => {
        const sent = { method: otherMethod ?? target.method, path: pathOf(target.path, values) };
        const answer = await send({ ...sent, query: params, body: payload, contentType: type });
        checkAnswer(
          answer,
          JSON.stringify([values, params, typeof payload === 'string' ? payload : '']),
        );
      },
    ),
    { numRuns: 600 },
  );
});

test('admin routes without a valid key answer 401 (429 when it keeps failing) and nothing else', {
  timeout: 120_000,
}, async () => {
  const route = fc.constantFrom(...adminRoutes);
  const authorization = fc.option(
    fc.oneof(
      text.map((t) => `Bearer ${t.replace(/[^\x20-\x7e]/g, '')}`),
      fc.constant('Basic YTpi'),
    ),
  );
  await fc.assert(
    fc.asyncProperty(
      route,
      fc.array(text, { maxLength: 2 }),
      query,
      body,
      contentType,
      authorization,
      async (target, values, params, payload, type, auth) => {
        const answer = await send({
          method: target.method,
          path: pathOf(target.path, values),
          query: params,
          body: payload,
          contentType: type,
          ...(auth === null ? {} : { authorization: auth }),
        });
        checkAnswer(answer, '');
        // 429 once the address has failed authentication too often.
        expect([401, 403, 404, 405, 429], answer.text).toContain(answer.status);
      },
    ),
    { numRuns: 200 },
  );
});
