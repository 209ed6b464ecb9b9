// app/v1/[...path]/route.ts: serialkit's API as a Next.js route handler on the Node.js runtime.
import { createSerialClient, httpStore } from '@serialkit/node-client';
import { createHandler } from '@serialkit/node-client/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Any store: here the HTTP store of the service that keeps the data.
const client = createSerialClient({
  store: httpStore({
    baseUrl: process.env.SERIALKIT_STORE_URL!,
    apiKey: process.env.SERIALKIT_STORE_KEY!,
  }),
});
const handler = createHandler(client, {
  apiKeys: [{ key: process.env.SERIALKIT_API_KEY!, scope: 'write' }],
  publicOrigins: process.env.SERIALKIT_PUBLIC_ORIGINS!.split(','),
  trustProxy: 1, // behind the platform's proxy, which appends X-Forwarded-For
});

const serve = (request: Request) => handler(request);

export {
  serve as DELETE,
  serve as GET,
  serve as OPTIONS,
  serve as PATCH,
  serve as POST,
  serve as PUT,
};
