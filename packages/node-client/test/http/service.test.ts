/** The real service over HTTP: `serialkit serve` as a child process on a seeded demo database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, type Service, startService } from './service.js';

const ENV = {
  SERIALKIT_API_KEY: 'sk_test_service_admin_0123456789',
  SERIALKIT_VERIFY_SECRET: 'a-verify-secret-for-tests-0123456789',
};

let dir: string;
let db: string;
let samples: { genuine: string; unknown: string };
let service: Service;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serialkit-service-'));
  db = join(dir, 'demo.db');
  samples = JSON.parse(
    runCli(['demo', '--db', db, '--units', '2000', '--force', '--json']),
  ).samples;
  service = await startService(['--db', db], ENV);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function verify(
  body: unknown,
): Promise<{ status: string; serial: string | null; issues: unknown[] }> {
  const response = await fetch(`${service.url}/v1/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<{ status: string; serial: string | null; issues: unknown[] }>;
}

describe('POST /v1/verify on the running service', () => {
  test('a Digital Link URL with the sku set is read before the format check', async () => {
    const link = `https://shop.example/01/04012345000016/21/${samples.genuine}`;
    const withSku = await verify({ input: link, sku: 'HP-200' });
    expect(withSku).toMatchObject({ status: 'genuine', serial: samples.genuine });
    expect(await verify({ input: link })).toMatchObject({ status: 'genuine' });
    // The bracketed element string too, and a GTIN of another product is refused by name.
    const bracketed = await verify({
      input: `(01)04012345000016(21)${samples.genuine}`,
      sku: 'HP-200',
    });
    expect(bracketed.status).toBe('genuine');
    const other = await verify({
      input: `https://shop.example/01/04012345000023/21/${samples.genuine}`,
      sku: 'HP-200',
    });
    expect(other).toMatchObject({
      status: 'invalid',
      issues: [{ code: 'invalid_gs1', reason: 'gtin_mismatch' }],
    });
  });
});
