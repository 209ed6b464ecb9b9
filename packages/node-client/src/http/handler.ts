/**
 * `createHandler`: serialkit's HTTP API as one web-standard `(Request) => Promise<Response>`
 * function, so it mounts in Node's http server (see `toNodeListener`), Hono, Express, Next.js
 * route handlers and workers alike.
 */
import { createHash } from 'node:crypto';
import type { Coordination, SharedIdempotencyOptions } from '../coordination/coordination.js';
import { memoryCoordination } from '../coordination/memory.js';
import {
  AuthError,
  BadRequestError,
  NotFoundError,
  RateLimitError,
  type SerialkitError,
} from '../errors.js';
import { withWriteBack } from '../platforms/write-back.js';
import type { SerialStore } from '../store.js';
import { type Access, type ApiKeys, createAuthorizer } from './auth.js';
import { assertJson, bufferedText, parseJsonText, parseWith, readJson, readText } from './body.js';
import {
  type AddressSource,
  type ConnectionInfo,
  clientAddress,
  fingerprintOf,
  PLATFORM_ADDRESS_HEADERS,
  type PlatformAddressHeader,
} from './client-address.js';
import { corsPolicy } from './cors.js';
import type { Metrics } from './metrics.js';
import { acceptsLazyRequests, headerOf, isLazyRequest } from './node/lazy-request.js';
import { materialize, setHeaders } from './node/lazy-response.js';
import { errorCodeOf, type RequestLogEntry, requestIdOf } from './observe.js';
import { buildOpenApi } from './openapi.js';
import type { RateLimitOptions } from './rate-limit.js';
import { empty, errorResponse, httpError, json } from './response.js';
import type { Route, RouteContext } from './route.js';
import { Router } from './router.js';
import { adminRoutes } from './routes/admin.js';
import { consoleRoutes } from './routes/console.js';
import { correctionRoutes } from './routes/corrections.js';
import { metaRoutes } from './routes/meta.js';
import { orderRoutes } from './routes/orders.js';
import { type PlatformOptions, platformRoutes } from './routes/platforms.js';
import { publicRoutes } from './routes/public.js';
import { storeProtocolRoutes } from './routes/store-protocol.js';
import { suggestionRoutes } from './routes/suggestions.js';
import { warrantyOwnerRoutes } from './routes/warranty-owners.js';
import { webhookRoutes } from './routes/webhooks.js';
import type { ServedClient } from './served-client.js';

export interface HandlerOptions {
  /**
   * API keys for the admin routes: a list (keys of at least 16 characters, compared in
   * constant time) or a function that resolves a presented key to its scope (null: unknown
   * key). `read` keys may only GET; `store` keys may use only the store protocol. Without keys, every admin route answers 401: the public
   * routes work, nothing else.
   */
  apiKeys?: ApiKeys;
  /**
   * Storefront origins allowed to call the public routes from a browser (CORS), e.g.
   * `['https://shop.example']`; `'*'` allows any origin. Admin routes never answer CORS.
   */
  publicOrigins?: readonly string[];
  /**
   * Token bucket per client address for the public routes. Default
   * `{ capacity: 60, refillPerSecond: 1 }`; `false` turns it off.
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * The public return check's own limit, stricter than `rateLimit` since order ids are often
   * sequential and postcodes few: every check takes a token from the caller address's bucket,
   * and every check that fails to prove its order (`order_not_found`) one from that order id's
   * bucket, which is looked at before the order is. Default `{ capacity: 10, refillPerSecond:
   * 1 / 60 }` (10 at once, then one a minute); `false` turns it off.
   */
  returnCheckLimit?: RateLimitOptions | false;
  /**
   * Failed authentications (401) allowed per client address: a token bucket of its own, taken
   * only by failures; once empty, admin and store routes answer 429 to that address before
   * looking at the key. Default `{ capacity: 10, refillPerSecond: 0.1 }`; `false` turns it off.
   */
  authFailureLimit?: RateLimitOptions | false;
  /**
   * Called when a client is over its rate limit: return true to let the request through anyway
   * (e.g. it carries a solved captcha token in `X-Serialkit-Proof`). The bucket is refilled.
   */
  proof?: (request: Request) => boolean | Promise<boolean>;
  /** Largest JSON body accepted, in bytes (413 above). Default 1 MiB. */
  maxBodyBytes?: number;
  /** Largest streamed CSV import body, in bytes. Default 1 GiB. */
  maxImportBytes?: number;
  /** Path prefix the API is mounted under, e.g. `/api` → `/api/v1/verify`. Default ''. */
  basePath?: string;
  /**
   * Behind your own proxies: how many of them append to `X-Forwarded-For` (the client address
   * is the entry that many hops from the right; `true` means 1). Entries further left are
   * written by the client and never trusted. Default false: the peer address.
   */
  trustProxy?: boolean | number;
  /**
   * Behind a platform that sets the client address in a header of its own (overwriting what the
   * client sent): `'cf-connecting-ip'` (Cloudflare), `'fly-client-ip'` (Fly.io) or
   * `'x-real-ip'` (nginx `proxy_set_header X-Real-IP`). Only set it behind that platform.
   */
  addressHeader?: PlatformAddressHeader;
  /** Largest store protocol body (bulk inserts), in bytes. Default 64 MiB. */
  maxStoreBodyBytes?: number;
  /**
   * Serve the store protocol (`/v1/store/...`) to keys of scope `store` only (admin keys get
   * 403: the protocol bypasses the workflow rules). Default false.
   */
  storeProtocol?: boolean;
  /** The store served by the store protocol (required with `storeProtocol`). */
  store?: SerialStore;
  /**
   * Opaque client fingerprint for clone detection. Default: a SHA-256 of the caller's network
   * (/24 for IPv4, /64 for IPv6), so one address counts as one client whatever its user agent;
   * the client HMACs it with its verify secret before anything reaches the store.
   */
  fingerprint?: (request: Request, address: string) => string;
  /** How `Idempotency-Key` answers are remembered. */
  idempotency?: SharedIdempotencyOptions;
  /**
   * Where rate-limit buckets and `Idempotency-Key` answers live. Default `memoryCoordination()`
   * (this process only); several instances behind one load balancer share
   * `postgresCoordination(…)` or `sqliteCoordination(…)` so they limit and replay as one service.
   */
  coordination?: Coordination;
  /**
   * Called with every server-side (5xx) error, whose message the caller never sees; default
   * `console.error`.
   */
  onError?: (error: unknown, request: Request, requestId: string) => void;
  /**
   * Called once per answer with its request id (also sent as `X-Request-Id`, taken from a
   * well-formed incoming one), method, route pattern, status and time: a structured log line.
   */
  onResponse?: (entry: RequestLogEntry) => void;
  /**
   * A Prometheus registry from `createMetrics()`: requests and latency by route, verification
   * outcomes and server-side errors, served at `GET /v1/metrics` to read keys.
   */
  metrics?: Metrics;
  /** False while the service drains before shutting down: `/v1/ready` then answers 503. */
  accepting?: () => boolean;
  /**
   * Shop platforms whose order webhooks come in at `/v1/platforms/<name>/webhooks`, signed with
   * the platform's secret instead of an API key; a platform without a secret answers 404. With
   * an `admin` client, a platform order's serials are written back once it ships.
   */
  platforms?: PlatformOptions;
}

/** What the answer found out for the log and metrics. */
interface Seen {
  route: string | null;
}

/** A web-standard handler; `info` carries what a Request cannot (the peer address). */
export type SerialkitHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 60, refillPerSecond: 1 };
const DEFAULT_RETURN_CHECK_LIMIT: RateLimitOptions = { capacity: 10, refillPerSecond: 1 / 60 };
const DEFAULT_AUTH_FAILURE_LIMIT: RateLimitOptions = { capacity: 10, refillPerSecond: 0.1 };

/**
 * Creates the serialkit HTTP API for a client.
 *
 * @example
 * const client = createSerialClient({ store: sqliteStore({ filename: 'serialkit.db' }) });
 * const handler = createHandler(client, {
 *   apiKeys: [{ key: process.env.SERIALKIT_API_KEY!, scope: 'write' }],
 *   publicOrigins: ['https://shop.example'],
 * });
 * http.createServer(toNodeListener(handler)).listen(8787);
 */
export function createHandler(
  client: ServedClient,
  options: HandlerOptions = {},
): SerialkitHandler {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxImportBytes = options.maxImportBytes ?? 1024 * 1024 * 1024;
  const addressSource: AddressSource = {
    trustProxy: options.trustProxy ?? false,
    addressHeader: options.addressHeader,
  };
  if (
    options.addressHeader !== undefined &&
    !PLATFORM_ADDRESS_HEADERS.includes(options.addressHeader)
  ) {
    throw new TypeError(`addressHeader must be one of ${PLATFORM_ADDRESS_HEADERS.join(', ')}`);
  }
  const hops = options.trustProxy;
  if (typeof hops === 'number' && !(Number.isInteger(hops) && hops >= 0)) {
    throw new TypeError('trustProxy must be a boolean or a whole number of proxies');
  }
  const authorize = createAuthorizer(options.apiKeys);
  const cors = corsPolicy(options.publicOrigins ?? []);
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const coordination = options.coordination ?? memoryCoordination();
  const limiter = rateLimit === false ? null : coordination.rateLimiter('public', rateLimit);
  const authFailureLimit = options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT;
  const authFailures =
    authFailureLimit === false ? null : coordination.rateLimiter('auth-failures', authFailureLimit);
  const idempotency = coordination.idempotency(options.idempotency);
  const metrics = options.metrics;
  const report =
    options.onError ?? ((error: unknown) => console.error('serialkit: internal error', error));
  // The request id of each request in flight, for the error report.
  const requestIds = new WeakMap<Request, string>();
  const onError = (error: unknown, request: Request) => {
    metrics?.error(errorCodeOf(error));
    report(error, request, requestIds.get(request) ?? '');
  };
  const onResponse = options.onResponse;
  const store = options.store ?? client.store;

  const returnCheckLimit = options.returnCheckLimit ?? DEFAULT_RETURN_CHECK_LIMIT;
  const routes: Route[] = [
    ...publicRoutes(client, {
      returnCheckLimiter:
        returnCheckLimit === false
          ? null
          : coordination.rateLimiter('return-checks', returnCheckLimit),
      ...(metrics ? { onVerified: (status: string) => metrics.verification(status) } : {}),
    }),
    ...adminRoutes(client),
    ...webhookRoutes(client),
    ...orderRoutes(
      withWriteBack(
        client,
        options.platforms?.writeBackOnShip === false
          ? {}
          : {
              shopify: options.platforms?.shopify?.admin,
              woocommerce: options.platforms?.woocommerce?.admin,
            },
        options.platforms?.onWriteBackError ??
          ((error, order) =>
            console.error(`serialkit: writing the serials of ${order.id} back failed`, error)),
      ),
    ),
    ...platformRoutes(client, options.platforms ?? {}, { idempotency }),
    ...correctionRoutes(client),
    ...warrantyOwnerRoutes(client),
    ...consoleRoutes(client),
    ...suggestionRoutes(client),
  ];
  if (options.storeProtocol) {
    if (!store) throw new TypeError('storeProtocol needs a store: pass options.store');
    routes.push(
      ...storeProtocolRoutes(store, {
        maxBodyBytes: options.maxStoreBodyBytes ?? 64 * 1024 * 1024,
      }),
    );
  }
  let openapi: Response | undefined;
  routes.push(
    ...metaRoutes(
      client,
      () => {
        openapi ??= json(buildOpenApi(routes, { basePath }));
        return openapi.clone();
      },
      { accepting: options.accepting, metrics: options.metrics },
    ),
  );

  const router = new Router<Route>();
  for (const route of routes) router.add(route.method, route.path, route);

  /** Checks the key; 401s count against the address, which is refused (429) once over. */
  const authorizeLimited = async (request: Request, needs: Access, address: string) => {
    if (!authFailures) return authorize(request, needs);
    const state = await authFailures.peek(address);
    if (!state.ok) {
      throw new RateLimitError(`Too many failed authentications; retry in ${state.retryAfter} s`, {
        details: { retryAfter: state.retryAfter },
      });
    }
    try {
      return await authorize(request, needs);
    } catch (error) {
      if (AuthError.isInstance(error)) await authFailures.hit(address);
      throw error;
    }
  };

  const serialkitHandler: SerialkitHandler = async (request, info) => {
    const started = performance.now();
    const seen: Seen = { route: null };
    const requestId = requestIdOf(headerOf(request, 'x-request-id'));
    requestIds.set(request, requestId);
    const response = await answer(request, info, seen);
    setHeaders(response, { 'x-request-id': requestId });
    if (metrics || onResponse) {
      const ms = performance.now() - started;
      metrics?.request(seen.route, request.method, response.status, ms / 1000);
      onResponse?.({
        requestId,
        method: request.method,
        route: seen.route,
        status: response.status,
        ms,
      });
    }
    // Lazy Responses go only to toNodeListener; any other runtime gets a real one.
    return isLazyRequest(request) ? response : materialize(response);
  };

  const answer = async (
    request: Request,
    info: ConnectionInfo | undefined,
    seen: Seen,
  ): Promise<Response> => {
    let corsHeaders: Record<string, string> | undefined;
    try {
      const url = new URL(request.url);
      let path = url.pathname;
      if (basePath) {
        if (path !== basePath && !path.startsWith(`${basePath}/`)) throw notFound(path);
        path = path.slice(basePath.length) || '/';
      }
      const match = router.match(request.method, path);
      if (match.kind === 'not_found') throw notFound(path);
      const origin = headerOf(request, 'origin');
      if (match.kind === 'method_not_allowed') {
        const isPublic = match.routes.some((route) => route.access === 'public');
        if (request.method === 'OPTIONS') {
          const methods = match.allow;
          const preflight = isPublic ? cors.preflight(origin, methods) : null;
          return empty(204, { allow: methods.join(', '), ...(preflight ?? {}) });
        }
        if (isPublic) corsHeaders = cors.headersFor(origin);
        throw httpError(
          'method_not_allowed',
          `${request.method} is not allowed here; use ${match.allow.join(', ')}`,
          { allow: match.allow },
        );
      }
      const { route, params } = match;
      seen.route = route.path;
      let address: string | undefined;
      const addressOf = () => {
        address ??= clientAddress(request, info, addressSource);
        return address;
      };

      if (route.access === 'public') {
        corsHeaders = cors.headersFor(origin);
        if (limiter) {
          const key = addressOf();
          let taken = limiter.hit(key);
          // A shared limiter answers with a promise; the in-process one stays synchronous.
          if (taken instanceof Promise) taken = await taken;
          if (!taken.ok) {
            if (options.proof && (await options.proof(request))) await limiter.reset(key);
            else {
              throw new RateLimitError(`Too many requests; retry in ${taken.retryAfter} s`, {
                details: {
                  retryAfter: taken.retryAfter,
                  ...(options.proof ? { proof: 'accepted' } : {}),
                },
              });
            }
          }
        }
      } else if (route.access !== 'none') {
        await authorizeLimited(request, route.access, addressOf());
      }

      const query = route.query
        ? parseWith(route.query, queryObject(url.searchParams), 'query')
        : undefined;
      const idempotencyKey = route.idempotent ? headerOf(request, 'idempotency-key') : null;
      let bodyText: string | undefined;
      if (idempotencyKey !== null) {
        if (idempotencyKey.length < 1 || idempotencyKey.length > 255) {
          throw new BadRequestError('Idempotency-Key must be 1 to 255 characters');
        }
        bodyText = await readText(request, route.maxBodyBytes ?? maxBodyBytes);
      }
      const context: RouteContext = {
        request,
        url,
        params,
        query,
        body: undefined,
        maxImportBytes,
        fingerprint: fingerprinter(request, address ?? addressOf(), options.fingerprint),
        address: addressOf,
        store,
      };
      let response: Response;
      if (idempotencyKey !== null && bodyText !== undefined) {
        const scope = headerOf(request, 'authorization') ?? '';
        const cacheKey = `${hash(scope)}\u0000${route.operationId}\u0000${idempotencyKey}`;
        response = await idempotency.run(cacheKey, hash(`${path}\u0000${bodyText}`), () =>
          runRoute(route, context, bodyText, maxBodyBytes, onError),
        );
      } else {
        response = await runRoute(route, context, bodyText, maxBodyBytes, onError);
      }
      if (corsHeaders) setHeaders(response, corsHeaders);
      return response;
    } catch (error) {
      const response = errorResponse(error, (e) => onError(e, request));
      if (corsHeaders) setHeaders(response, corsHeaders);
      return response;
    }
  };
  // Tells toNodeListener it may pass lazily built Requests (see lazy-request.ts).
  return Object.assign(serialkitHandler, { [acceptsLazyRequests]: true });
}

/** Reads the route's body (from `bodyText` when already read) and answers; errors become answers. */
async function runRoute(
  route: Route,
  context: RouteContext,
  bodyText: string | undefined,
  maxBodyBytes: number,
  onError: (error: unknown, request: Request) => void,
): Promise<Response> {
  const { request } = context;
  try {
    if (route.body && route.body !== 'csv') {
      const limit = route.maxBodyBytes ?? maxBodyBytes;
      assertJson(request);
      // A body the adapter already read needs no wait.
      const text = bodyText ?? bufferedText(request, limit);
      context.body =
        text === undefined
          ? await readJson(request, route.body, limit)
          : parseJsonText(text, route.body);
    }
    return await route.handle(context);
  } catch (error) {
    return errorResponse(error, (e) => onError(e, request));
  }
}

/** The route's `fingerprint()`: the caller's network, hashed, or the option's own fingerprint. */
function fingerprinter(
  request: Request,
  address: string,
  custom: HandlerOptions['fingerprint'],
): () => string {
  return () => (custom ? custom(request, address) : fingerprintOf(address));
}

function notFound(path: string): SerialkitError {
  return new NotFoundError(`No route for ${path.slice(0, 200)}; see /v1/openapi.json`);
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Query string as an object: repeated keys become arrays. */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[key] = [existing, value];
  }
  return result;
}
