/**
 * Routes the merchant console needs beyond the workflows' own: a recall's preview (the count, by
 * status, of the units a selection would recall, before it is created) and the overview's
 * numbers. Admin routes: an API key with read scope.
 */
import {
  overviewStatsSchema,
  recallPreviewRequestSchema,
  recallPreviewSchema,
} from '@serialkit/core';
import { z } from 'zod';
import { MAX_STATS_DAYS } from '../../workflows/stats.js';
import { json } from '../response.js';
import { defineRoute, type Route } from '../route.js';
import type { ServedClient } from '../served-client.js';
import { err } from './responses.js';

const statsQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(MAX_STATS_DAYS).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export function consoleRoutes(client: ServedClient): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/recalls/preview',
      operationId: 'previewRecall',
      summary:
        'How many units a recall with this selection would mark, by status (nothing changes)',
      tag: 'recalls',
      access: 'read',
      body: recallPreviewRequestSchema,
      maxBodyBytes: 64 * 1024,
      responses: [
        { status: 200, description: 'The count by status', schema: recallPreviewSchema },
        err(400, 'Malformed or invalid body'),
        err(401, 'Missing or invalid API key'),
        err(404, 'Unknown SKU'),
        err(413, 'Body too large'),
        err(415, 'Body is not JSON'),
      ],
      async handle({ body }) {
        return json(await client.recalls.preview(body));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/stats',
      operationId: 'overviewStats',
      summary:
        'The overview: units by status, verification outcomes per day, flags, return mismatches, open recalls',
      tag: 'stats',
      access: 'read',
      query: statsQuery,
      responses: [
        { status: 200, description: 'The numbers', schema: overviewStatsSchema },
        err(400, 'Invalid query'),
        err(401, 'Missing or invalid API key'),
      ],
      async handle({ query }) {
        return json(
          await client.stats.overview({
            ...(query.days === undefined ? {} : { days: query.days }),
            ...(query.to === undefined ? {} : { to: query.to }),
          }),
        );
      },
    }),
  ];
}
