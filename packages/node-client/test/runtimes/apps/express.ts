/**
 * serialkit in an Express app: the Node listener mounted under a path. Express removes the mount
 * path before the listener sees the URL, so the handler needs no `basePath`; keep body parsers
 * such as `express.json()` off this path, since the handler reads bodies itself.
 */
import type { SerialClient } from '@serialkit/node-client';
import { createHandler, type HandlerOptions, toNodeListener } from '@serialkit/node-client/http';
import express from 'express';

export function expressApp(client: SerialClient, options: HandlerOptions): express.Express {
  const app = express();
  app.use('/serials-api', toNodeListener(createHandler(client, options)));
  return app; // app.listen(3000): POST http://localhost:3000/serials-api/v1/verify
}
