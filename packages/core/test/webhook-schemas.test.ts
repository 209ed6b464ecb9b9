import { describe, expect, test } from 'vitest';
import {
  webhookSecretSchema,
  webhookSubscriptionCreateSchema,
  webhookUrlSchema,
} from '../src/index.js';

describe('webhook schemas', () => {
  test('a subscription needs an http(s) URL without credentials and known event types', () => {
    const ok = { url: 'https://erp.example/hooks', eventTypes: ['unit.shipped'] };
    expect(webhookSubscriptionCreateSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, url: 'ftp://erp.example/hooks' },
      { ...ok, url: 'javascript:alert(1)' },
      { ...ok, url: 'https://user:secret@erp.example/hooks' },
      { ...ok, eventTypes: [] },
      { ...ok, eventTypes: ['unit.lost'] },
      { ...ok, extra: true },
    ]) {
      expect(webhookSubscriptionCreateSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(
        false,
      );
    }
    expect(webhookUrlSchema.safeParse('http://10.0.0.1/x').success).toBe(true);
  });

  test('secrets are Standard Webhooks secrets: whsec_ and base64 of 24 to 64 bytes', () => {
    expect(webhookSecretSchema.safeParse('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').success).toBe(
      true,
    );
    expect(webhookSecretSchema.safeParse(`whsec_${'A'.repeat(88)}`).success).toBe(true);
    for (const bad of [
      'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'whsec_short',
      `whsec_${'A'.repeat(90)}`,
      'whsec_ä'.padEnd(40, 'a'),
    ]) {
      expect(webhookSecretSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
