/**
 * Webhook routes: subscriptions, their delivery logs and dead letters, and replays. All need a
 * `write` key: subscriptions name the merchant's internal endpoints and hold signing secrets.
 */
import {
  pageSchema,
  webhookDeadLetterSchema,
  webhookDeliverySchema,
  webhookSubscriptionCreateSchema,
  webhookSubscriptionSchema,
  webhookSubscriptionUpdateSchema,
} from '@serialkit/core';
import { z } from 'zod';
import { empty, json } from '../response.js';
import { defineRoute, type Route } from '../route.js';
import type { ServedClient } from '../served-client.js';
import { pageOf, pageQuery } from './query.js';
import { err } from './responses.js';

const authErrors = [err(401, 'Missing or invalid API key'), err(403, 'Read-only API key')];
const writeErrors = [
  err(400, 'Malformed or invalid body'),
  ...authErrors,
  err(413, 'Body too large'),
  err(415, 'Body is not JSON'),
];
const notFound = err(404, 'No such subscription (or dead letter)');
const idParam = { id: 'Subscription id (`wh_…`)' };
const listQuery = z.object(pageQuery).transform(pageOf);

/** A new subscription's answer: the subscription and, once, its signing secret. */
const createdSchema = webhookSubscriptionSchema.extend({ secret: z.string() });

export function webhookRoutes(client: ServedClient): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/webhooks',
      operationId: 'createWebhook',
      summary: 'Subscribe a URL to event types (the signing secret is in this answer only)',
      tag: 'webhooks',
      access: 'write',
      body: webhookSubscriptionCreateSchema,
      idempotent: true,
      responses: [
        { status: 201, description: 'The subscription and its secret', schema: createdSchema },
        ...writeErrors,
      ],
      async handle({ body }) {
        return json(await client.webhooks.create(body), 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/webhooks',
      operationId: 'listWebhooks',
      summary: 'Every webhook subscription, oldest first',
      tag: 'webhooks',
      access: 'write',
      responses: [
        {
          status: 200,
          description: 'The subscriptions',
          schema: z.object({ items: z.array(webhookSubscriptionSchema) }),
        },
        ...authErrors,
      ],
      async handle() {
        return json({ items: await client.webhooks.list() });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/webhooks/:id',
      operationId: 'getWebhook',
      summary: 'A webhook subscription (without its secret)',
      tag: 'webhooks',
      access: 'write',
      params: idParam,
      responses: [
        { status: 200, description: 'The subscription', schema: webhookSubscriptionSchema },
        ...authErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(await client.webhooks.get(params.id!));
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/v1/webhooks/:id',
      operationId: 'updateWebhook',
      summary: 'Change a subscription: URL, event types, secret, enabled',
      tag: 'webhooks',
      access: 'write',
      params: idParam,
      body: webhookSubscriptionUpdateSchema,
      idempotent: true,
      responses: [
        { status: 200, description: 'The subscription', schema: webhookSubscriptionSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params, body }) {
        return json(await client.webhooks.update(params.id!, body));
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/v1/webhooks/:id',
      operationId: 'deleteWebhook',
      summary: 'Delete a subscription with its delivery log and dead letters',
      tag: 'webhooks',
      access: 'write',
      params: idParam,
      responses: [{ status: 204, description: 'Deleted' }, ...authErrors, notFound],
      async handle({ params }) {
        await client.webhooks.delete(params.id!);
        return empty(204);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/webhooks/:id/deliveries',
      operationId: 'listWebhookDeliveries',
      summary: 'Delivery attempts of a subscription, newest first (status, latency, error)',
      tag: 'webhooks',
      access: 'write',
      params: idParam,
      query: listQuery,
      responses: [
        {
          status: 200,
          description: 'A page of attempts',
          schema: pageSchema(webhookDeliverySchema),
        },
        err(400, 'Invalid query'),
        ...authErrors,
        notFound,
      ],
      async handle({ params, query }) {
        return json(await client.webhooks.deliveries(params.id!, query));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/webhooks/:id/dead-letters',
      operationId: 'listWebhookDeadLetters',
      summary: 'Messages given up after their retries, oldest first',
      tag: 'webhooks',
      access: 'write',
      params: idParam,
      query: listQuery,
      responses: [
        {
          status: 200,
          description: 'A page of dead letters',
          schema: pageSchema(webhookDeadLetterSchema),
        },
        err(400, 'Invalid query'),
        ...authErrors,
        notFound,
      ],
      async handle({ params, query }) {
        return json(await client.webhooks.deadLetters(params.id!, query));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/webhooks/:id/dead-letters/:messageId/replay',
      operationId: 'replayWebhookDeadLetter',
      summary: 'Send a dead letter again now (same webhook-id); removed when accepted',
      tag: 'webhooks',
      access: 'write',
      params: { ...idParam, messageId: 'The message id (`webhook-id`, `msg_…`)' },
      responses: [
        { status: 200, description: 'The attempt', schema: webhookDeliverySchema },
        ...authErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(await client.webhooks.replay(params.id!, params.messageId!));
      },
    }),
  ];
}
