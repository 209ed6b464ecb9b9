/** The documented error answers route definitions share (each is `errorBodySchema`). */
import { errorBodySchema } from '@serialkit/core';
import type { RouteResponse } from '../route.js';

/** An error answer of a route: its status and when it is sent. */
export const err = (status: number, description: string): RouteResponse => ({
  status,
  description,
  schema: errorBodySchema,
});

/** The errors of every route that reads with an API key. */
export const readErrors = [err(400, 'Invalid query'), err(401, 'Missing or invalid API key')];
