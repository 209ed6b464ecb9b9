/**
 * Correction routes (write keys): release from quarantine, lift a unit's recall, void a unit,
 * edit its lot and dates. The unit is named in the body (`serial`, and `sku` when ambiguous),
 * so scanned Digital Links need no path encoding.
 */
import {
  recallLiftRequestSchema,
  releaseRequestSchema,
  serialRecordSchema,
  unitEditRequestSchema,
  voidRequestSchema,
  voidResultSchema,
} from '@serialkit/core';
import type { z } from 'zod';
import { json } from '../response.js';
import { defineRoute, type Route } from '../route.js';
import type { ServedClient } from '../served-client.js';
import { err } from './responses.js';

const errors = [
  err(400, 'Malformed or invalid body'),
  err(401, 'Missing or invalid API key'),
  err(403, 'Read-only API key'),
  err(404, 'No such unit or SKU'),
  err(409, "The unit's state does not allow this correction (details.reason says why)"),
  err(413, 'Body too large'),
  err(415, 'Body is not JSON'),
];

function correction<B extends z.ZodType, R extends z.ZodType>(spec: {
  path: string;
  operationId: string;
  summary: string;
  body: B;
  result: R;
  description: string;
  handle: (body: z.output<B>) => Promise<z.output<R>>;
}): Route {
  return defineRoute({
    method: 'POST',
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    tag: 'serials',
    access: 'write',
    body: spec.body,
    idempotent: true,
    responses: [{ status: 200, description: spec.description, schema: spec.result }, ...errors],
    async handle({ body }) {
      return json(await spec.handle(body as z.output<B>));
    },
  }) as Route;
}

export function correctionRoutes(client: ServedClient): Route[] {
  return [
    correction({
      path: '/v1/corrections/release',
      operationId: 'releaseUnit',
      summary: 'Release a quarantined unit to stock, or scrap it',
      body: releaseRequestSchema,
      result: serialRecordSchema,
      description: 'The unit after its release',
      handle: ({ serial, ...input }) => client.corrections.release(serial, input),
    }),
    correction({
      path: '/v1/corrections/lift-recall',
      operationId: 'liftUnitRecall',
      summary: 'Take one unit out of its recall (found not affected)',
      body: recallLiftRequestSchema,
      result: serialRecordSchema,
      description: 'The unit, under no recall',
      handle: ({ serial, ...input }) => client.corrections.liftRecall(serial, input),
    }),
    correction({
      path: '/v1/corrections/void',
      operationId: 'voidUnit',
      summary: 'Void a unit registered by mistake',
      body: voidRequestSchema,
      result: voidResultSchema,
      description: 'Whether the serial was freed for a new registration',
      handle: ({ serial, ...input }) => client.corrections.void(serial, input),
    }),
    correction({
      path: '/v1/corrections/edit',
      operationId: 'editUnit',
      summary: "Edit a unit's lot and dates (the old values are kept in its history)",
      body: unitEditRequestSchema,
      result: serialRecordSchema,
      description: 'The unit after the edit',
      handle: ({ serial, ...input }) => client.corrections.edit(serial, input),
    }),
  ];
}
