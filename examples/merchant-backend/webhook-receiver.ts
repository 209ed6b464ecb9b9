/**
 * The merchant's webhook receiver: a node:http server that verifies each request with the
 * Standard Webhooks library (signature over the raw body, fresh timestamp) and keeps each
 * `webhook-id` once, since delivery is at least once.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A message as received: about a unit (`sku`, `serial`…), or a finished import (`import`). */
export interface ReceivedMessage {
  type: string;
  data: {
    sku?: string;
    serial?: string;
    verdict?: string;
    details?: Record<string, unknown>;
    import?: { kind: string; sku?: string; rows: number; registered?: number; errorCount: number };
  };
}

export async function startWebhookReceiver(secret: string) {
  const verifier = new Webhook(secret);
  const seen = new Set<string>();
  const messages: ReceivedMessage[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        const message = verifier.verify(body, req.headers as Record<string, string>);
        const id = String(req.headers['webhook-id']);
        if (!seen.has(id)) {
          seen.add(id);
          messages.push(message as ReceivedMessage);
        }
        res.writeHead(204).end();
      } catch {
        res.writeHead(401).end('bad signature');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/serialkit`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
