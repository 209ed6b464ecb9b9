/**
 * serialkit in a Hono app on Node (@hono/node-server): Hono speaks `Request` and `Response`
 * already, so the handler is called as it is, with the peer address from Node's socket.
 */
import type { HttpBindings } from '@hono/node-server';
import type { SerialClient } from '@serialkit/node-client';
import { createHandler, type HandlerOptions } from '@serialkit/node-client/http';
import { Hono } from 'hono';

export function honoApp(
  client: SerialClient,
  options: HandlerOptions,
): Hono<{ Bindings: HttpBindings }> {
  const handler = createHandler(client, options);
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.all('/v1/*', (c) =>
    handler(c.req.raw, { remoteAddress: c.env.incoming.socket.remoteAddress }),
  );
  return app; // serve({ fetch: app.fetch, port: 3000 }): POST http://localhost:3000/v1/verify
}
