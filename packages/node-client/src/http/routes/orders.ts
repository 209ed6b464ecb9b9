/**
 * Order routes: create, list and read orders, pick units by scan, ship against the lines, and
 * cancel orders and shipments. Admin only (API key; `write` scope for changes). Refused picks are
 * answers (200), not errors: a pack station shows them as they come.
 */
import {
  orderCreateSchema,
  orderSchema,
  orderShipSchema,
  orderStatusSchema,
  pageSchema,
  pickRequestSchema,
  pickResultSchema,
  shipmentSchema,
} from '@serialkit/core';
import { z } from 'zod';
import { json } from '../response.js';
import { defineRoute, type Route } from '../route.js';
import type { ServedClient } from '../served-client.js';
import { pageOf, pageQuery } from './query.js';
import { err, readErrors } from './responses.js';

const writeErrors = [
  err(400, 'Malformed or invalid body'),
  err(401, 'Missing or invalid API key'),
  err(403, 'Read-only API key'),
  err(409, "The order's state forbids this change"),
  err(413, 'Body too large'),
  err(415, 'Body is not JSON'),
];
const notFound = err(404, 'Order (or SKU, shipment, pick) not found');
const orderParam = { id: 'Order id (percent-encoded)' };
/** Bodies of order routes stay small: 1,000 lines of short SKU ids fit easily. */
const MAX_ORDER_BODY_BYTES = 256 * 1024;

const text = z.string().min(1).max(200);
export const orderListQuery = z
  .object({ status: orderStatusSchema.optional(), sku: text.optional(), ...pageQuery })
  .transform((q) => ({
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(q.sku === undefined ? {} : { sku: q.sku }),
    ...pageOf(q),
  }));

const orderShipResultSchema = z.object({ order: orderSchema, shipment: shipmentSchema });

export function orderRoutes(client: ServedClient): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/orders',
      operationId: 'createOrder',
      summary: 'Create an order to pack (lines of SKU and quantity, a customer or an account)',
      tag: 'orders',
      access: 'write',
      body: orderCreateSchema,
      maxBodyBytes: MAX_ORDER_BODY_BYTES,
      idempotent: true,
      responses: [
        { status: 201, description: 'The order', schema: orderSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ body }) {
        return json(await client.orders.create(body), 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/orders',
      operationId: 'listOrders',
      summary: 'Orders, newest first, by status and SKU',
      tag: 'orders',
      access: 'read',
      query: orderListQuery,
      responses: [
        { status: 200, description: 'A page of orders', schema: pageSchema(orderSchema) },
        ...readErrors,
      ],
      async handle({ query }) {
        return json(await client.orders.list(query));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/orders/:id',
      operationId: 'getOrder',
      summary: 'An order with its lines, picks and shipments',
      tag: 'orders',
      access: 'read',
      params: orderParam,
      responses: [
        { status: 200, description: 'The order', schema: orderSchema },
        ...readErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(await client.orders.get(params.id!));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/orders/:id/cancel',
      operationId: 'cancelOrder',
      summary: 'Cancel an open order; its picked units go back to stock',
      tag: 'orders',
      access: 'write',
      params: orderParam,
      idempotent: true,
      responses: [
        { status: 200, description: 'The order', schema: orderSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(await client.orders.cancel(params.id!));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/orders/:id/picks',
      operationId: 'pickUnit',
      summary: 'Pick a unit for the order by what was typed or scanned (refusals answer 200)',
      description:
        'The input may be a serial, a GS1 element string, a bracketed string or a Digital Link. ' +
        '`outcome` is `accepted` or why the unit was refused.',
      tag: 'orders',
      access: 'write',
      params: orderParam,
      body: pickRequestSchema,
      maxBodyBytes: 8 * 1024,
      idempotent: true,
      responses: [
        { status: 200, description: 'What the scan came to', schema: pickResultSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params, body }) {
        const options = body.sku === undefined ? {} : { sku: body.sku };
        return json(await client.orders.pick(params.id!, body.input, options));
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/v1/orders/:id/picks/:sku/:serial',
      operationId: 'unpickUnit',
      summary: 'Give a picked unit back to stock',
      tag: 'orders',
      access: 'write',
      params: { ...orderParam, sku: 'SKU id', serial: 'Canonical serial (percent-encoded)' },
      idempotent: true,
      responses: [
        { status: 200, description: 'The order', schema: orderSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(
          await client.orders.unpick(params.id!, { sku: params.sku!, serial: params.serial! }),
        );
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/orders/:id/ship',
      operationId: 'shipOrder',
      summary: 'Ship the picked units and untracked quantities against the lines',
      description:
        'Without `partial: true` every line must be complete (409 `order_incomplete`, with the ' +
        'missing quantity per line in `details.lines`).',
      tag: 'orders',
      access: 'write',
      params: orderParam,
      body: orderShipSchema,
      maxBodyBytes: MAX_ORDER_BODY_BYTES,
      idempotent: true,
      responses: [
        { status: 201, description: 'The order and the shipment', schema: orderShipResultSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params, body }) {
        return json(await client.orders.ship(params.id!, body), 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/orders/:id/shipments/:shipmentId/cancel',
      operationId: 'cancelOrderShipment',
      summary: "Cancel a shipment: its units go back to stock and the order's lines reopen",
      tag: 'orders',
      access: 'write',
      params: { ...orderParam, shipmentId: 'Shipment id' },
      idempotent: true,
      responses: [
        { status: 200, description: 'The order', schema: orderSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(await client.orders.cancelShipment(params.id!, params.shipmentId!));
      },
    }),
  ];
}
