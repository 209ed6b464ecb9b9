/** The real service over HTTP: `serialkit serve` as a child process on a seeded demo database. */
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, type Service, spawnCli, startService } from './service.js';

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

describe('keys and secrets of serve', () => {
  test('a supplied admin key is never printed in full; a generated one is', async () => {
    const keyFile = join(dir, 'admin.key');
    writeFileSync(keyFile, 'sk_from_a_file_0123456789abcdef\n', { mode: 0o600 });
    const fromFile = await startService(['--db', db, '--api-key-file', keyFile], {
      SERIALKIT_VERIFY_SECRET: ENV.SERIALKIT_VERIFY_SECRET,
    });
    try {
      expect(JSON.stringify(fromFile.banner)).not.toContain('sk_from_a_file_0123456789abcdef');
      expect(fromFile.banner.apiKeyHint).toBe('sk_f…cdef');
      const ok = await fetch(`${fromFile.url}/v1/skus`, {
        headers: { authorization: 'Bearer sk_from_a_file_0123456789abcdef' },
      });
      expect(ok.status).toBe(200);
    } finally {
      await fromFile.stop();
    }
    // The one from the environment (the shared service) is masked too.
    expect(JSON.stringify(service.banner)).not.toContain(ENV.SERIALKIT_API_KEY);
    const generated = await startService(['--db', db], {
      SERIALKIT_VERIFY_SECRET: ENV.SERIALKIT_VERIFY_SECRET,
    });
    try {
      const key = String(generated.banner.apiKey);
      expect(key).toMatch(/^sk_[\w-]{40,}$/);
      const ok = await fetch(`${generated.url}/v1/skus`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(ok.status).toBe(200);
    } finally {
      await generated.stop();
    }
  });

  test('no verification secret, or a key on the command line: a usage error (exit 2)', () => {
    const noSecret = spawnCli(['serve', '--db', db, '--port', '0'], {});
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain('SERIALKIT_VERIFY_SECRET');
    const onCommandLine = spawnCli(
      ['serve', '--db', db, '--port', '0', '--api-key', 'sk_visible_in_ps_0123456789'],
      { SERIALKIT_VERIFY_SECRET: ENV.SERIALKIT_VERIFY_SECRET },
    );
    expect(onCommandLine.status).toBe(2);
    const short = spawnCli(['serve', '--db', db, '--port', '0'], {
      SERIALKIT_VERIFY_SECRET: 'short',
    });
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 16 characters');
  });
});

describe('operating the service', () => {
  test('JSON log lines carry the request id the caller got; /v1/ready; /v1/metrics with --metrics', async () => {
    const logged = await startService(['--db', db, '--log', '--metrics'], ENV);
    try {
      const response = await fetch(`${logged.url}/v1/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc-123' },
        body: JSON.stringify({ input: samples.genuine }),
      });
      expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
      expect((await fetch(`${logged.url}/v1/ready`)).status).toBe(200);
      const metrics = await fetch(`${logged.url}/v1/metrics`, {
        headers: { authorization: `Bearer ${ENV.SERIALKIT_API_KEY}` },
      });
      expect(await metrics.text()).toContain('serialkit_verifications_total{status="genuine"} 1');
      const lines = logged.stderr().map((line) => JSON.parse(line));
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 'info',
          msg: 'request',
          requestId: 'trace-abc-123',
          method: 'POST',
          route: '/v1/verify',
          status: 200,
          time: expect.any(String),
        }),
      );
    } finally {
      expect(await logged.stop()).toBe(0);
    }
  });

  test('SIGTERM: no new connections, the request in flight finishes, the store closes', async () => {
    const own = join(dir, 'sigterm.db');
    runCli([
      'sku',
      'set',
      'HP-200',
      '--name',
      'Headphones',
      '--format',
      'SN-{YYYY}-{D:6}{check:luhn}',
      '--db',
      own,
    ]);
    const running = await startService(['--db', own], ENV);
    const { port } = new URL(running.url);
    // An import whose body is still arriving when the signal comes.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v1/imports/serials?sku=HP-200',
          headers: {
            authorization: `Bearer ${ENV.SERIALKIT_API_KEY}`,
            'content-type': 'text/csv',
          },
        },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            body += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      request.write('serial\nSN-2030-000001\n');
      setTimeout(() => {
        running.child.kill('SIGTERM');
        setTimeout(() => {
          request.end('SN-2030-000002\n');
        }, 500);
      }, 300);
    });
    const exited = once(running.child, 'exit');
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ errorCount: 2 });
    const [code] = await exited;
    expect(code).toBe(0);
    // Closed: the port takes no connections, and SQLite checkpointed its WAL on close.
    await expect(fetch(`${running.url}/v1/health`)).rejects.toThrow();
    expect(existsSync(`${own}-wal`)).toBe(false);
  });
});
