/**
 * The merchant-backend example, run as a real process against a real `serialkit serve` on a
 * SQLite demo database: a Shopify order webhook comes in signed, the pack station ships it over
 * the orders API (the service writes its serials back to a local mock of Shopify's Admin API),
 * and the example's own webhook receiver gets `unit.shipped`, `recall.created`,
 * `recall.closed`, the warranty claim and the owner registration, each verified with the
 * Standard Webhooks library.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, type Service, startService } from '../http/service.js';
import { listen } from '../platforms/harness.js';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/merchant-backend/', import.meta.url));
const KEYS = {
  SERIALKIT_API_KEY: 'sk_test_example_admin_0123456789',
  SERIALKIT_STORE_KEY: 'sk_store_test_example_0123456789',
  SERIALKIT_SHOPIFY_SECRET: 'shpss_example_client_secret_0123456789',
};
const TOKEN = 'shpat_example_access_token_0123456789';

let dir: string;
let service: Service;
let shop: Awaited<ReturnType<typeof listen>>;
/** The metafields the service wrote to the mock Admin API. */
const written: { ownerId: string; value: string }[][] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serialkit-example-'));
  const db = join(dir, 'demo.db');
  runCli(['demo', '--db', db, '--units', '1000']);
  shop = await listen(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const ok = request.headers['x-shopify-access-token'] === TOKEN;
    if (ok) written.push(JSON.parse(text).variables.metafields);
    response.setHeader('content-type', 'application/json');
    response.statusCode = ok ? 200 : 401;
    response.end(
      JSON.stringify({
        data: {
          metafieldsSet: { metafields: [{ id: 'gid://shopify/Metafield/1' }], userErrors: [] },
        },
      }),
    );
  });
  service = await startService(
    ['--db', db, '--store-protocol', '--webhooks-allow-private', '--webhooks-poll', '100'],
    {
      ...KEYS,
      SERIALKIT_VERIFY_SECRET: 'a-verify-secret-for-tests-0123456789',
      SERIALKIT_SHOPIFY_SHOP: shop.url,
      SERIALKIT_SHOPIFY_ACCESS_TOKEN: TOKEN,
    },
  );
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await shop?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the example to its end: exit code and output. */
async function runExample(args: string[]) {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(EXAMPLE, 'index.ts'), ...args],
    {
      cwd: EXAMPLE,
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(([name]) => !name.startsWith('SERIALKIT_')),
        ),
        ...KEYS,
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('examples/merchant-backend against serialkit serve', () => {
  test('a Shopify order comes in, is packed, and the receiver gets the signed messages', async () => {
    const { code, stdout, stderr } = await runExample(['--remote', service.url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Running every workflow against the service at ${service.url}`);

    // The Shopify delivery: taken in once, the repeat recognised, a forged signature refused.
    expect(stdout).toMatch(/^delivered: 200 created$/m);
    expect(stdout).toMatch(
      /^delivered again \(same X-Shopify-Webhook-Id\): 200 created \(replayed\)$/m,
    );
    expect(stdout).toMatch(/^a forged signature: 401$/m);
    const orderId = /^order (shopify-\d+): open, 2 × (KB-\w+), for Grace Hopper$/m.exec(stdout);
    expect(orderId).not.toBe(null);
    const [, order, sku] = orderId!;

    // The pack station: a shipped unit refused, two picked, one shipment.
    expect(stdout).toMatch(/^scan KB-\S+ +→ already_shipped$/m);
    expect(stdout.match(/^scan \S+ +→ accepted$/gm)).toHaveLength(2);
    const shipped = /^shipped \S+: (\S+), (\S+)$/m.exec(stdout);
    expect(shipped).not.toBe(null);
    const serials = [shipped![1]!, shipped![2]!];

    // The service wrote the order's serials back to Shopify's Admin API.
    expect(written).toEqual([
      [
        expect.objectContaining({
          ownerId: `gid://shopify/Order/${order!.slice('shopify-'.length)}`,
          value: JSON.stringify(serials.map((serial) => ({ sku, serial }))),
        }),
      ],
    ]);

    // Corrections, warranty and owners.
    expect(stdout).toMatch(/^shipment \S+ cancelled: order open, \S+ in_stock$/m);
    expect(stdout).toMatch(/^owner registration: received$/m);
    expect(stdout).toMatch(/^claim accepted \(repaired\), covered: true$/m);
    expect(stdout).toMatch(/^recall rcl_\w+: closed at /m);

    // What the receiver got, verified.
    const received = stdout.slice(stdout.indexOf('── 15.'));
    for (const serial of serials) {
      expect(received).toMatch(new RegExp(`^unit\\.shipped +${serial} ${order}$`, 'm'));
    }
    const recallId = /^recall (rcl_\w+): closed/m.exec(stdout)?.[1];
    expect(received).toMatch(new RegExp(`^recall\\.created +\\S+ ${recallId}$`, 'm'));
    expect(received).toMatch(new RegExp(`^recall\\.closed +\\S+ ${recallId}$`, 'm'));
    expect(received).toMatch(/^warranty\.claimed +\S+ accepted$/m);
    expect(received).toMatch(/^owner\.registered +\S+ own_\w+$/m);
    expect(received).toMatch(/^unit\.returned +\S+ accepted$/m);
    expect(received).toMatch(/^unit\.returned +\S+ rejected$/m);
    // The CSV import of step 2 (4 rows: 2 registered, an invalid line and a duplicate).
    expect(received).toMatch(
      /^import\.finished +serials \S+-CABLE: 4 rows, 2 registered, 2 errors$/m,
    );
    expect(stdout.trimEnd().endsWith('Done.')).toBe(true);
  });

  test('the same story runs on SQLite in its own process, without the service', async () => {
    const { code, stdout, stderr } = await runExample(['--sqlite', join(dir, 'merchant.db')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^no Shopify endpoint: the order is created directly$/m);
    expect(stdout.match(/^scan \S+ +→ accepted$/gm)).toHaveLength(2);
    const received = stdout.slice(stdout.indexOf('── 15.'));
    for (const type of [
      'unit.shipped',
      'recall.created',
      'recall.closed',
      'warranty.claimed',
      'import.finished',
    ]) {
      expect(received).toContain(`\n${type} `);
    }
    expect(stdout.trimEnd().endsWith('Done.')).toBe(true);
  });
});
