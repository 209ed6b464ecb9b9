/**
 * A real webhook receiver for tests: a node:http server on 127.0.0.1 that verifies every
 * request with the Standard Webhooks reference library (`standardwebhooks`) and records it.
 * It can be down (503), refuse connections (closed), or answer slowly.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEventType, WebhookMessage } from '@serialkit/core';
import { Webhook } from 'standardwebhooks';
import type { SerialClient } from '../../src/client.js';
import type { CreatedWebhookSubscription } from '../../src/webhooks/resource.js';

export interface Received {
  id: string;
  timestamp: string;
  message: WebhookMessage;
}

export type ReceiverMode = 'up' | 'down' | 'slow';

export interface Receiver {
  readonly url: string;
  /** Requests whose signature verified, in arrival order (repeats included). */
  readonly received: Received[];
  /** Requests refused because their signature did not verify. */
  readonly unverified: number;
  /** Every request that arrived, answered or not. */
  readonly requests: number;
  mode: ReceiverMode;
  /** Verified messages, each `webhook-id` once, in first-arrival order. */
  unique(): Received[];
  close(): Promise<void>;
}

/** Starts a receiver that verifies with `secret`. `slowMs`: how long 'slow' waits. */
export async function startReceiver(secret: string, slowMs = 5_000): Promise<Receiver> {
  const verifier = new Webhook(secret);
  const state = {
    received: [] as Received[],
    unverified: 0,
    requests: 0,
    mode: 'up' as ReceiverMode,
  };
  const server: Server = createServer((req, res) => {
    state.requests++;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (state.mode === 'down') {
        res.writeHead(503).end('down for maintenance');
        return;
      }
      const answer = () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = {
          'webhook-id': String(req.headers['webhook-id'] ?? ''),
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        };
        try {
          const message = verifier.verify(body, headers) as WebhookMessage;
          state.received.push({
            id: headers['webhook-id'],
            timestamp: headers['webhook-timestamp'],
            message,
          });
          res.writeHead(204).end();
        } catch {
          state.unverified++;
          res.writeHead(401).end('bad signature');
        }
      };
      if (state.mode === 'slow') setTimeout(answer, slowMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    get received() {
      return state.received;
    },
    get unverified() {
      return state.unverified;
    },
    get requests() {
      return state.requests;
    },
    get mode() {
      return state.mode;
    },
    set mode(mode: ReceiverMode) {
      state.mode = mode;
    },
    unique() {
      const seen = new Set<string>();
      return state.received.filter((r) => !seen.has(r.id) && seen.add(r.id));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` every 25 ms until it holds, or fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The unit data of a received message: the test fails on a message about no unit. */
export function unitOf(
  received: Received,
): Extract<WebhookMessage, { data: { sku: string } }>['data'] {
  const { message } = received;
  if (message.type === 'import.finished') throw new Error(`${received.id} is about an import`);
  return message.data;
}

/**
 * A subscription to `eventTypes` and a receiver that verifies with its secret (the secret comes
 * with the new subscription only, so the subscription is made first and pointed at the receiver
 * after). The caller closes the receiver.
 */
export async function subscribedReceiver(
  client: SerialClient,
  eventTypes: WebhookEventType[],
): Promise<{ hook: CreatedWebhookSubscription; rx: Receiver }> {
  const hook = await client.webhooks.create({ url: 'http://127.0.0.1:1/x', eventTypes });
  const rx = await startReceiver(hook.secret);
  await client.webhooks.update(hook.id, { url: rx.url });
  return { hook, rx };
}
