/** Servers of the runtime tests: Node's http server on 127.0.0.1, port 0, closed after use. */
import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Running {
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

/** Starts a Node http server with `listener` on a free port of 127.0.0.1. */
export async function listen(listener: RequestListener): Promise<Running> {
  return running(createServer(listener));
}

/** Listens with a server that was built elsewhere (Express's, Fastify's, Next's). */
export async function running(server: Server): Promise<Running> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
