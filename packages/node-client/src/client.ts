/**
 * `SerialClient`: every serialkit workflow on top of any `SerialStore`.
 */
import { randomBytes } from 'node:crypto';
import type { Locale } from '@serialkit/core';
import { z } from 'zod';
import { csvExportsResource, type ExportsResource } from './csv/export.js';
import { csvImportsResource, type ImportsResource } from './csv/import.js';
import type { SerialStore } from './store.js';
import { createContext } from './workflows/context.js';
import { type EventsResource, eventsResource } from './workflows/events.js';
import { type FormatsResource, formatsResource } from './workflows/format-hints.js';
import { parseInput } from './workflows/input.js';
import { type RecallsResource, recallsResource } from './workflows/recalls.js';
import {
  type PublicReturnProof,
  type ReturnsResource,
  returnsResource,
} from './workflows/returns.js';
import { type SerialsResource, serialsResource } from './workflows/serials.js';
import { type ShipmentsResource, shipmentsResource } from './workflows/shipments.js';
import { type SkusResource, skusResource } from './workflows/skus.js';
import {
  type SightingsResource,
  sightingsResource,
  type TraceFunction,
  traceFunction,
} from './workflows/trace.js';
import { type VerifyFunction, verifyFunction } from './workflows/verify.js';

/** Defaults of public verification's clone detection. */
const DEFAULT_WINDOW_MINUTES = 24 * 60;
const DEFAULT_MAX_FINGERPRINTS = 5;
/**
 * Used when no `verify.secret` is given: random per process, so stored fingerprints cannot be
 * recomputed from addresses, but a restart or a second process counts a client again. Set a
 * secret of your own (the same in every process sharing a store) in production. Drawn on first
 * use, not at import: edge runtimes (workerd) allow no random values in a module's global scope.
 */
let drawnSecret: string | undefined;
function processSecret(): string {
  drawnSecret ??= randomBytes(32).toString('base64url');
  return drawnSecret;
}

export interface SerialClientOptions {
  /** Where units, events and recalls live: `memoryStore()`, `sqliteStore(…)`, `postgresStore(…)`, `httpStore(…)`. */
  store: SerialStore;
  /** The clock, for tests and replays. Default `() => new Date()`. */
  now?: () => Date;
  /** Public verification's clone detection. */
  verify?: {
    /** Window over which distinct clients are counted. Default 1440 (24 h). */
    windowMinutes?: number;
    /**
     * More distinct clients (networks: /24 for IPv4, /64 for IPv6) than this in the window make a
     * unit suspicious. Default 5.
     */
    maxFingerprints?: number;
    /**
     * Answer `suspicious` (reason `not_shipped`) for a unit that has not shipped or came back.
     * Default false: a public answer then never tells which units are unsold.
     */
    flagUnshipped?: boolean;
    /**
     * Key of the HMAC-SHA256 that turns client fingerprints into opaque ids before they reach
     * the store. Use the same secret in every process sharing a
     * store. Default: random per process (counts restart with the process).
     */
    secret?: string;
  };
  /** The customer's return check. */
  returns?: {
    /**
     * What proves an order in `returns.checkPublic`: `'email_or_postcode'` (default) or
     * `'email'` only, for shops whose order ids are sequential and postcodes few.
     */
    publicProof?: PublicReturnProof;
  };
  /** Language of validation messages. Default 'en'. */
  locale?: Locale;
  /** Rows per store insert when registering. Default: the store's preferred batch size. */
  registerBatchSize?: number;
}

const storeSchema = z.custom<SerialStore>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SerialStore).insertSerials === 'function' &&
    typeof (value as SerialStore).transition === 'function' &&
    typeof (value as SerialStore).capabilities === 'object',
  { message: 'expected a SerialStore' },
);

const optionsSchema = z.strictObject({
  store: storeSchema,
  now: z
    .custom<() => Date>((value) => typeof value === 'function', { message: 'expected a function' })
    .optional(),
  verify: z
    .strictObject({
      windowMinutes: z
        .number()
        .positive()
        .max(366 * 24 * 60)
        .optional(),
      maxFingerprints: z.number().int().positive().optional(),
      flagUnshipped: z.boolean().optional(),
      secret: z.string().min(1).optional(),
    })
    .optional(),
  returns: z
    .strictObject({ publicProof: z.enum(['email', 'email_or_postcode']).optional() })
    .optional(),
  locale: z.enum(['en', 'de', 'fr', 'es']).optional(),
  registerBatchSize: z.number().int().positive().max(100_000).optional(),
});

/**
 * Every merchant workflow, resource by resource. Lists (`List<T>`) can be awaited for a page or
 * iterated with `for await`. Errors are `SerialkitError`s: `ValidationError` (with issues),
 * `NotFoundError`, `ConflictError` (with details).
 */
export interface SerialClient {
  /** SKU settings: tracking, format, uniqueness. */
  readonly skus: SkusResource;
  /** Register, generate, look up and list units. */
  readonly serials: SerialsResource;
  /** Ship units in orders, atomically. */
  readonly shipments: ShipmentsResource;
  /** Check, accept and reject returns. */
  readonly returns: ReturnsResource;
  /** Recall units and list whom to contact. */
  readonly recalls: RecallsResource;
  /** Where a unit went: the customer or account, sightings, history. */
  readonly trace: TraceFunction;
  /** Record where a unit was seen (e.g. on a marketplace). */
  readonly sightings: SightingsResource;
  /** Public verification: genuine, unknown, recalled, suspicious or invalid. */
  readonly verify: VerifyFunction;
  /** Format hints for storefront widgets. */
  readonly formats: FormatsResource;
  /** The event log and its EPCIS 2.0 export. */
  readonly events: EventsResource;
  /** CSV imports of units and shipments. */
  readonly imports: ImportsResource;
  /** CSV exports of units and events. */
  readonly exports: ExportsResource;
  /** Releases the store's connections. The client is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * Creates a client over a store. Options are checked: unknown keys are rejected.
 *
 * @example
 * import { createSerialClient, memoryStore } from '@serialkit/node-client';
 *
 * const client = createSerialClient({ store: memoryStore() });
 * await client.skus.update('KB-100', {
 *   name: 'Mechanical keyboard',
 *   serialTracking: { enabled: true, format: 'KB-{YYYY}-{D:6}{check:luhn}' },
 * });
 * await client.serials.generate('KB-100', 10, { mode: 'sequential' });
 */
export function createSerialClient(options: SerialClientOptions): SerialClient {
  const config = parseInput(optionsSchema, options, 'client options');
  const ctx = createContext({
    store: config.store,
    now: config.now ?? (() => new Date()),
    locale: config.locale ?? 'en',
    registerBatchSize: config.registerBatchSize,
    verify: {
      windowMinutes: config.verify?.windowMinutes ?? DEFAULT_WINDOW_MINUTES,
      maxFingerprints: config.verify?.maxFingerprints ?? DEFAULT_MAX_FINGERPRINTS,
      secret: config.verify?.secret ?? processSecret(),
    },
  });
  const skus = skusResource(ctx);
  const serials = serialsResource(ctx);
  const shipments = shipmentsResource(ctx);
  return {
    skus,
    serials,
    shipments,
    returns: returnsResource(ctx, {
      publicProof: config.returns?.publicProof ?? 'email_or_postcode',
    }),
    recalls: recallsResource(ctx),
    trace: traceFunction(ctx),
    sightings: sightingsResource(ctx),
    verify: verifyFunction(ctx, { flagUnshipped: config.verify?.flagUnshipped ?? false }),
    formats: formatsResource(ctx),
    events: eventsResource(ctx),
    imports: csvImportsResource(ctx, { shipments }),
    exports: csvExportsResource(ctx),
    close: () => config.store.close(),
  };
}
