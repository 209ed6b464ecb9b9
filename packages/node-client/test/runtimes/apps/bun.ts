/**
 * serialkit on Bun: `Bun.serve` with the handler, whose store is the HTTP store of a serialkit
 * service that keeps the data (`serialkit serve --store-protocol`). Run with
 * `bun run apps/bun.ts`; it prints the URL it listens on.
 */
import { createSerialClient, httpStore } from '@serialkit/node-client';
import { createHandler } from '@serialkit/node-client/http';

const env = process.env;
const handler = createHandler(
  createSerialClient({
    store: httpStore({ baseUrl: env.SERIALKIT_STORE_URL!, apiKey: env.SERIALKIT_STORE_KEY! }),
  }),
  {
    apiKeys: [{ key: env.SERIALKIT_API_KEY!, scope: 'write' }],
    publicOrigins: env.SERIALKIT_PUBLIC_ORIGINS!.split(','),
  },
);

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(env.PORT ?? 3000),
  // Rate limits count per client address: Bun hands it over with the request.
  fetch: (request, bun) => handler(request, { remoteAddress: bun.requestIP(request)?.address }),
});
console.log(`listening on ${server.url}`);
