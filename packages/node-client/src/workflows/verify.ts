/**
 * Public verification: is the unit in the customer's hands genuine? Answers never carry
 * personal data and have the same keys whatever the status.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import {
  type Issue,
  type SerialEvent,
  type SerialRecord,
  type VerifyResult,
  verifyRequestSchema,
} from '@serialkit/core';
import type { EventInsert } from '../store.js';
import type { ClientContext } from './context.js';
import { coverageOf, publicCoverage } from './coverage.js';
import { currentRegistration } from './events.js';
import { parseInput, requireString } from './input.js';
import { type Resolution, resolveSerial } from './resolve.js';
import { DurationSamples, waitFor } from './timing-padding.js';

type Reason = VerifyResult['reasons'][number];

/** Upper bound of "after it shipped" when looking for sightings. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';
const MAX_FINGERPRINT_LENGTH = 1000;

/**
 * Verifies a serial, or a GS1 Digital Link / element string (GTIN → SKU, AI 21 → serial):
 * - `invalid`: no tracked format reads the input (see `issues`);
 * - `unknown`: it reads as a serial, but no such unit is registered;
 * - `recalled`: the unit is under recall (`recall.notice`, `recall.url`);
 * - `suspicious`: `many_clients` (more distinct clients than `verify.maxFingerprints` in the
 *   window), `sighted_elsewhere` (seen, e.g. on a marketplace, after it shipped), `not_shipped`
 *   (customers verify a unit that has not left, or has come back; only with the client's
 *   `verify.flagUnshipped`, since it tells anyone which units are unsold);
 * - `genuine`.
 *
 * `sku` narrows the reading to that SKU's format when it is a tracked SKU (those are public
 * through the format hints); any other value is read as if no SKU was given, so the answer never
 * tells whether an untracked or unknown SKU id exists.
 *
 * `fingerprint` identifies the asking client (e.g. a hash of IP and user agent from the HTTP
 * handler); it is HMAC-hashed with the client's secret before it reaches the store.
 *
 * The event log stays small: a `verified` event is recorded only when a unit's outcome (status
 * and reasons) differs from its last recorded one, and a `flagged` event when it turns
 * suspicious. Volume is counted by the store's verification counters instead, which also keep
 * the last outcome, so a check never reads the unit's history.
 *
 * @example
 * const result = await client.verify('https://id.gs1.org/01/04012345678901/21/KB-2024-0000016', {
 *   fingerprint: hash(ip + userAgent),
 * });
 * if (result.status === 'recalled') showNotice(result.recall?.notice);
 */
export type VerifyFunction = (
  input: string,
  options: { fingerprint: string; sku?: string },
) => Promise<VerifyResult>;

export interface VerifyOptions {
  /** Answer `suspicious` / `not_shipped` for units that have not shipped. */
  flagUnshipped: boolean;
}

export function verifyFunction(ctx: ClientContext, settings: VerifyOptions): VerifyFunction {
  // Prepared once: turning the secret into a key on every check costs as much as the HMAC.
  // Stryker disable next-line StringLiteral: equivalent, an empty encoding name means utf8 too
  const secret = createSecretKey(Buffer.from(ctx.verify.secret, 'utf8'));
  const windowMs = ctx.verify.windowMinutes * 60_000;
  // A busy server checks many units within one millisecond: their timestamps are formatted once.
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, no clock reads NaN, so the first check formats its own
  let times = { at: Number.NaN, checkedAt: '', windowStart: '' };
  const knownWork = new DurationSamples();
  return async (input, options) => {
    const request = parseInput(
      verifyRequestSchema,
      // `sku: undefined` is an absent optional key to the schema.
      { input, sku: options?.sku },
      'verification',
    );
    const fingerprint = requireString(options?.fingerprint, 'fingerprint', MAX_FINGERPRINT_LENGTH);
    const now = ctx.now().getTime();
    // Stryker disable next-line ConditionalExpression: equivalent, formatting again gives the same strings
    if (now !== times.at) {
      times = {
        at: now,
        checkedAt: new Date(now).toISOString(),
        windowStart: new Date(now - windowMs).toISOString(),
      };
    }
    const { checkedAt, windowStart } = times;

    // Hashed whether or not the unit exists, like the rest of the work both kinds share.
    const client = hashFingerprint(secret, fingerprint);
    const sku =
      request.sku !== undefined && (await ctx.catalog.snapshot()).get(request.sku)
        ? request.sku
        : undefined;
    const resolution = publicResolution(await resolveSerial(ctx, request.input, { sku }));
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent but for time, a found unit would wait a sample before the same answer
    if (resolution.kind !== 'found') {
      // No counter to write: wait as long as that work took for a recent known unit, so that an
      // answer's time does not tell whether the unit exists.
      await waitFor(knownWork.sample());
      switch (resolution.kind) {
        case 'invalid':
          return answer('invalid', checkedAt, { issues: publicIssues(resolution.issues) });
        // Stryker disable next-line ConditionalExpression: equivalent, falling through answers the same (an unknown_sku has no serial)
        case 'unknown_sku':
          return answer('unknown', checkedAt);
        case 'unknown':
          return answer('unknown', checkedAt, { serial: resolution.serial });
      }
    }

    const workStarted = performance.now();
    return answerFound(resolution.units, client, checkedAt, windowStart).finally(
      // Stryker disable next-line ArrowFunction: equivalent but for time (unknown units would answer without padding); the benchmark measures it
      () => knownWork.add(performance.now() - workStarted),
    );
  };

  /** The answer for registered units: counters, outcome, recall, sightings. */
  async function answerFound(
    units: SerialRecord[],
    client: string,
    checkedAt: string,
    windowStart: string,
  ): Promise<VerifyResult> {
    // Several SKUs may share a serial; a recall on any of them must not be hidden.
    const unit = units.find((u) => u.recallId !== undefined) ?? units[0]!;
    const recalled = unit.recallId !== undefined;
    const [counts, name, recall, sighted, coverage] = await Promise.all([
      ctx.store.recordVerification({
        sku: unit.sku,
        serial: unit.serial,
        fingerprint: client,
        at: checkedAt,
        windowStart: countedSince(unit, windowStart),
      }),
      productName(ctx, unit.sku),
      unit.recallId === undefined ? null : ctx.recallCache.get(unit.recallId),
      recalled || !unit.shipment ? false : sightedAfterShipping(ctx, unit),
      unitCoverage(unit),
    ]);
    const product = { sku: unit.sku, name };

    if (recalled) {
      await recordOutcome(ctx, unit, 'recalled', [], checkedAt, counts.outcome);
      return answer('recalled', checkedAt, {
        serial: unit.serial,
        product,
        recall: {
          notice: recall?.notice ?? 'This product has been recalled',
          url: recall?.url ?? null,
        },
        coverage,
      });
    }

    const reasons: Reason[] = [];
    if (counts.distinctFingerprints > ctx.verify.maxFingerprints) reasons.push('many_clients');
    if (sighted) reasons.push('sighted_elsewhere');
    if (settings.flagUnshipped && unit.status !== 'shipped') reasons.push('not_shipped');
    const status = reasons.length > 0 ? 'suspicious' : 'genuine';
    await recordOutcome(ctx, unit, status, reasons, checkedAt, counts.outcome);
    return answer(status, checkedAt, { serial: unit.serial, product, reasons, coverage });
  }

  /** The public form of the unit's coverage (SKUs come from the catalog when tracked). */
  async function unitCoverage(unit: SerialRecord): Promise<VerifyResult['coverage']> {
    const sku = (await ctx.catalog.snapshot()).get(unit.sku) ?? (await ctx.store.getSku(unit.sku));
    return publicCoverage(sku, await coverageOf(ctx, sku, unit));
  }
}

/** An answer with every key, whatever the status. */
function answer(
  status: VerifyResult['status'],
  checkedAt: string,
  fields: Partial<Omit<VerifyResult, 'status' | 'checkedAt'>> = {},
): VerifyResult {
  return {
    status,
    serial: fields.serial ?? null,
    product: fields.product ?? null,
    recall: fields.recall ?? null,
    reasons: fields.reasons ?? [],
    issues: fields.issues ?? [],
    coverage: fields.coverage ?? null,
    checkedAt,
  };
}

/** An opaque id for a client: HMAC-SHA256 under the client's secret, hex. */
export function hashFingerprint(secret: string | KeyObject, fingerprint: string): string {
  return createHmac('sha256', secret).update(fingerprint).digest('hex');
}

/**
 * Format issues as customers see them: only what concerns their input. A scanned GTIN of another
 * SKU is said without naming SKUs or their GTINs (the catalog is not the public's to probe).
 */
function publicIssues(issues: Issue[]): Issue[] {
  return issues.map(({ path: _path, ...issue }) => {
    if (issue.reason !== 'gtin_mismatch') return issue;
    const {
      skus: _skus,
      gtin: _gtin,
      ...rest
    } = issue as Issue & { skus?: unknown; gtin?: unknown };
    return { ...rest, message: 'The scanned code is of another product' };
  });
}

/** The SKU's name from the catalog snapshot (tracked SKUs), else from the store. */
async function productName(ctx: ClientContext, skuId: string): Promise<string> {
  const sku = (await ctx.catalog.snapshot()).get(skuId) ?? (await ctx.store.getSku(skuId));
  // Stryker disable next-line OptionalChaining: equivalent, a registered unit's SKU exists
  return sku?.name ?? skuId;
}

async function sightedAfterShipping(ctx: ClientContext, unit: SerialRecord): Promise<boolean> {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent, the only caller asks for shipped units only
  if (!unit.shipment) return false;
  const page = await ctx.store.listEvents(
    {
      sku: unit.sku,
      serial: unit.serial,
      type: 'sighted',
      between: { from: unit.shipment.shippedAt, to: END_OF_TIME },
    },
    // Stryker disable next-line ObjectLiteral: equivalent, only whether the page is empty is read
    { limit: 1 },
  );
  return page.items.length > 0;
}

/**
 * Where the unit's distinct clients are counted from: the window's start, or the unit's
 * registration when later. The counters of a serial freed by a void and registered again hold
 * the voided unit's clients, who verified it before the new unit was registered: they are not
 * the new unit's (the same rule as its history, see `currentRegistration`).
 */
function countedSince(unit: Pick<SerialRecord, 'registeredAt'>, windowStart: string): string {
  return Date.parse(unit.registeredAt) > Date.parse(windowStart) ? unit.registeredAt : windowStart;
}

/** How often a compare-and-set of the outcome is retried when concurrent checks change it. */
const OUTCOME_ATTEMPTS = 3;

/**
 * Appends `verified` when the outcome differs from the unit's last recorded one, and `flagged`
 * when it becomes suspicious. `recorded` is the outcome the store keeps beside the counters
 * (see `SerialStore.setVerificationOutcome`); stores without it leave it undefined, and the last
 * outcome is then read from the unit's `verified` events.
 */
async function recordOutcome(
  ctx: ClientContext,
  unit: SerialRecord,
  status: VerifyResult['status'],
  reasons: Reason[],
  at: string,
  recorded: string | null | undefined,
): Promise<void> {
  const outcome = [status, ...reasons].join(' ');
  const data = { outcome, status, reasons };

  const { store } = ctx;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a store returns an outcome exactly when it has setVerificationOutcome (the SerialStore contract)
  if (recorded !== undefined && store.setVerificationOutcome) {
    let from = recorded;
    for (let attempt = 0; attempt < OUTCOME_ATTEMPTS && from !== outcome; attempt++) {
      const change = { sku: unit.sku, serial: unit.serial, from, to: outcome, at };
      const events = outcomeEvents(unit, data, at, from);
      const result = await store.setVerificationOutcome({ ...change, events });
      if (result.applied) return;
      // Another check changed it meanwhile: log the change from what it is now.
      from = result.outcome;
    }
    return;
  }

  const last = await lastLoggedOutcome(ctx, unit);
  if (last === outcome) return;
  await store.appendEvents(outcomeEvents(unit, data, at, last));
}

/** `verified` with the new outcome, and `flagged` when it turns suspicious from `last`. */
function outcomeEvents(
  unit: SerialRecord,
  data: { outcome: string; status: VerifyResult['status']; reasons: Reason[] },
  at: string,
  last: string | null | undefined,
): EventInsert[] {
  const events: EventInsert[] = [
    { sku: unit.sku, serial: unit.serial, type: 'verified', at, data },
  ];
  const wasSuspicious = last?.startsWith('suspicious') ?? false;
  if (data.status === 'suspicious' && !wasSuspicious) {
    events.push({ sku: unit.sku, serial: unit.serial, type: 'flagged', at, data });
  }
  return events;
}

/** The outcome of the unit's last `verified` event, for stores that do not keep outcomes. */
async function lastLoggedOutcome(
  ctx: ClientContext,
  unit: SerialRecord,
): Promise<string | undefined> {
  const events: SerialEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.store.listEvents(
      { sku: unit.sku, serial: unit.serial, type: ['verified', 'voided'] },
      { cursor, limit: 1000 },
    );
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  // Only the unit's own registration: a voided unit's outcome is not the new unit's.
  const data = currentRegistration(events).findLast((event) => event.type === 'verified')?.data;
  // Stryker disable next-line ConditionalExpression: equivalent, an outcome that is not a string differs from the new one as undefined does
  return typeof data?.outcome === 'string' ? data.outcome : undefined;
}

/** A voided unit was never a product: the public answer is that of an unregistered serial. */
function publicResolution(resolution: Resolution): Resolution {
  if (resolution.kind !== 'found') return resolution;
  const units = resolution.units.filter((unit) => unit.status !== 'voided');
  if (units.length > 0) return { ...resolution, units };
  // Stryker disable next-line ArrayDeclaration: equivalent, verify's unknown answer names no SKU
  return { kind: 'unknown', serial: resolution.serial, skus: [] };
}
