/** Webhooks refuse private, loopback and link-local targets unless the operator allows them. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  guardedLookup,
  isNonPublicAddress,
  RefusedAddressError,
} from '../../src/webhooks/address-guard.js';
import { createWebhookDispatcher } from '../../src/webhooks/dispatcher.js';
import { sendWebhook } from '../../src/webhooks/sender.js';
import { b2c, registerRange, setup, sn, trackedSku } from '../workflows/fixtures.js';
import { eventually, type Receiver, startReceiver } from './receiver.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(): Promise<Receiver> {
  const rx = await startReceiver(SECRET);
  cleanups.push(() => rx.close());
  return rx;
}

describe('isNonPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::ffff:10.0.0.1',
    '0:0:0:0:0:ffff:c0a8:0101',
    '64:ff9b::127.0.0.1',
    '::127.0.0.1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '2606:4700:4700::1111',
    '::ffff:93.184.216.34',
    '64:ff9b::8.8.8.8',
  ])('allows %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

describe('sendWebhook refuses non-public targets', () => {
  const request = (url: string) => ({
    url,
    secret: SECRET,
    messageId: 'msg_1',
    body: '{}',
    at: new Date(),
  });

  it.each([
    'http://127.0.0.1:PORT/hooks',
    'http://[::1]:PORT/hooks',
    'http://[::ffff:127.0.0.1]:PORT/hooks',
    'http://[::ffff:7f00:1]:PORT/hooks',
    'http://2130706433:PORT/hooks',
    'http://0x7f.1:PORT/hooks',
    'http://localhost:PORT/hooks',
    'http://LOCALHOST.:PORT/hooks',
    'http://169.254.169.254/latest/meta-data/',
  ])('%s, before connecting', async (template) => {
    const rx = await receiver();
    const port = new URL(rx.url).port;
    const result = await sendWebhook(request(template.replace('PORT', port)), {
      allowPrivate: false,
      timeoutMs: 2_000,
    });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^refused: /);
    expect(rx.requests).toBe(0);
  });

  it('a name that resolves to loopback is refused after DNS resolution', async () => {
    // The lookup node:http(s) calls when connecting: the address it hands back is the one
    // connected to, so a name cannot resolve to a public address when checked and a private
    // one when used.
    const lookup = (allow: boolean) =>
      new Promise<{ error: Error | null; addresses: unknown }>((resolve) =>
        guardedLookup(allow)('localhost', { all: true }, (error, addresses) =>
          resolve({ error, addresses }),
        ),
      );
    const refused = await lookup(false);
    expect(refused.error?.message).toMatch(
      /^localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/,
    );
    expect(refused.error).toBeInstanceOf(RefusedAddressError);
    const allowed = await lookup(true);
    expect(allowed.error).toBe(null);
    expect(allowed.addresses).toContainEqual(expect.objectContaining({ address: '127.0.0.1' }));
  });

  it('the operator can allow private targets', async () => {
    const rx = await receiver();
    const result = await sendWebhook(request(rx.url), { allowPrivate: true, timeoutMs: 2_000 });
    expect(result).toMatchObject({ ok: true, status: 204 });
    expect(rx.received.map((r) => r.id)).toEqual(['msg_1']);
  });

  it('a dispatcher without allowPrivate logs the refusal and never connects', async () => {
    const { client, store } = setup({ kind: 'memory' });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 1);
    const rx = await receiver();
    const hook = await client.webhooks.create({
      url: rx.url,
      eventTypes: ['unit.shipped'],
      secret: SECRET,
    });
    const dispatcher = createWebhookDispatcher({
      store,
      pollMs: 20,
      retry: { initialMs: 10, maxMs: 20 },
    });
    dispatcher.start();
    cleanups.push(() => dispatcher.stop());
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    await eventually(async () => (await client.webhooks.deliveries(hook.id)).items.length >= 2);
    const [attempt] = (await client.webhooks.deliveries(hook.id)).items;
    expect(attempt).toMatchObject({
      ok: false,
      error: 'refused: 127.0.0.1 is not a public address',
    });
    expect(attempt?.status).toBe(undefined);
    expect(rx.requests).toBe(0);
  });
});
