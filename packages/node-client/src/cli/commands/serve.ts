/** `serialkit serve`: the HTTP API (and optionally a storefront) on Node's http server. */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createSerialClient } from '../../client.js';
import type { ApiKeyScope } from '../../http/auth.js';
import {
  type ConnectionInfo,
  PLATFORM_ADDRESS_HEADERS,
  type PlatformAddressHeader,
} from '../../http/client-address.js';
import { createHandler } from '../../http/handler.js';
import { createMetrics } from '../../http/metrics.js';
import { headerOf } from '../../http/node/lazy-request.js';
import { toNodeListener } from '../../http/node/listener.js';
import { requestIdOf } from '../../http/observe.js';
import { serveStatic } from '../../http/static.js';
import { createPlatformWriteBack } from '../../platforms/write-back-consumer.js';
import { createWebhookDispatcher } from '../../webhooks/dispatcher.js';
import { type Command, type OptionValues, str, strs } from '../command.js';
import { openCoordination } from '../coordination.js';
import { type CliOutput, UsageError } from '../io.js';
import {
  PLATFORM_SERVE_HELP,
  PLATFORM_SERVE_OPTIONS,
  platformNames,
  platformServeOptions,
} from '../platform-options.js';
import { chooseStore } from '../store-choice.js';

/** A key as it may be shown: its first 4 and last 4 characters. */
export function maskKey(key: string): string {
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}

/**
 * A key or secret from a file (trimmed) or else an environment variable; undefined when neither
 * is set. Shorter than 16 characters is a usage error.
 */
function readSecret(
  file: string | undefined,
  variable: string | undefined,
  cwd: string,
  what: string,
): string | undefined {
  let value = variable;
  if (file !== undefined) {
    try {
      value = readFileSync(resolve(cwd, file), 'utf8').trim();
    } catch (error) {
      throw new UsageError(`${what}: cannot read ${file}: ${(error as Error).message}`);
    }
  }
  if (value !== undefined && value.length < 16) {
    throw new UsageError(`${what} must be at least 16 characters`);
  }
  return value;
}

/** A new API key: 32 random bytes, prefixed so it is recognizable in logs and secret scanners. */
export function generateApiKey(prefix = 'sk_'): string {
  return prefix + randomBytes(32).toString('base64url');
}

export const serve: Command = {
  name: 'serve',
  summary: 'Run the HTTP API (public + admin) and optionally serve a storefront',
  usage: ['serve [--port 8787] [--host 127.0.0.1] [--origin URL] [--static DIR]'],
  description: [
    'Keys and secrets come from the environment or files, never from the command line (where ps shows them):',
    'the admin key from SERIALKIT_API_KEY or --api-key-file (generated and printed when absent; a supplied key',
    'is shown masked), a read-only key from SERIALKIT_READ_KEY or --read-key-file, the store protocol key from',
    'SERIALKIT_STORE_KEY or --store-key-file, and the verification secret (required: it keys the hashes of',
    'client fingerprints) from SERIALKIT_VERIFY_SECRET or --verify-secret-file. SIGTERM or Ctrl-C stops',
    'accepting, finishes requests in flight and closes the store.',
    PLATFORM_SERVE_HELP,
  ].join(' '),
  examples: [
    'serialkit serve --db shop.db --origin https://shop.example',
    'serialkit serve --static examples/storefront --asset /assets/serial-lookup.js=dist/serial-lookup.bundle.js',
  ],
  options: {
    port: {
      type: 'string',
      short: 'p',
      value: 'PORT',
      description: 'Port (default PORT or 8787; 0 picks a free one)',
    },
    host: {
      type: 'string',
      value: 'HOST',
      description: 'Interface to listen on (default 127.0.0.1)',
    },
    'api-key-file': {
      type: 'string',
      value: 'FILE',
      description: 'File holding the admin (write) API key (or SERIALKIT_API_KEY)',
    },
    'read-key-file': {
      type: 'string',
      value: 'FILE',
      description: 'File holding a read-only API key (or SERIALKIT_READ_KEY)',
    },
    'store-key-file': {
      type: 'string',
      value: 'FILE',
      description: 'File holding the store protocol key (or SERIALKIT_STORE_KEY)',
    },
    'verify-secret-file': {
      type: 'string',
      value: 'FILE',
      description: 'File holding the verification secret (or SERIALKIT_VERIFY_SECRET)',
    },
    origin: {
      type: 'string',
      multiple: true,
      value: 'URL',
      description: 'Storefront origin allowed by CORS',
    },
    static: { type: 'string', value: 'DIR', description: 'Serve the files of DIR at /' },
    asset: {
      type: 'string',
      multiple: true,
      value: 'PATH=FILE',
      description: 'Serve FILE at URL PATH',
    },
    'no-rate-limit': {
      type: 'boolean',
      description: 'Turn the public rate limit off (benchmarks)',
    },
    'store-protocol': {
      type: 'boolean',
      description: 'Serve the store protocol for httpStore clients',
    },
    'trust-proxy': {
      type: 'string',
      value: 'HOPS',
      description:
        'Proxies of yours in front that append to X-Forwarded-For; the client address is the entry HOPS from the right',
    },
    'address-header': {
      type: 'string',
      value: 'NAME',
      description: `Client address from a platform header: ${PLATFORM_ADDRESS_HEADERS.join(', ')}`,
    },
    log: {
      type: 'boolean',
      description: 'Log every request to stderr as a JSON line, with its request id',
    },
    metrics: {
      type: 'boolean',
      description: 'Serve Prometheus metrics at /v1/metrics (read or admin key)',
    },
    'webhooks-allow-private': {
      type: 'boolean',
      description: 'Deliver webhooks to private, loopback and link-local addresses too',
    },
    'no-webhooks': {
      type: 'boolean',
      description: 'Do not deliver webhooks from this instance',
    },
    'webhooks-poll': {
      type: 'string',
      value: 'MS',
      description: 'How often idle webhook workers look for new events (default 1000)',
    },
    'webhooks-retry': {
      type: 'string',
      value: 'MS',
      description: 'Wait before the first webhook retry, doubling up to an hour (default 5000)',
    },
    'webhooks-timeout': {
      type: 'string',
      value: 'MS',
      description: 'Time limit of one webhook attempt (default 10000)',
    },
    'webhooks-lease': {
      type: 'string',
      value: 'MS',
      description:
        'How long a webhook cursor stays with an instance that stopped renewing it (default 60000, at least twice the timeout)',
    },
    coordination: {
      type: 'string',
      value: 'memory|store',
      description:
        'Where rate limits and idempotency keys live: store shares them between instances (default with --postgres)',
    },
    ...PLATFORM_SERVE_OPTIONS,
  },
  async run({ options, io, json, print }) {
    const env = io.env;
    const portText = str(options, 'port') ?? env.PORT ?? '8787';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`Invalid --port "${portText}"`);
    const host = str(options, 'host') ?? '127.0.0.1';
    const secret = (name: string, variable: string, what: string) =>
      readSecret(str(options, name), env[variable], io.cwd, `${what} (${variable} or --${name})`);
    const given = secret('api-key-file', 'SERIALKIT_API_KEY', 'The admin key');
    const apiKey = given ?? generateApiKey();
    const keys: { key: string; scope: ApiKeyScope }[] = [{ key: apiKey, scope: 'write' }];
    const readKey = secret('read-key-file', 'SERIALKIT_READ_KEY', 'The read key');
    if (readKey) keys.push({ key: readKey, scope: 'read' });
    const storeProtocol = options['store-protocol'] === true;
    const givenStoreKey = secret('store-key-file', 'SERIALKIT_STORE_KEY', 'The store key');
    const storeKey = storeProtocol ? (givenStoreKey ?? generateApiKey('sk_store_')) : undefined;
    if (storeKey) keys.push({ key: storeKey, scope: 'store' });
    const verifySecret = secret(
      'verify-secret-file',
      'SERIALKIT_VERIFY_SECRET',
      'The verification secret',
    );
    if (verifySecret === undefined) {
      throw new UsageError(
        'serve needs a verification secret, which keys the hashes of client fingerprints: set SERIALKIT_VERIFY_SECRET (e.g. to the output of `openssl rand -base64 32`) or pass --verify-secret-file FILE, and keep it for every instance and restart',
      );
    }
    const platforms = platformServeOptions(env, secret, io.stderr);
    const files: Record<string, string> = {};
    for (const asset of strs(options, 'asset')) {
      const eq = asset.indexOf('=');
      if (eq < 1 || !asset.startsWith('/'))
        throw new UsageError(`--asset expects /url/path=FILE (got "${asset}")`);
      files[asset.slice(0, eq)] = resolve(io.cwd, asset.slice(eq + 1));
    }
    const staticDir = str(options, 'static');

    const choice = chooseStore(options, env, io.cwd);
    const store = await choice.open();
    await store.migrate();
    const allowPrivate = options['webhooks-allow-private'] === true;
    const client = createSerialClient({
      store,
      verify: { secret: verifySecret },
      webhooks: { allowPrivate, timeoutMs: milliseconds(options, 'webhooks-timeout', 10_000) },
    });
    const dispatcher =
      options['no-webhooks'] === true
        ? null
        : createWebhookDispatcher({
            store,
            allowPrivate,
            pollMs: milliseconds(options, 'webhooks-poll', 1_000),
            timeoutMs: milliseconds(options, 'webhooks-timeout', 10_000),
            leaseMs: milliseconds(options, 'webhooks-lease', 60_000),
            retry: { initialMs: milliseconds(options, 'webhooks-retry', 5_000) },
            onError: (error) => io.stderr.write(`serialkit: webhooks: ${describe(error)}\n`),
          });
    // Serials go back to the shop platforms from the event log, whatever shipped them (the
    // HTTP API, the SDK, the CLI), so the handler does not write them as it ships.
    const targets = {
      shopify: platforms?.shopify?.admin,
      woocommerce: platforms?.woocommerce?.admin,
    };
    const writer =
      targets.shopify || targets.woocommerce
        ? createPlatformWriteBack({
            store,
            targets,
            pollMs: milliseconds(options, 'webhooks-poll', 1_000),
            onError: (error, order) =>
              io.stderr.write(
                order
                  ? `serialkit: writing the serials of ${order.id} back failed: ${describe(error)}\n`
                  : `serialkit: write-back: ${describe(error)}\n`,
              ),
          })
        : null;
    if (platforms && writer) platforms.writeBackOnShip = false;
    const log = options.log === true ? jsonLogger(io.stderr) : undefined;
    let accepting = true;
    const coordination = openCoordination(choice, str(options, 'coordination'));
    const api = createHandler(client, {
      coordination,
      apiKeys: keys,
      publicOrigins: strs(options, 'origin'),
      ...(options['no-rate-limit'] ? { rateLimit: false as const } : {}),
      ...(storeProtocol ? { storeProtocol: true, store } : {}),
      ...proxyOptions(options),
      ...(options.metrics === true ? { metrics: createMetrics() } : {}),
      accepting: () => accepting,
      ...(platforms ? { platforms } : {}),
      onError: (error, _request, requestId) => {
        if (log) log({ level: 'error', msg: 'internal error', requestId, error: describe(error) });
        else
          io.stderr.write(`serialkit: internal error (request ${requestId}): ${describe(error)}\n`);
      },
      ...(log ? { onResponse: (entry) => log({ level: 'info', msg: 'request', ...entry }) } : {}),
    });
    const files$ =
      staticDir || Object.keys(files).length
        ? serveStatic(staticDir ? resolve(io.cwd, staticDir) : undefined, { files })
        : null;
    const handle = async (request: Request, info?: ConnectionInfo): Promise<Response> => {
      if (files$ && !new URL(request.url).pathname.startsWith('/v1/')) {
        const started = performance.now();
        const file = await files$(request);
        if (file) {
          const requestId = requestIdOf(headerOf(request, 'x-request-id'));
          file.headers.set('x-request-id', requestId);
          log?.({
            level: 'info',
            msg: 'request',
            requestId,
            method: request.method,
            route: 'static',
            status: file.status,
            ms: performance.now() - started,
          });
          return file;
        }
      }
      return api(request, info);
    };
    // Static files and the API read only url, method, headers and bodies: lazy Requests are safe.
    const server = createServer(toNodeListener(handle, { lazyRequests: true }));
    server.keepAliveTimeout = 65_000;
    server.listen(port, host);
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([error]) => {
        throw error;
      }),
    ]);
    dispatcher?.start();
    writer?.start();
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${shownHost}:${address.port}`;
    // Only a generated key is printed in full (nobody else knows it); a supplied one is masked.
    const shown = (key: string, generated: boolean) => (generated ? key : maskKey(key));
    print(
      {
        event: 'listening',
        url,
        ...(given === undefined ? { apiKey } : {}),
        apiKeyHint: maskKey(apiKey),
        generatedKey: given === undefined,
        ...(storeKey && givenStoreKey === undefined ? { storeKey } : {}),
        store: { kind: choice.kind, where: choice.where },
        platforms: platformNames(platforms),
      },
      () =>
        [
          `serialkit listening on ${url}`,
          `  store      ${choice.kind} ${choice.where}`,
          `  admin key  ${shown(apiKey, given === undefined)}${given === undefined ? '  (generated: set SERIALKIT_API_KEY to keep one)' : ''}`,
          ...(storeKey
            ? [
                `  store key  ${shown(storeKey, givenStoreKey === undefined)}${givenStoreKey === undefined ? '  (generated: set SERIALKIT_STORE_KEY to keep one)' : ''}`,
              ]
            : []),
          `  API docs   ${url}/v1/openapi.json`,
          ...platformNames(platforms).map(
            (name) => `  ${name.padEnd(10)} ${url}/v1/platforms/${name}/webhooks`,
          ),
          ...(staticDir ? [`  storefront ${url}/`] : []),
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
    );

    await new Promise<void>((done) => {
      const stop = () => done();
      if (io.signal) {
        if (io.signal.aborted) return done();
        io.signal.addEventListener('abort', stop, { once: true });
      } else {
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }
    });
    // Graceful shutdown: readiness turns 503, no new connections, requests in flight finish
    // (up to 10 s), idle keep-alive connections close, then the store.
    accepting = false;
    if (!json) io.stderr.write('Stopping: finishing requests in flight…\n');
    log?.({ level: 'info', msg: 'stopping' });
    const closed = new Promise((done) => server.close(done));
    // Keep-alive connections turn idle as their last request finishes: close them as they do.
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const timer = setTimeout(() => server.closeAllConnections(), 10_000);
    await closed;
    clearInterval(sweep);
    clearTimeout(timer);
    await dispatcher?.stop();
    await writer?.stop();
    await client.close();
    await coordination.close();
    log?.({ level: 'info', msg: 'stopped' });
    return 0;
  },
};

/** A positive whole number of milliseconds from an option, or its default. */
function milliseconds(options: OptionValues, name: string, fallback: number): number {
  const text = str(options, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > 3_600_000) {
    throw new UsageError(`--${name} expects milliseconds between 1 and 3600000, got "${text}"`);
  }
  return value;
}

/** `--trust-proxy HOPS` and `--address-header NAME` as handler options. */
function proxyOptions(options: OptionValues): {
  trustProxy?: number;
  addressHeader?: PlatformAddressHeader;
} {
  const hopsText = str(options, 'trust-proxy');
  const header = str(options, 'address-header')?.toLowerCase();
  const result: { trustProxy?: number; addressHeader?: PlatformAddressHeader } = {};
  if (hopsText !== undefined) {
    const hops = Number(hopsText);
    if (!/^\d+$/.test(hopsText) || hops > 32) {
      throw new UsageError(
        `--trust-proxy expects the number of proxies in front (e.g. 1), got "${hopsText}"`,
      );
    }
    result.trustProxy = hops;
  }
  if (header !== undefined) {
    if (!(PLATFORM_ADDRESS_HEADERS as readonly string[]).includes(header)) {
      throw new UsageError(
        `--address-header expects one of ${PLATFORM_ADDRESS_HEADERS.join(', ')}, got "${header}"`,
      );
    }
    result.addressHeader = header as PlatformAddressHeader;
  }
  return result;
}

/** A writer of one JSON object per line (with its time) to `out`. */
function jsonLogger(out: CliOutput): (entry: Record<string, unknown>) => void {
  return (entry) => {
    out.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  };
}

/** An error as a log line shows it: its name, code and message, not its stack. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` (${code})` : ''}: ${error.message}`;
  }
  return String(error);
}
