import { describe, expect, test } from 'vitest';
import {
  publicReturnCheckRequestSchema,
  recallCreateSchema,
  shipmentCreateSchema,
  skuUpdateSchema,
  verifyResultSchema,
} from '../src/index.js';

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
    checkedAt: '2024-05-01T00:00:00.000Z',
  };
  expect(verifyResultSchema.safeParse(unknown).success).toBe(true);
  const { recall: _omitted, ...missingKey } = unknown;
  expect(verifyResultSchema.safeParse(missingKey).success).toBe(false);
});
