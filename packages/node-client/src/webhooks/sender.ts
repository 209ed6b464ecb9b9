/**
 * One signed attempt to deliver a webhook message (Standard Webhooks headers, signed with the
 * `standardwebhooks` library), over node:http(s) with the address guard and a time limit.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { guardedLookup, literalAddressRefusal } from './address-guard.js';

export interface SendOptions {
  /** Deliver to private, loopback and link-local addresses too. Default false. */
  allowPrivate: boolean;
  /** Time limit of one attempt (connect, answer and body), in ms. */
  timeoutMs: number;
  /** Aborts the attempt (the dispatcher stopping). */
  signal?: AbortSignal;
}

export interface SendRequest {
  url: string;
  secret: string;
  messageId: string;
  /** The JSON body, signed as sent. */
  body: string;
  /** The signing time (the `webhook-timestamp` header). */
  at: Date;
}

export interface SendResult {
  ok: boolean;
  status?: number;
  error?: string;
  latencyMs: number;
}

/** Bytes of a receiver's answer read (and discarded) at most. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** The Standard Webhooks headers of a message, signed. */
export function signedHeaders(request: Omit<SendRequest, 'url'>): Record<string, string> {
  return {
    'webhook-id': request.messageId,
    'webhook-timestamp': String(Math.floor(request.at.getTime() / 1000)),
    'webhook-signature': new Webhook(request.secret).sign(
      request.messageId,
      request.at,
      request.body,
    ),
  };
}

/** Sends one attempt. Never throws: failures are results (`ok: false` with `error`). */
export async function sendWebhook(request: SendRequest, options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, error: 'invalid URL', latencyMs: 0 };
  }
  const refusal = literalAddressRefusal(url, options.allowPrivate);
  if (refusal) return { ok: false, error: `refused: ${refusal}`, latencyMs: 0 };

  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...result, latencyMs: latencyMs() });
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'serialkit-webhooks',
          'content-length': Buffer.byteLength(request.body),
          ...signedHeaders(request),
        },
        lookup: guardedLookup(options.allowPrivate) as never,
        agent: false,
      },
      (res: IncomingMessage) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        const done = () => {
          const status = res.statusCode ?? 0;
          finish(
            status >= 200 && status < 300
              ? { ok: true, status }
              : { ok: false, status, error: `status ${status}` },
          );
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, error: `timeout after ${options.timeoutMs} ms` });
      req.destroy();
    }, options.timeoutMs);
    const onAbort = () => {
      finish({ ok: false, error: 'aborted' });
      req.destroy();
    };
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) onAbort();
    req.on('error', (error: Error & { code?: string }) => {
      finish({
        ok: false,
        error:
          error.name === 'RefusedAddressError' || error.code === 'refused_address'
            ? `refused: ${error.message}`
            : `${error.code ?? 'error'}: ${error.message}`.slice(0, 500),
      });
    });
    req.end(request.body);
  });
}
