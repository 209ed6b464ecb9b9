/** Units: register (stream of rows), generate, look up, list. */
import {
  type GenerateRequest,
  generateRequestSchema,
  type Issue,
  type Lookup,
  type RegisterRow,
  type RegisterRowResult,
  type RegisterSummary,
  type SerialRecord,
  type SerialSuggestions,
} from '@serialkit/core';
import { z } from 'zod';
import { ConflictError, ValidationError } from '../errors.js';
import type { PageOptions, SerialFilter, SerialInsert } from '../store.js';
import type { ClientContext } from './context.js';
import { coverageOf } from './coverage.js';
import { unitHistory } from './events.js';
import { MAX_SERIAL_INPUT_LENGTH, parseInput, requireString, wireIssues } from './input.js';
import { createList, type List } from './list.js';
import {
  insertsOf,
  type RowDetails,
  readDate,
  readRow,
  requireTrackedSku,
  rowIssue,
} from './register-rows.js';
import { Registrar } from './registrar.js';
import { requireUnit } from './resolve.js';
import { readScanned } from './scanned.js';
import { SequenceCounters, type SequenceRun, sequencePeriod } from './sequences.js';
import { orderedFilter } from './serial-ranges.js';
import { suggestUnits } from './serial-suggestions.js';
import { isFreeForm } from './sku-formats.js';
import { shipmentsOf } from './unit-shipments.js';

/** Rejected rows kept in a registration summary unless `maxRejected` says otherwise. */
const DEFAULT_MAX_REJECTED = 1000;
/** Rounds of regeneration for serials that collided with existing ones. */
const MAX_GENERATE_ROUNDS = 100;

export interface RegisterOptions {
  /** Called after each stored batch with the number of input rows processed so far. */
  onProgress?(done: number): void;
  /** Rejected rows listed in the summary (all are counted). Default 1000. */
  maxRejected?: number;
}

export interface GenerateOptions {
  /**
   * 'sequential' numbers units from the store's counter of the SKU and period (see
   * `serials.generate`); 'random' is non-guessable.
   */
  mode?: 'sequential' | 'random';
  lot?: string;
  /** Manufacture date recorded on each unit and used for the format's date parts. */
  manufacturedAt?: string;
}

/** What `serials.generate` answers; the HTTP API documents its answer with this schema. */
export const generatedSerialsSchema = z.object({ sku: z.string(), serials: z.array(z.string()) });

export type GeneratedSerials = z.infer<typeof generatedSerialsSchema>;

export interface SerialsResource {
  /**
   * Registers units of a SKU with tracking on. Every row is validated against the SKU's format
   * and stored in its canonical form; invalid and duplicate rows (within the input or against
   * the store) are reported per row and the valid rows are kept. Rows stream through in batches
   * of the store's preferred size, so inputs of millions of rows use constant memory.
   *
   * If the store fails a batch, that batch is not kept, earlier batches are, and the error says
   * how many units were registered.
   *
   * A row may be a scanned code (GS1 element string, bracketed string or Digital Link): its AI 21
   * is the serial, and a GTIN that is not this SKU's makes the row invalid, with an issue naming
   * both SKUs.
   *
   * @example
   * const summary = await client.serials.register('KB-100', [
   *   'KB-2024-0000016',
   *   { serial: 'KB-2024-0000024', lot: 'L7', manufacturedAt: '2024-05-01' },
   * ]);
   * // { sku: 'KB-100', registered: 2, duplicates: 0, invalid: 0, rejected: [] }
   */
  register(
    sku: string,
    rows: Iterable<RegisterRow> | AsyncIterable<RegisterRow>,
    options?: RegisterOptions,
  ): Promise<RegisterSummary>;
  /**
   * Generates and registers `count` new serials in the SKU's format. Sequential serials take
   * their numbers from a counter in the store, one per SKU, format and period (the date parts the
   * serials carry: a new year for `{YYYY}`, a new month for `{YYYY}{MM}`), so the sequence starts
   * again at 1 when the period changes, and clients generating at once, in any number of
   * processes, never skip or repeat a number. Each client first reads the highest number among
   * the SKU's units of the period (once per SKU and period) and continues after it; a number
   * that collides with a unit registered by hand since is passed over. Random serials come from a CSPRNG and are regenerated on collision.
   *
   * @example
   * await client.skus.update('KB-100', { serialTracking: { enabled: true, format: 'KB-{YYYY}-{seq:6}' } });
   * await client.serials.generate('KB-100', 2, { manufacturedAt: '2026-12-30' });
   * // { sku: 'KB-100', serials: ['KB-2026-000001', 'KB-2026-000002'] }
   * await client.serials.generate('KB-100', 1, { manufacturedAt: '2027-01-02' });
   * // { sku: 'KB-100', serials: ['KB-2027-000001'] }
   * @example
   * const { serials } = await client.serials.generate('KB-100', 500, { mode: 'random', lot: 'L8' });
   */
  generate(sku: string, count: number, options?: GenerateOptions): Promise<GeneratedSerials>;
  /**
   * A unit, where it went, its recall and its whole history. Accepts the serial as typed or
   * scanned: it is read through the SKU's format (or every tracked SKU's format) and GS1
   * Digital Links / element strings are understood. `NotFoundError` for unknown units;
   * `ValidationError` when several SKUs have this serial (give `sku`).
   *
   * @example
   * const { record, events } = await client.serials.lookup('kb 2024 0000016');
   */
  lookup(serial: string, options?: { sku?: string }): Promise<Lookup>;
  /**
   * Units matching the filter, ordered by SKU and serial. A `range` of a SKU whose format has a
   * variable-length number (`SN-{D:1-6}`) compares that number numerically, so `SN-9` to `SN-12`
   * holds `SN-10` (see `SerialRange.numericAt`).
   *
   * @example
   * const page = await client.serials.list({ sku: 'KB-100', status: 'in_stock' }, { limit: 50 });
   */
  list(filter: SerialFilter, page?: PageOptions): List<SerialRecord>;
  /**
   * "Did you mean": the registered units a serial typed wrong could have meant, best first (at
   * most 5): a look-alike character (O/0, I/1, S/5, B/8, Z/2), two characters swapped, one
   * character wrong, dropped or added; check characters rank them. Searched in the SKU's format,
   * else in the formats of the tracked SKUs that read the input or a text one edit away. The
   * pack station's `mistyped` answer follows the same rule. Units the input itself denotes are
   * not suggestions; scanned GS1 codes get none.
   *
   * @example
   * const { items } = await client.serials.suggest('KB-2024-00O0016');
   * // [{ sku: 'KB-100', serial: 'KB-2024-0000016', status: 'shipped' }]
   */
  suggest(input: string, options?: { sku?: string }): Promise<SerialSuggestions>;
}

export function serialsResource(ctx: ClientContext): SerialsResource {
  const sequences = new SequenceCounters(ctx);
  return {
    register: (sku, rows, options) => register(ctx, sku, rows, options),
    generate: (sku, count, options) => generate(ctx, sequences, sku, count, options),

    async lookup(serial, options = {}) {
      requireString(serial, 'serial', MAX_SERIAL_INPUT_LENGTH);
      const record = await requireUnit(ctx, serial, options.sku);
      // Tracked SKUs come from the catalog snapshot; only an untracked one costs a query.
      const tracked = (await ctx.catalog.snapshot()).get(record.sku);
      const [sku, recall, events] = await Promise.all([
        tracked ?? ctx.store.getSku(record.sku),
        record.recallId === undefined ? null : ctx.store.getRecall(record.recallId),
        unitHistory(ctx, record),
      ]);
      return {
        record,
        ...(sku ? { skuName: sku.name } : {}),
        ...(recall ? { recall } : {}),
        shipments: shipmentsOf(events),
        events,
        coverage: await coverageOf(ctx, sku, record),
      };
    },

    async suggest(input, options = {}) {
      requireString(input, 'input', MAX_SERIAL_INPUT_LENGTH);
      const skus = options.sku === undefined ? undefined : [await ctx.requireSku(options.sku)];
      return { input, items: await suggestUnits(ctx, input, skus ? { skus } : {}) };
    },

    list(filter, page) {
      let ordered: Promise<SerialFilter> | undefined;
      return createList(async ({ cursor, limit }) => {
        ordered ??= orderedFilter(ctx, filter);
        return ctx.store.listSerials(await ordered, { cursor, limit });
      }, page);
    },
  };
}

async function register(
  ctx: ClientContext,
  skuId: string,
  rows: Iterable<RegisterRow> | AsyncIterable<RegisterRow>,
  options: RegisterOptions = {},
): Promise<RegisterSummary> {
  const maxRejected = options.maxRejected ?? DEFAULT_MAX_REJECTED;
  if (!Number.isInteger(maxRejected) || maxRejected < 0) {
    throw new ValidationError('maxRejected must be a non-negative integer', {
      issues: [
        { code: 'invalid_type', message: 'must be a non-negative integer', path: ['maxRejected'] },
      ],
    });
  }
  const onProgress = options.onProgress;
  if (
    rows === null ||
    typeof rows !== 'object' ||
    !(Symbol.iterator in rows || Symbol.asyncIterator in rows)
  ) {
    throw new ValidationError('rows must be an iterable or async iterable of rows', {
      issues: [{ code: 'invalid_type', message: 'expected an iterable', path: ['rows'] }],
    });
  }

  const sku = await requireTrackedSku(ctx, skuId);
  const format = ctx.formats.of(sku);
  const insertOf = insertsOf(sku);
  const summary: RegisterSummary = {
    sku: sku.sku,
    registered: 0,
    duplicates: 0,
    invalid: 0,
    rejected: [],
  };
  const registrar = new Registrar<RegisterRowResult>(
    ctx.store,
    ctx.registerBatchSize ?? ctx.store.capabilities.preferredBatchSize,
    {
      duplicate: (index, row) => ({ index, status: 'duplicate', serial: row.serial }),
      rejected(list) {
        for (const rejection of list) {
          if (summary.rejected.length >= maxRejected) break;
          summary.rejected.push(rejection);
        }
      },
    },
  );

  let index = 0;
  let registeredAt = ctx.nowIso();
  const invalid = (at: number, input: string, issues: Issue[]): undefined => {
    summary.invalid++;
    registrar.reject(at, { index: at, status: 'invalid', input, issues });
    return undefined;
  };
  /** Validates the serial of a row and adds it; a promise when its batch is being stored. */
  const accept = (at: number, input: string, typed: string, details: RowDetails | undefined) => {
    const result = format.validate(typed);
    if (!result.success) return invalid(at, input, wireIssues(result.issues));
    return registrar.add(insertOf(result.data.serial, registeredAt, details), at);
  };
  // One validate call and one object per row: this loop runs millions of times. Only a row that
  // looks like a scanned code (`isGs1Input`, a quick test) takes the asynchronous path.
  const handle = (row: RegisterRow): Promise<unknown> | undefined => {
    const at = index++;
    const input = readRow(row);
    if (typeof input !== 'string' && 'problem' in input) {
      return invalid(at, input.input, [rowIssue(input.input, input.problem)]);
    }
    const typed = typeof input === 'string' ? input : input.serial;
    const details = typeof input === 'string' ? undefined : input.details;
    const scanning = readScanned(ctx, typed, sku);
    if (!scanning) return accept(at, typed, typed, details);
    // Resolves to whether a batch was stored.
    return scanning.then(async (scanned) => {
      if (!scanned.ok) return invalid(at, typed, scanned.issues) ?? false;
      const flushing = accept(at, typed, scanned.serial, details);
      if (!flushing) return false;
      await flushing;
      return true;
    });
  };
  const flushed = () => {
    registeredAt = ctx.nowIso();
    onProgress?.(index);
  };

  if (Symbol.iterator in rows) {
    for (const row of rows as Iterable<RegisterRow>) {
      const flushing = handle(row);
      if (flushing && (await flushing) !== false) flushed();
    }
  } else {
    for await (const row of rows) {
      const flushing = handle(row);
      if (flushing && (await flushing) !== false) flushed();
    }
  }
  await registrar.flush();
  onProgress?.(index);
  summary.registered = registrar.registered;
  summary.duplicates = registrar.duplicates;
  return summary;
}

// ── Generation ──────────────────────────────────────────────────────────────

async function generate(
  ctx: ClientContext,
  sequences: SequenceCounters,
  skuId: string,
  count: number,
  options: GenerateOptions = {},
): Promise<GeneratedSerials> {
  const request = parseInput(
    generateRequestSchema,
    { count, ...options } satisfies GenerateRequest,
    'generate request',
  );
  const sku = await requireTrackedSku(ctx, skuId);
  if (isFreeForm(sku)) {
    throw new ConflictError(`SKU ${sku.sku} has no serial format to generate serials from`, {
      details: { sku: sku.sku, reason: 'no_format' },
    });
  }
  const format = ctx.formats.of(sku);
  const manufacturedAt =
    request.manufacturedAt === undefined ? undefined : readDate(request.manufacturedAt);
  if (manufacturedAt === null) {
    throw new ValidationError('Invalid manufacturedAt', {
      issues: [
        { code: 'invalid_date', message: 'This date does not exist', path: ['manufacturedAt'] },
      ],
    });
  }
  const date = manufacturedAt === undefined ? ctx.now() : new Date(manufacturedAt);
  const insertOf = insertsOf(sku);
  const details = {
    ...(request.lot ? { lot: request.lot } : {}),
    ...(manufacturedAt === undefined ? {} : { manufacturedAt }),
  };
  const batchSize = ctx.registerBatchSize ?? ctx.store.capabilities.preferredBatchSize;

  // Sequential numbers come from the store's counter of this SKU, format and period.
  const period = sequencePeriod(format, date);
  let run: SequenceRun = { first: 1, count: 0 };
  let offset = 0;
  const nextSequence = (): number => run.first + offset++;
  const make = (): string =>
    request.mode === 'random'
      ? format.generate({ random: true, date })
      : format.generate({ sequence: nextSequence(), date });

  const serials = new Array<string>(request.count);
  let pending: number[] = Array.from({ length: request.count }, (_, i) => i);
  for (let round = 0; pending.length > 0; round++) {
    if (round >= MAX_GENERATE_ROUNDS) {
      throw new ConflictError(
        `Could not find ${pending.length} unused serials for SKU ${sku.sku}: the format's serial space is nearly full`,
        { details: { sku: sku.sku, reason: 'serial_space_exhausted', missing: pending.length } },
      );
    }
    const collided: number[] = [];
    // Exactly as many numbers as this round needs: the next call continues right after them.
    if (request.mode === 'sequential') {
      run = await sequences.reserve(sku, format, period, pending.length);
      offset = 0;
    }
    for (let start = 0; start < pending.length; start += batchSize) {
      const positions = pending.slice(start, start + batchSize);
      const registeredAt = ctx.nowIso();
      const rows: SerialInsert[] = [];
      for (const position of positions) {
        let serial: string;
        try {
          serial = make();
        } catch (error) {
          throw new ConflictError(
            `SKU ${sku.sku} cannot generate more serials: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error, details: { sku: sku.sku, reason: 'serial_space_exhausted' } },
          );
        }
        serials[position] = serial;
        rows.push(insertOf(serial, registeredAt, details));
      }
      const result = await ctx.store.insertSerials(rows);
      for (const index of result.conflicts) collided.push(positions[index]!);
    }
    pending = collided;
  }
  return { sku: sku.sku, serials };
}
