/**
 * serialkit in a Fastify app: a plugin under a prefix that leaves request bodies unparsed and
 * hands the raw request and response to the Node listener. Fastify keeps the prefix in the URL,
 * so the handler is told it as its `basePath`.
 */
import type { SerialClient } from '@serialkit/node-client';
import { createHandler, type HandlerOptions, toNodeListener } from '@serialkit/node-client/http';
import Fastify, { type FastifyInstance } from 'fastify';

export function fastifyApp(client: SerialClient, options: HandlerOptions): FastifyInstance {
  const app = Fastify();
  const prefix = '/serials-api';
  const listener = toNodeListener(createHandler(client, { ...options, basePath: prefix }));
  app.register(
    async (api) => {
      // The handler reads (and limits) bodies itself: every content type passes through unread.
      api.removeAllContentTypeParsers();
      api.addContentTypeParser('*', (_request, _body, done) => done(null));
      api.all('/*', (request, reply) => {
        reply.hijack();
        listener(request.raw, reply.raw);
      });
    },
    { prefix },
  );
  return app; // app.listen({ port: 3000 }): POST http://localhost:3000/serials-api/v1/verify
}
