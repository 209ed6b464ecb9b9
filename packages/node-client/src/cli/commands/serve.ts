/** `serialkit serve`: the HTTP API (and optionally a storefront) on Node's http server. */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createSerialClient } from '../../client.js';
import type { ApiKeyScope } from '../../http/auth.js';
import type { ConnectionInfo } from '../../http/client-address.js';
import { createHandler } from '../../http/handler.js';
import { toNodeListener } from '../../http/node.js';
import { acceptsLazyRequests } from '../../http/request-body.js';
import { serveStatic } from '../../http/static.js';
import { type Command, str, strs } from '../command.js';
import { UsageError } from '../io.js';
import { chooseStore } from '../store-choice.js';

/** A new API key: 32 random bytes, prefixed so it is recognizable in logs and secret scanners. */
export function generateApiKey(prefix = 'sk_'): string {
  return prefix + randomBytes(32).toString('base64url');
}

export const serve: Command = {
  name: 'serve',
  summary: 'Run the HTTP API (public + admin) and optionally serve a storefront',
  usage: ['serve [--port 8787] [--host 127.0.0.1] [--api-key KEY] [--origin URL] [--static DIR]'],
  description:
    'The admin key comes from --api-key or SERIALKIT_API_KEY; without either a key is generated and printed. Stop with Ctrl-C.',
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
    'api-key': {
      type: 'string',
      value: 'KEY',
      description: 'Admin (write) API key, at least 16 characters',
    },
    'read-key': { type: 'string', value: 'KEY', description: 'An additional read-only API key' },
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
      type: 'boolean',
      description: 'Client address from X-Forwarded-For (behind a proxy)',
    },
    log: { type: 'boolean', description: 'Log every request to stderr' },
  },
  async run({ options, io, json, print }) {
    const env = io.env;
    const portText = str(options, 'port') ?? env.PORT ?? '8787';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`Invalid --port "${portText}"`);
    const host = str(options, 'host') ?? '127.0.0.1';
    const given = str(options, 'api-key') ?? env.SERIALKIT_API_KEY;
    if (given !== undefined && given.length < 16)
      throw new UsageError('The API key must be at least 16 characters');
    const apiKey = given ?? generateApiKey();
    const keys: { key: string; scope: ApiKeyScope }[] = [{ key: apiKey, scope: 'write' }];
    const readKey = str(options, 'read-key');
    if (readKey) {
      if (readKey.length < 16) throw new UsageError('The read key must be at least 16 characters');
      keys.push({ key: readKey, scope: 'read' });
    }
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
    const client = createSerialClient({ store });
    const api = createHandler(client, {
      apiKeys: keys,
      publicOrigins: strs(options, 'origin'),
      ...(options['no-rate-limit'] ? { rateLimit: false as const } : {}),
      ...(options['store-protocol'] ? { storeProtocol: true, store } : {}),
      ...(options['trust-proxy'] ? { trustProxy: true } : {}),
    });
    const files$ =
      staticDir || Object.keys(files).length
        ? serveStatic(staticDir ? resolve(io.cwd, staticDir) : undefined, { files })
        : null;
    const log = options.log === true;
    const handle = async (request: Request, info?: ConnectionInfo): Promise<Response> => {
      const started = performance.now();
      const path = new URL(request.url).pathname;
      const response =
        (files$ && !path.startsWith('/v1/') ? await files$(request) : null) ??
        (await api(request, info));
      if (log) {
        io.stderr.write(
          `${request.method} ${path} ${response.status} ${(performance.now() - started).toFixed(1)}ms\n`,
        );
      }
      return response;
    };
    // Static files and the API read only url, method, headers and bodies: lazy Requests are safe.
    const server = createServer(
      toNodeListener(Object.assign(handle, { [acceptsLazyRequests]: true })),
    );
    server.keepAliveTimeout = 65_000;
    server.listen(port, host);
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([error]) => {
        throw error;
      }),
    ]);
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${shownHost}:${address.port}`;
    print(
      {
        event: 'listening',
        url,
        apiKey,
        generatedKey: given === undefined,
        store: { kind: choice.kind, where: choice.where },
      },
      () =>
        [
          `serialkit listening on ${url}`,
          `  store      ${choice.kind} ${choice.where}`,
          `  admin key  ${apiKey}${given === undefined ? '  (generated: set SERIALKIT_API_KEY to keep one)' : ''}`,
          `  API docs   ${url}/v1/openapi.json`,
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
    if (!json) io.stderr.write('Stopping…\n');
    // Finish in-flight requests, then drop idle keep-alive connections.
    const closed = new Promise((done) => server.close(done));
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), 5_000);
    await closed;
    clearTimeout(timer);
    await client.close();
    return 0;
  },
};
