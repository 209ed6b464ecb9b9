/** Recalls: select affected units, mark them, and list the orders and customers to contact. */
import { randomBytes } from 'node:crypto';
import {
  type Issue,
  type Recall,
  type RecallContact,
  type RecallCreate,
  type RecallPreview,
  type RecallPreviewRequest,
  type RecallProgress,
  recallCreateSchema,
  recallPreviewRequestSchema,
  type Sku,
} from '@serialkit/core';
import { neutralizeCell, stringifyRow } from '../csv/cells.js';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { PageOptions, SerialFilter } from '../store.js';
import type { ClientContext } from './context.js';
import { dateRange, parseInput, wireIssues } from './input.js';
import { createList, type List } from './list.js';
import {
  contactCells,
  RECALL_CONTACT_COLUMNS,
  recallContacts,
  recallProgress,
} from './recall-contacts.js';
import { readScanned } from './scanned.js';
import { formatRange } from './serial-ranges.js';

/** Serials per `markRecalled` call: keeps statements under the databases' parameter limits. */
const MARK_CHUNK = 5000;
/** Default page size of `affected` when awaited. */
const DEFAULT_CONTACT_PAGE = 100;

export interface RecallsResource {
  /**
   * Recalls units of a SKU selected by serial range, lot, manufacture window and/or an explicit
   * list (all given criteria must hold). Marks each unit (a flag over any status) with a
   * `recalled` event, and counts them by status. Public verification then answers `recalled`
   * with the notice.
   *
   * @example
   * const recall = await client.recalls.create({
   *   sku: 'KB-100',
   *   lot: 'L7',
   *   notice: 'Keyboards of lot L7 may overheat. Stop using them.',
   *   url: 'https://example.com/recall/l7',
   * });
   * console.log(recall.id, recall.counts.shipped);
   */
  create(input: RecallCreate): Promise<Recall>;
  /**
   * A recall (counts as of its creation), or a `NotFoundError`.
   *
   * @example
   * const recall = await client.recalls.get('rcl_3f9a1c2b7d4e8f60a1b2');
   */
  get(id: string): Promise<Recall>;
  /**
   * Recalls, newest first, optionally of one SKU.
   *
   * @example
   * for await (const recall of client.recalls.list()) console.log(recall.id, recall.notice);
   */
  list(filter?: { sku?: string }, page?: PageOptions): List<Recall>;
  /**
   * Closes the recall campaign (`status: 'closed'`, `closedAt`). Its units stay flagged (public
   * verification still answers `recalled`) and each gets a `recall_closed` event, written with
   * the close (webhook subscribers get one `recall.closed`); a closed recall cannot be closed
   * again (`ConflictError`).
   *
   * @example
   * const closed = await client.recalls.close(recall.id);
   */
  close(id: string): Promise<Recall>;
  /**
   * The recall's progress now: units affected, returned, replaced and unreachable (see
   * `RecallProgress` for what each counts).
   *
   * @example
   * const { affected, returned, unreachable } = await client.recalls.progress(recall.id);
   */
  progress(id: string): Promise<RecallProgress>;
  /**
   * Whom to contact, one row per contact with the recall's units that concern them: the
   * customers of orders and the B2B accounts the units shipped to (units out with customers,
   * `shipped`), and the units' registered owners (`active`). Grouping reads the recall's units
   * once per list.
   *
   * @example
   * for await (const contact of client.recalls.affected(recall.id)) notify(contact.email, contact.serials);
   */
  affected(id: string, page?: PageOptions): List<RecallContact>;
  /**
   * `affected` as CSV lines (header first, each line ending in `\n`), with cells that a
   * spreadsheet would run as formulas neutralized.
   *
   * @example
   * await pipeline(Readable.from(client.recalls.affectedCsv(recall.id)), createWriteStream('contacts.csv'));
   */
  affectedCsv(id: string): AsyncIterable<string>;
  /**
   * What a recall with this selection would mark now, by status, without creating it: the
   * merchant sees the count before committing.
   *
   * @example
   * const { affected, byStatus } = await client.recalls.preview({ sku: 'BAT-18650', lot: 'A1F4' });
   */
  preview(selection: RecallPreviewRequest): Promise<RecallPreview>;
}

export { RECALL_CONTACT_COLUMNS };

/** One SKU's part of a recall selection: its canonical range and serials, its store filter. */
interface SkuSelection {
  sku: Sku;
  range: { from: string; to: string } | undefined;
  serials: string[] | undefined;
  filter: SerialFilter;
}

/**
 * A recall's selection read through each SKU's format: a range must read in every SKU's format,
 * a listed serial in at least one. One place for `create` and `preview`.
 */
async function selectionsOf(
  ctx: ClientContext,
  request: RecallPreviewRequest,
): Promise<SkuSelection[]> {
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: equivalent, the schema needs `sku` or `skus`
  const skuIds = request.skus ?? (request.sku === undefined ? [] : [request.sku]);
  const skus: Sku[] = [];
  for (const id of new Set(skuIds)) skus.push(await ctx.requireSku(id));
  const issues: Issue[] = [];
  const scanned = await scannedSerials(ctx, request.serials, skus, issues);
  const selections = skus.map((sku): SkuSelection => {
    const format = ctx.formats.of(sku);
    const read = (value: string) => format.validate(value);
    let range: { from: string; to: string } | undefined;
    if (request.range) {
      const from = read(request.range.from);
      const to = read(request.range.to);
      if (!from.success) issues.push(...wireIssues(from.issues, ['range', 'from']));
      if (!to.success) issues.push(...wireIssues(to.issues, ['range', 'to']));
      if (from.success && to.success) range = { from: from.data.serial, to: to.data.serial };
    }
    const serials = request.serials?.flatMap((serial, i) => {
      const code = scanned.get(i);
      // A scanned code selects a unit of its GTIN's SKU only.
      // Stryker disable next-line ArrayDeclaration: equivalent, a serial no format reads matches no unit
      if (code && !code.skus.has(sku.sku)) return [];
      const result = read(code ? code.serial : serial);
      // Stryker disable next-line ArrayDeclaration: equivalent, a serial no format reads matches no unit
      return result.success ? [result.data.serial] : [];
    });
    const filter: SerialFilter = {
      sku: sku.sku,
      ...(range ? { range: formatRange(format, range) } : {}),
      // Stryker disable next-line ConditionalExpression: equivalent, the stores' filters read an undefined lot as none
      ...(request.lot === undefined ? {} : { lot: request.lot }),
      ...(request.manufacturedBetween
        ? { manufacturedBetween: dateRange(request.manufacturedBetween) }
        : {}),
      ...(request.shippedBetween ? { shippedBetween: dateRange(request.shippedBetween) } : {}),
    };
    return { sku, range, serials, filter };
  });
  request.serials?.forEach((entered, i) => {
    const code = scanned.get(i);
    if (code === null) return; // refused above
    const serial = code ? code.serial : entered;
    const own = code ? skus.filter((sku) => code.skus.has(sku.sku)) : skus;
    if (own.every((sku) => !ctx.formats.of(sku).validate(serial).success)) {
      const result = ctx.formats.of(own[0]!).validate(serial);
      // Stryker disable next-line ConditionalExpression: equivalent, every format refused it just above
      if (!result.success) issues.push(...wireIssues(result.issues, ['serials', i]));
    }
  });
  if (issues.length > 0) {
    throw new ValidationError('Some serials of the recall are not valid for this SKU', {
      issues: issues.slice(0, 100),
      details: { invalid: issues.length },
    });
  }
  return selections;
}

/**
 * The scanned codes of a recall's serial list, by position: the serial (AI 21) and the SKUs of
 * the selection it can belong to, or null for a code refused with an issue (not a unit's code, a
 * GTIN of no selected SKU). Plain serials are absent: they cost one `isGs1Input` test each.
 */
async function scannedSerials(
  ctx: ClientContext,
  serials: readonly string[] | undefined,
  skus: readonly Sku[],
  issues: Issue[],
): Promise<Map<number, { serial: string; skus: Set<string> } | null>> {
  const codes = new Map<number, { serial: string; skus: Set<string> } | null>();
  const only = skus.length === 1 ? skus[0] : undefined;
  // Stryker disable next-line ArrayDeclaration: equivalent, a serial of no GS1 shape is skipped
  for (const [i, entered] of (serials ?? []).entries()) {
    const scanning = readScanned(ctx, entered, only);
    if (!scanning) continue;
    const scanned = await scanning;
    // Digits that a selected SKU's format reads as they stand: a plain serial after all.
    if (scanned.ok && scanned.gtin === undefined) continue;
    const selected = scanned.ok
      ? scanned.skus.filter((sku) => skus.some((s) => s.sku === sku.sku))
      : // Stryker disable next-line ArrayDeclaration: equivalent, a refused code is not selected whatever this holds
        [];
    if (scanned.ok && selected.length > 0) {
      codes.set(i, { serial: scanned.serial, skus: new Set(selected.map((sku) => sku.sku)) });
      continue;
    }
    codes.set(i, null);
    const refusal = scanned.ok
      ? // Stryker disable next-line StringLiteral: equivalent, a code without a GTIN was taken as a plain serial above
        [notSelected(entered, scanned.gtin ?? '', skus, scanned.skus)]
      : scanned.issues;
    issues.push(...refusal.map((issue) => ({ ...issue, path: ['serials', i] })));
  }
  return codes;
}

/** A scanned code of several selected SKUs' recall whose GTIN is none of theirs: names them all. */
function notSelected(
  input: string,
  gtin: string,
  selected: readonly Sku[],
  owners: readonly Sku[],
): Issue {
  const ids = selected.map((sku) => sku.sku);
  const theirs = owners.map((sku) => sku.sku);
  return {
    code: 'invalid_gs1',
    reason: 'gtin_mismatch',
    ai: '01',
    message: `The scanned GTIN ${gtin} is SKU ${theirs.join(', ')}'s, not one of the recall's SKUs ${ids.join(', ')}`,
    input,
    gtin,
    skus: [...ids, ...theirs],
  };
}

const STATUSES = [
  'in_stock',
  'allocated',
  'shipped',
  'returned',
  'quarantined',
  'scrapped',
] as const;

export function recallsResource(ctx: ClientContext): RecallsResource {
  const requireRecall = async (id: string): Promise<Recall> => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, the store finds no recall of such an id either (the test saves a read)
    const recall = typeof id === 'string' && id.length > 0 ? await ctx.store.getRecall(id) : null;
    if (!recall) throw new NotFoundError(`Recall ${id} not found`, { details: { id } });
    return recall;
  };

  return {
    async create(input) {
      const request = parseInput(recallCreateSchema, input, 'recall');
      const selections = await selectionsOf(ctx, request);

      const first = selections[0]!;
      const recall: Recall = {
        id: `rcl_${randomBytes(10).toString('hex')}`,
        sku: first.sku.sku,
        // Several SKUs come only from a list of SKUs.
        ...(request.skus ? { skus: selections.map(({ sku }) => sku.sku) } : {}),
        notice: request.notice,
        ...(request.url === undefined ? {} : { url: request.url }),
        status: 'open',
        criteria: {
          ...(first.range ? { range: first.range } : {}),
          ...(request.lot === undefined ? {} : { lot: request.lot }),
          ...(request.manufacturedBetween
            ? { manufacturedBetween: request.manufacturedBetween }
            : {}),
          ...(request.shippedBetween ? { shippedBetween: request.shippedBetween } : {}),
          ...(request.serials ? { serials: request.serials.length } : {}),
        },
        createdAt: ctx.nowIso(),
        counts: { affected: 0, shipped: 0, inStock: 0, other: 0 },
      };
      // Stored before any unit points at it, so a unit's recall can always be read.
      await ctx.store.putRecall(recall);

      const event = { at: recall.createdAt, data: { recallId: recall.id } };
      for (const { serials, filter } of selections) {
        const chunks = serials
          ? Array.from({ length: Math.ceil(serials.length / MARK_CHUNK) }, (_, i) =>
              serials.slice(i * MARK_CHUNK, (i + 1) * MARK_CHUNK),
            )
          : [undefined];
        for (const chunk of chunks) {
          const marked = await ctx.store.markRecalled(
            chunk ? { ...filter, serials: chunk } : filter,
            recall.id,
            event,
          );
          for (const [status, count] of Object.entries(marked)) {
            // Stryker disable next-line ConditionalExpression: equivalent, adding 0 changes no count
            if (!count) continue;
            recall.counts.affected += count;
            if (status === 'shipped') recall.counts.shipped += count;
            else if (status === 'in_stock') recall.counts.inStock += count;
            else recall.counts.other += count;
          }
        }
      }
      await ctx.store.putRecall(recall);
      return recall;
    },

    async close(id) {
      const recall = await requireRecall(id);
      if (recall.status === 'closed') {
        throw new ConflictError(`Recall ${id} is closed already`, {
          details: { id, closedAt: recall.closedAt },
        });
      }
      const closedAt = ctx.nowIso();
      const closed: Recall = { ...recall, status: 'closed', closedAt };
      // One step with the units' `recall_closed` events, which the webhooks read as
      // `recall.closed`: a close is never stored without them, nor logged twice.
      const logged = await ctx.store.closeRecall(closed, {
        at: closedAt,
        data: { recallId: id },
      });
      if (logged === null) {
        const now = await requireRecall(id);
        throw new ConflictError(`Recall ${id} is closed already`, {
          details: { id, closedAt: now.closedAt },
        });
      }
      return closed;
    },

    async progress(id) {
      const recall = await requireRecall(id);
      return recallProgress(ctx, recall);
    },

    async get(id) {
      const recall = await requireRecall(id);
      return { ...recall, status: recall.status ?? 'open' };
    },

    async preview(input) {
      const request = parseInput(recallPreviewRequestSchema, input, 'recall selection');
      const selections = await selectionsOf(ctx, request);
      const byStatus: RecallPreview['byStatus'] = {};
      let affected = 0;
      let alreadyRecalled = 0;
      for (const { serials, filter } of selections) {
        const selected: SerialFilter = serials ? { ...filter, serials } : filter;
        const [counts, recalled] = await Promise.all([
          Promise.all(STATUSES.map((status) => ctx.store.countSerials({ ...selected, status }))),
          ctx.store.countSerials({ ...selected, recalled: true }),
        ]);
        STATUSES.forEach((status, i) => {
          const count = counts[i] ?? 0;
          if (count) byStatus[status] = (byStatus[status] ?? 0) + count;
          affected += count;
        });
        alreadyRecalled += recalled;
      }
      return {
        sku: selections[0]!.sku.sku,
        skus: selections.map(({ sku }) => sku.sku),
        affected,
        byStatus,
        alreadyRecalled,
      };
    },

    list(filter = {}, page) {
      return createList(
        ({ cursor, limit }) => ctx.store.listRecalls(filter, { cursor, limit }),
        page,
      );
    },

    affected(id, page = {}) {
      let contacts: Promise<RecallContact[]> | undefined;
      return createList(async ({ cursor, limit }) => {
        contacts ??= requireRecall(id).then(() => recallContacts(ctx, id));
        const all = await contacts;
        const offset = cursor === null ? 0 : decodeOffset(cursor);
        const size = limit ?? DEFAULT_CONTACT_PAGE;
        const end = offset + size;
        return {
          items: all.slice(offset, end),
          nextCursor: end < all.length ? encodeOffset(end) : null,
        };
      }, page);
    },

    async *affectedCsv(id) {
      await requireRecall(id);
      yield stringifyRow([...RECALL_CONTACT_COLUMNS]);
      for (const contact of await recallContacts(ctx, id)) {
        yield stringifyRow(contactCells(contact).map(neutralizeCell));
      }
    },
  };
}

function encodeOffset(offset: number): string {
  return `o${offset}`;
}

function decodeOffset(cursor: string): number {
  const offset = /^o(\d{1,9})$/.exec(cursor)?.[1];
  if (offset === undefined) {
    throw new BadRequestError('This cursor does not belong to this list', { details: { cursor } });
  }
  return Number(offset);
}
