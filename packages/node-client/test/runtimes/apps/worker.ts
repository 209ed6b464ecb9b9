/**
 * serialkit on Cloudflare Workers (workerd): the public routes, and the admin routes for those
 * holding a key, over the HTTP store of a serialkit service that keeps the data
 * (`serialkit serve --store-protocol`). Needs the `nodejs_compat` compatibility flag.
 */
import { createSerialClient, httpStore } from '@serialkit/node-client';
import { createHandler, type SerialkitHandler } from '@serialkit/node-client/http';

export interface Env {
  /** Root URL of the serialkit service that holds the store. */
  SERIALKIT_STORE_URL: string;
  /** A `store` API key of that service. */
  SERIALKIT_STORE_KEY: string;
  /** This worker's own admin key (scope `write`). */
  SERIALKIT_API_KEY: string;
  /** Storefront origins, comma-separated. */
  SERIALKIT_PUBLIC_ORIGINS: string;
}

// Built on the first request: workers see their bindings only then.
let handler: SerialkitHandler | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    handler ??= createHandler(
      createSerialClient({
        store: httpStore({ baseUrl: env.SERIALKIT_STORE_URL, apiKey: env.SERIALKIT_STORE_KEY }),
      }),
      {
        apiKeys: [{ key: env.SERIALKIT_API_KEY, scope: 'write' }],
        publicOrigins: env.SERIALKIT_PUBLIC_ORIGINS.split(','),
        addressHeader: 'cf-connecting-ip',
      },
    );
    return handler(request);
  },
};
