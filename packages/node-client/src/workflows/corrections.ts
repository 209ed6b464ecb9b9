/**
 * Corrections: the mistakes a warehouse undoes. Release a quarantined unit (to stock or scrap),
 * lift a recall for a unit found unaffected, void a unit registered by mistake, edit a unit's lot
 * and dates. Which unit states allow each is written once, in core's `CORRECTION_RULES`; each correction
 * is one compare-and-set in the store with its event, so a unit that changed meanwhile is never
 * corrected on stale facts.
 */
import {
  CORRECTION_RULES,
  type Correction,
  correctionAllowed,
  type RecallLiftInput,
  type ReleaseInput,
  recallLiftInputSchema,
  releaseInputSchema,
  type SerialRecord,
  type Sku,
  type UnitEditInput,
  unitEditInputSchema,
  type VoidInput,
  type VoidResult,
  voidInputSchema,
} from '@serialkit/core';
import { ConflictError, ValidationError } from '../errors.js';
import type { AmendmentResult, SerialDetails } from '../store.js';
import type { ClientContext } from './context.js';
import { parseInput, requireString, toDateOrTimestamp } from './input.js';
import { requireUnit } from './resolve.js';

/**
 * Whether voiding a unit of this SKU frees its serial for a new registration. A SKU whose
 * format numbers units from a sequence (`{seq:N}`) never issues a number twice, so its voided
 * units keep their serial (status `voided`); any other SKU's serials come from the product's
 * label, and the unit registered by mistake must be registrable again, correctly.
 */
export function voidFreesSerial(ctx: ClientContext, sku: Sku): boolean {
  try {
    return !ctx.formats.of(sku).tokens.some((token) => token.kind === 'seq');
  } catch {
    return true; // no format (or one that no longer compiles): nothing numbers its units
  }
}

export interface CorrectionsResource {
  /**
   * Releases a quarantined unit to stock (event `released`) or scraps it (event `scrapped`).
   * `ConflictError` (details.reason `not_quarantined`) for a unit in any other state.
   *
   * @example
   * await client.corrections.release('KB-2024-0000016', { to: 'in_stock', reason: 'Key replaced' });
   */
  release(serial: string, input: ReleaseInput): Promise<SerialRecord>;
  /**
   * Takes one unit out of its recall, found not affected (event `recall_lifted`, with the recall
   * id). The recall itself stays open. `ConflictError` (`not_recalled`) when it is under none.
   *
   * @example
   * await client.corrections.liftRecall('KB-2024-0000016', { reason: 'Board revision B' });
   */
  liftRecall(serial: string, input: RecallLiftInput): Promise<SerialRecord>;
  /**
   * Voids a unit registered by mistake (event `voided`, with what was registered). Only units in
   * stock or in quarantine (`ConflictError` `not_voidable` otherwise). The serial is freed for a
   * new registration unless the SKU numbers its units from a sequence (see `voidFreesSerial`);
   * the unit's history stays in the event log either way.
   *
   * @example
   * const { freed } = await client.corrections.void('KB-2024-0000016', { reason: 'Typo' });
   */
  void(serial: string, input: VoidInput): Promise<VoidResult>;
  /**
   * Sets a unit's lot and dates (omitted: kept, null: cleared); the event `corrected` holds the
   * old and new values. `ConflictError` (`voided`) for a voided unit.
   *
   * @example
   * await client.corrections.edit('KB-2024-0000016', { lot: 'L-7', manufacturedAt: '2024-03-02' });
   */
  edit(serial: string, input: UnitEditInput): Promise<SerialRecord>;
}

export function correctionsResource(ctx: ClientContext): CorrectionsResource {
  /** The unit, checked against the correction's rule. */
  async function unitFor(
    correction: Correction,
    serial: string,
    sku: string | undefined,
  ): Promise<SerialRecord> {
    const unit = await requireUnit(ctx, requireString(serial, 'serial'), sku);
    if (!correctionAllowed(correction, unit)) throw refused(correction, unit);
    return unit;
  }

  /** The amended unit, or why not: the rule again against the unit as it is now. */
  function settle(correction: Correction, unit: SerialRecord, result: AmendmentResult) {
    if (result.ok) return result.record;
    const current = result.current;
    if (current && !correctionAllowed(correction, current)) throw refused(correction, current);
    throw new ConflictError(`Unit ${unit.serial} changed while it was being corrected; try again`, {
      details: { sku: unit.sku, serial: unit.serial, reason: 'changed', status: current?.status },
    });
  }

  return {
    async release(serial, input) {
      const options = parseInput(releaseInputSchema, input, 'release');
      const unit = await unitFor('release', serial, options.sku);
      const result = await ctx.store.amendSerial({
        sku: unit.sku,
        serial: unit.serial,
        from: ['quarantined'],
        set: { status: options.to },
        event: {
          type: options.to === 'in_stock' ? 'released' : 'scrapped',
          at: ctx.nowIso(),
          data: withReason({ from: 'quarantined' }, options.reason),
        },
      });
      return settle('release', unit, result) as SerialRecord;
    },

    async liftRecall(serial, input) {
      const options = parseInput(recallLiftInputSchema, input, 'recall lift');
      const unit = await unitFor('liftRecall', serial, options.sku);
      const transition = await ctx.store.transition([
        {
          sku: unit.sku,
          serial: unit.serial,
          from: [unit.status],
          recalled: true,
          to: unit.status,
          set: { recallId: null },
          event: {
            type: 'recall_lifted',
            at: ctx.nowIso(),
            data: withReason({ recallId: unit.recallId }, options.reason),
          },
        },
      ]);
      if (transition.ok) return transition.records[0] as SerialRecord;
      return settle('liftRecall', unit, {
        ok: false,
        current: transition.failures[0]?.current ?? null,
      }) as SerialRecord;
    },

    async void(serial, input) {
      const options = parseInput(voidInputSchema, input, 'void');
      const unit = await unitFor('void', serial, options.sku);
      const sku = await ctx.requireSku(unit.sku);
      const freed = voidFreesSerial(ctx, sku);
      const result = await ctx.store.amendSerial({
        sku: unit.sku,
        serial: unit.serial,
        from: [...CORRECTION_RULES.void.from],
        ...(freed ? { remove: true } : { set: { status: 'voided' as const } }),
        event: {
          type: 'voided',
          at: ctx.nowIso(),
          data: withReason({ freed, unit: registration(unit) }, options.reason),
        },
      });
      const record = settle('void', unit, result);
      return record
        ? { sku: unit.sku, serial: unit.serial, freed, unit: record }
        : { sku: unit.sku, serial: unit.serial, freed };
    },

    async edit(serial, input) {
      const options = parseInput(unitEditInputSchema, input, 'unit edit');
      const set = {
        ...(options.lot !== undefined && { lot: options.lot }),
        ...(options.manufacturedAt !== undefined && {
          manufacturedAt: dateField(options.manufacturedAt, 'manufacturedAt'),
        }),
        ...(options.receivedAt !== undefined && {
          receivedAt: dateField(options.receivedAt, 'receivedAt'),
        }),
      };
      if (Object.keys(set).length === 0) {
        throw new ValidationError('Nothing to edit', {
          issues: [
            {
              code: 'nothing_to_edit',
              message: 'Give lot, manufacturedAt or receivedAt',
              path: [],
            },
          ],
        });
      }
      const unit = await unitFor('edit', serial, options.sku);
      const before = details(unit);
      const changed = Object.keys(set) as (keyof SerialDetails)[];
      const result = await ctx.store.amendSerial({
        sku: unit.sku,
        serial: unit.serial,
        from: [...CORRECTION_RULES.edit.from],
        expect: before,
        set,
        event: {
          type: 'corrected',
          at: ctx.nowIso(),
          data: withReason(
            {
              before: pick(before, changed),
              after: Object.fromEntries(changed.map((field) => [field, set[field] ?? null])),
            },
            options.reason,
          ),
        },
      });
      return settle('edit', unit, result) as SerialRecord;
    },
  };
}

function refused(correction: Correction, unit: SerialRecord): ConflictError {
  const reason = CORRECTION_RULES[correction].refusal;
  const what: Record<Correction, string> = {
    release: 'only a quarantined unit can be released',
    liftRecall: 'the unit is under no recall',
    void: 'only a unit in stock or in quarantine can be voided',
    edit: 'a voided unit cannot be edited',
  };
  return new ConflictError(`Unit ${unit.serial} is ${unit.status}: ${what[correction]}`, {
    details: {
      sku: unit.sku,
      serial: unit.serial,
      status: unit.status,
      recalled: unit.recallId !== undefined,
      reason,
    },
  });
}

function details(unit: SerialRecord): SerialDetails {
  return {
    ...(unit.lot !== undefined && { lot: unit.lot }),
    ...(unit.manufacturedAt !== undefined && { manufacturedAt: unit.manufacturedAt }),
    ...(unit.receivedAt !== undefined && { receivedAt: unit.receivedAt }),
  };
}

/** The old values of the changed fields (null: it had none). */
function pick(before: SerialDetails, fields: (keyof SerialDetails)[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, before[field] ?? null]));
}

/** What was registered, kept in the `voided` event so the history still tells it. */
function registration(unit: SerialRecord): Record<string, unknown> {
  return { status: unit.status, registeredAt: unit.registeredAt, ...details(unit) };
}

function dateField(value: string | null, field: string): string | null {
  if (value === null) return null;
  const date = toDateOrTimestamp(value);
  if (date === null) {
    throw new ValidationError('Invalid date', {
      issues: [{ code: 'invalid_date', message: 'This date does not exist', path: [field] }],
    });
  }
  return date;
}

function withReason(
  data: Record<string, unknown>,
  reason: string | undefined,
): Record<string, unknown> {
  return reason === undefined ? data : { ...data, reason };
}
