import { describe, expect, test } from 'vitest';
import {
  publicReturnCheckRequestSchema,
  recallCreateSchema,
  shipmentCreateSchema,
  skuUpdateSchema,
  verifyResultSchema,
  webUrlSchema,
} from '../src/index.js';
import { isWebUrl } from '../src/validate.js';

/** Links a shopper's browser must never follow from a recall notice, and near misses. */
const NOT_WEB_URLS = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://brand.example/recall',
  'mailto:recall@brand.example',
  '//brand.example/recall',
  '/recall',
  'brand.example/recall',
  'httpx://brand.example',
  '',
  `https://brand.example/${'a'.repeat(2000)}`,
];
const WEB_URLS = [
  'https://brand.example/recall',
  'http://brand.example/recall?unit=SN-1#steps',
  'HTTPS://BRAND.EXAMPLE/RECALL',
  'https://xn--brnd-loa.example/r%C3%BCckruf',
];

describe('webUrlSchema: links people follow are http(s)', () => {
  test.each(NOT_WEB_URLS)('refuses %j', (url) => {
    expect(webUrlSchema.safeParse(url).success).toBe(false);
    if (url.length <= 2000) expect(isWebUrl(url)).toBe(false);
  });

  test.each(WEB_URLS)('accepts %j', (url) => {
    expect(webUrlSchema.safeParse(url).success).toBe(true);
    expect(isWebUrl(url)).toBe(true);
  });

  test('a recall is created with an http(s) link only', () => {
    const recall = { sku: 'KB', notice: 'Battery', lot: 'L1' };
    for (const url of NOT_WEB_URLS) {
      const result = recallCreateSchema.safeParse({ ...recall, url });
      expect(result.success, url).toBe(false);
      expect(result.error?.issues[0]?.path, url).toEqual(['url']);
    }
    for (const url of WEB_URLS) {
      expect(recallCreateSchema.safeParse({ ...recall, url }).success, url).toBe(true);
    }
  });

  test('a stored link of another scheme reaches the public answer as null', () => {
    const answer = (url: string | null) => ({
      status: 'recalled',
      serial: 'SN-1',
      product: { sku: 'KB', name: 'Keyboard' },
      recall: { notice: 'Battery', url },
      reasons: [],
      issues: [],
      coverage: null,
      checkedAt: '2024-05-01T00:00:00.000Z',
    });
    for (const url of NOT_WEB_URLS) {
      expect(verifyResultSchema.parse(answer(url)).recall, url).toEqual({
        notice: 'Battery',
        url: null,
      });
    }
    for (const url of [...WEB_URLS, null]) {
      expect(verifyResultSchema.parse(answer(url)).recall).toEqual({ notice: 'Battery', url });
    }
  });
});

describe('skuUpdateSchema', () => {
  const base = { name: 'Keyboard', serialTracking: { enabled: true, format: '{D:6}' } };

  test('accepts a GTIN with a correct check digit and defaults uniqueness to sku', () => {
    const parsed = skuUpdateSchema.parse({ ...base, gtin: '09506000134352' });
    expect(parsed.gtin).toBe('09506000134352');
    expect(parsed.serialTracking.uniqueness).toBe('sku');
  });

  test('rejects a GTIN whose check digit is wrong', () => {
    const result = skuUpdateSchema.safeParse({ ...base, gtin: '09506000134353' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('the GTIN check digit is wrong');
  });

  test('rejects unknown keys', () => {
    expect(skuUpdateSchema.safeParse({ ...base, colour: 'red' }).success).toBe(false);
  });
});

describe('shipmentCreateSchema', () => {
  const line = { sku: 'KB', serials: ['1'] };

  test('b2c needs a customer and b2b an account', () => {
    expect(
      shipmentCreateSchema.safeParse({ orderId: 'O1', channel: 'b2c', lines: [line] }).success,
    ).toBe(false);
    expect(
      shipmentCreateSchema.safeParse({
        orderId: 'O1',
        channel: 'b2b',
        account: { id: 'A1' },
        lines: [line],
      }).success,
    ).toBe(true);
  });

  test('order ids may not carry control characters', () => {
    const result = shipmentCreateSchema.safeParse({
      orderId: 'O1\u0000',
      channel: 'b2b',
      account: { id: 'A1' },
      lines: [line],
    });
    expect(result.success).toBe(false);
  });
});

test('recallCreateSchema needs a selection', () => {
  expect(recallCreateSchema.safeParse({ sku: 'KB', notice: 'Battery' }).success).toBe(false);
  expect(recallCreateSchema.safeParse({ sku: 'KB', notice: 'Battery', lot: 'L1' }).success).toBe(
    true,
  );
});

test('publicReturnCheckRequestSchema needs the email or the postcode', () => {
  expect(publicReturnCheckRequestSchema.safeParse({ orderId: 'O1', serial: 'X' }).success).toBe(
    false,
  );
  expect(
    publicReturnCheckRequestSchema.safeParse({ orderId: 'O1', serial: 'X', postcode: '10115' })
      .success,
  ).toBe(true);
});

test('verifyResultSchema requires every key, so every status has the same shape', () => {
  const unknown = {
    status: 'unknown',
    serial: 'SN-1',
    product: null,
    recall: null,
    reasons: [],
    issues: [],
    coverage: null,
    checkedAt: '2024-05-01T00:00:00.000Z',
  };
  expect(verifyResultSchema.safeParse(unknown).success).toBe(true);
  const { recall: _omitted, ...missingKey } = unknown;
  expect(verifyResultSchema.safeParse(missingKey).success).toBe(false);
  const { coverage: _none, ...noCoverage } = unknown;
  expect(verifyResultSchema.safeParse(noCoverage).success).toBe(false);
  // Coverage names a month, never a day.
  const covered = { ...unknown, status: 'genuine', coverage: { covered: true, until: '2026-05' } };
  expect(verifyResultSchema.safeParse(covered).success).toBe(true);
  const dated = { ...covered, coverage: { covered: true, until: '2026-05-10' } };
  expect(verifyResultSchema.safeParse(dated).success).toBe(false);
});
