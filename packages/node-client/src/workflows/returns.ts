/**
 * Returns: does the returned unit belong to the order? Then accept it (restock, quarantine,
 * scrap) or reject it, with the reason recorded.
 */
import {
  type Issue,
  type PublicReturnCheck,
  type PublicReturnCheckRequest,
  publicReturnCheckRequestSchema,
  type ReturnAccept,
  type ReturnCheck,
  type ReturnCheckRequest,
  type ReturnReject,
  type ReturnVerdict,
  returnAcceptSchema,
  returnCheckRequestSchema,
  returnRejectSchema,
  type SerialEvent,
  type SerialEventType,
  type SerialRecord,
  type SerialStatus,
} from '@serialkit/core';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { ClientContext } from './context.js';
import { appendEvent, unitHistory } from './events.js';
import { parseInput } from './input.js';
import { resolveSerial } from './resolve.js';
import { shippedIn } from './unit-shipments.js';

/** Units of an order read to prove it; orders are rarely larger. */
const ORDER_UNITS_READ = 1000;

const DISPOSITIONS = {
  restock: { status: 'in_stock', event: 'restocked' },
  quarantine: { status: 'quarantined', event: 'quarantined' },
  scrap: { status: 'scrapped', event: 'scrapped' },
} as const satisfies Record<string, { status: SerialStatus; event: SerialEventType }>;

/** What a public return check tells the customer to do next. */
const NEXT_STEP = {
  match: 'send_back',
  mismatch: 'contact_support',
  unknown: 'check_serial',
  invalid: 'check_serial',
  already_returned: 'contact_support',
  order_not_found: 'check_order',
} as const satisfies Record<PublicReturnCheck['verdict'], PublicReturnCheck['next']>;

/**
 * What proves an order in the public return check: `email_or_postcode` (default) or `email`
 * only (postcodes are few and guessable; order ids are often sequential).
 */
export type PublicReturnProof = 'email' | 'email_or_postcode';

export interface ReturnsSettings {
  publicProof: PublicReturnProof;
}

export interface ReturnsResource {
  /**
   * Does this unit belong to this order? `match` (it left in this order), `mismatch` (it left in
   * another order, named in `shippedInOrderId`, or never left), `unknown` (never registered),
   * `invalid` (not a serial of the SKU's format; see `issues`), `already_returned`. Records a
   * `return_checked` event on the unit when it exists.
   *
   * @example
   * const { verdict } = await client.returns.check({ orderId: 'ORD-1001', serial: 'KB-2024-0000016' });
   */
  check(input: ReturnCheckRequest): Promise<ReturnCheck>;
  /**
   * The customer-facing check: the order must be proven with its email (any case, surrounding
   * spaces ignored) or, unless the client's `returns.publicProof` is `'email'`, its postcode (any
   * case or spacing); the whole value must match. Else `order_not_found`, which is also the answer
   * for orders that do not exist, so the check never confirms someone else's order. Never names
   * another order.
   *
   * @example
   * const { verdict, next } = await client.returns.checkPublic({
   *   orderId: 'ORD-1001', email: 'Ada@Example.com', serial: 'kb2024 0000016',
   * });
   */
  checkPublic(input: PublicReturnCheckRequest): Promise<PublicReturnCheck>;
  /**
   * Accepts a return whose check is `match`: the unit goes `shipped → returned`, then to
   * `in_stock`, `quarantined` or `scrapped` by disposition, with `returned` and
   * `restocked`/`quarantined`/`scrapped` events. Any other verdict is a `ConflictError` with
   * the verdict in `details` (a scanned GTIN that is not the given SKU's: a `ValidationError`
   * naming both). Returns the unit as stored afterwards.
   *
   * @example
   * await client.returns.accept({
   *   orderId: 'ORD-1001', serial: 'KB-2024-0000016', disposition: 'quarantine', reason: 'Dead key',
   * });
   */
  accept(input: ReturnAccept): Promise<SerialRecord>;
  /**
   * Rejects a return: records a `return_rejected` event with the reason; the unit's status is
   * unchanged. `NotFoundError` for unknown units. Returns the event.
   *
   * @example
   * await client.returns.reject({ orderId: 'ORD-1001', serial: 'KB-2024-0000099', reason: 'Not our unit' });
   */
  reject(input: ReturnReject): Promise<SerialEvent>;
}

interface Verdict {
  check: ReturnCheck;
  unit: SerialRecord | undefined;
}

export function returnsResource(ctx: ClientContext, settings: ReturnsSettings): ReturnsResource {
  return {
    async check(input) {
      const request = parseInput(returnCheckRequestSchema, input, 'return check');
      const verdict = await judge(ctx, request);
      if (verdict.unit) await recordCheck(ctx, verdict.check, verdict.unit, false);
      return verdict.check;
    },

    async checkPublic(input) {
      const request = parseInput(publicReturnCheckRequestSchema, input, 'return check');
      const orderUnits = await unitsOfOrder(ctx, request.orderId);
      const postcode = settings.publicProof === 'email' ? undefined : request.postcode;
      if (!proves(orderUnits, request.email, postcode)) {
        return { verdict: 'order_not_found', next: NEXT_STEP.order_not_found, issues: [] };
      }
      const verdict = await judge(ctx, { orderId: request.orderId, serial: request.serial });
      if (verdict.unit) await recordCheck(ctx, verdict.check, verdict.unit, true);
      return {
        verdict: verdict.check.verdict,
        next: NEXT_STEP[verdict.check.verdict],
        issues: verdict.check.issues ?? [],
      };
    },

    async accept(input) {
      const request = parseInput(returnAcceptSchema, input, 'return');
      const { check, unit } = await judge(ctx, request);
      if (check.verdict !== 'match' || !unit) throw refused(check);
      const at = ctx.nowIso();
      const disposition = DISPOSITIONS[request.disposition];
      const data = {
        orderId: request.orderId,
        disposition: request.disposition,
        // Stryker disable next-line ConditionalExpression: equivalent, event data is kept as JSON, where an undefined key is absent
        ...(request.reason === undefined ? {} : { reason: request.reason }),
      };
      // Two steps, each a compare-and-set: of concurrent accepts only one gets past `shipped`.
      // Should the second step fail, the unit rests in `returned`, a valid state.
      const received = await ctx.store.transition([
        {
          sku: unit.sku,
          serial: unit.serial,
          from: ['shipped'],
          to: 'returned',
          event: { type: 'returned', at, data },
        },
      ]);
      if (!received.ok) {
        // A refused transition names its failure.
        const current = received.failures[0]!.current;
        throw refused({ ...check, verdict: current ? 'already_returned' : 'unknown' });
      }
      const placed = await ctx.store.transition([
        {
          sku: unit.sku,
          serial: unit.serial,
          from: ['returned'],
          to: disposition.status,
          event: { type: disposition.event, at, data },
        },
      ]);
      if (!placed.ok) {
        throw new ConflictError(`Unit ${unit.serial} changed while its return was being accepted`, {
          details: {
            sku: unit.sku,
            serial: unit.serial,
            status: placed.failures[0]!.current?.status,
          },
        });
      }
      return placed.records[0]!;
    },

    async reject(input) {
      const request = parseInput(returnRejectSchema, input, 'return rejection');
      const { check, unit } = await judge(ctx, request);
      if (!unit) {
        if (check.verdict === 'invalid') throw refused(check);
        throw new NotFoundError(`Serial ${check.serial ?? request.serial} not found`, {
          details: { serial: check.serial ?? request.serial },
        });
      }
      return appendEvent(ctx, {
        sku: unit.sku,
        serial: unit.serial,
        type: 'return_rejected',
        at: ctx.nowIso(),
        data: { orderId: request.orderId, reason: request.reason, verdict: check.verdict },
      });
    },
  };
}

/** Units that left in this order (the last shipment recorded on each unit). */
async function unitsOfOrder(ctx: ClientContext, orderId: string): Promise<SerialRecord[]> {
  const page = await ctx.store.listSerials({ orderId }, { limit: ORDER_UNITS_READ });
  return page.items;
}

/** The order is proven when a unit of it went to a customer with this email or postcode. */
function proves(units: SerialRecord[], email: string | undefined, postcode: string | undefined) {
  const wantedEmail = email?.trim().toLowerCase();
  const wantedPostcode = postcode === undefined ? undefined : canonicalPostcode(postcode);
  return units.some((unit) => {
    // Stryker disable next-line OptionalChaining: equivalent, units listed by order id have a shipment
    const customer = unit.shipment?.customer;
    if (!customer) return false;
    if (wantedEmail && customer.email?.toLowerCase() === wantedEmail) return true;
    return Boolean(
      wantedPostcode &&
        customer.postcode !== undefined &&
        canonicalPostcode(customer.postcode) === wantedPostcode,
    );
  });
}

function canonicalPostcode(postcode: string): string {
  // Stryker disable next-line Regex,MethodExpression: equivalent, both sides are made canonical alike
  return postcode.replace(/\s+/g, '').toUpperCase();
}

/**
 * The verdict for a serial returned against an order. When the serial reads in several SKUs,
 * the unit of this order wins.
 */
async function judge(
  ctx: ClientContext,
  request: { orderId: string; serial: string; sku?: string | undefined },
): Promise<Verdict> {
  const base = { orderId: request.orderId };
  const resolution = await resolveSerial(ctx, request.serial, { sku: request.sku });
  switch (resolution.kind) {
    case 'invalid':
      return { check: { ...base, verdict: 'invalid', issues: resolution.issues }, unit: undefined };
    case 'unknown_sku':
      return {
        check: {
          ...base,
          verdict: 'invalid',
          issues: [unknownSkuIssue(resolution.sku)],
        },
        unit: undefined,
      };
    case 'unknown':
      return {
        check: { ...base, verdict: 'unknown', serial: resolution.serial },
        unit: undefined,
      };
    case 'found': {
      const unit =
        resolution.units.find((u) => u.shipment?.orderId === request.orderId) ??
        resolution.units[0]!;
      const found = { ...base, serial: unit.serial, sku: unit.sku };
      let verdict: ReturnVerdict;
      if (unit.shipment?.orderId === request.orderId) {
        verdict = unit.status === 'shipped' ? 'match' : 'already_returned';
      } else if (shippedIn(await unitHistory(ctx, unit), request.orderId)) {
        // It left in this order once, came back and left again (or waits in stock): the row
        // holds only its latest shipment, its history every one.
        verdict = 'already_returned';
      } else {
        verdict = 'mismatch';
      }
      return {
        check: {
          ...found,
          verdict,
          ...(verdict === 'mismatch' && unit.shipment
            ? { shippedInOrderId: unit.shipment.orderId }
            : {}),
        },
        unit,
      };
    }
  }
}

function unknownSkuIssue(sku: string): Issue {
  return { code: 'unknown_sku', message: `SKU ${sku} not found`, path: ['sku'] };
}

async function recordCheck(
  ctx: ClientContext,
  check: ReturnCheck,
  unit: SerialRecord,
  publicCheck: boolean,
) {
  await ctx.store.appendEvents([
    {
      sku: unit.sku,
      serial: unit.serial,
      type: 'return_checked',
      at: ctx.nowIso(),
      data: {
        orderId: check.orderId,
        verdict: check.verdict,
        ...(publicCheck ? { public: true } : {}),
      },
    },
  ]);
}

function refused(check: ReturnCheck): ConflictError | ValidationError {
  // A scanned GTIN that contradicts the SKU given is a mistake in the request, not a verdict.
  const mismatches = check.issues?.filter((issue) => issue.reason === 'gtin_mismatch') ?? [];
  if (mismatches.length > 0) {
    return new ValidationError('The scanned code is of another product than the SKU given', {
      issues: mismatches.map((issue) => ({ ...issue, path: ['serial'] })),
    });
  }
  return new ConflictError(`Return refused: the return check says ${check.verdict}`, {
    details: { ...check },
  });
}
