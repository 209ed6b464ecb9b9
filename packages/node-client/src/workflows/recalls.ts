/** Recalls: select affected units, mark them, and list the orders and customers to contact. */
import { randomBytes } from 'node:crypto';
import {
  type Issue,
  type Recall,
  type RecallContact,
  type RecallCreate,
  type RecallPreview,
  type RecallPreviewRequest,
  recallCreateSchema,
  recallPreviewRequestSchema,
  type SerialRecord,
  type Sku,
} from '@serialkit/core';
import { neutralizeCell, stringifyRow } from '../csv/cells.js';
import { BadRequestError, NotFoundError, ValidationError } from '../errors.js';
import type { PageOptions, SerialFilter } from '../store.js';
import type { ClientContext } from './context.js';
import { dateRange, parseInput, wireIssues } from './input.js';
import { compositeKey } from './keys.js';
import { createList, type List } from './list.js';

/** Serials per `markRecalled` call: keeps statements under the databases' parameter limits. */
const MARK_CHUNK = 5000;
/** Page size when reading a recall's shipped units. */
const READ_PAGE = 5000;
/** Default page size of `affected` when awaited. */
const DEFAULT_CONTACT_PAGE = 100;

/** Header of `affectedCsv`. */
export const RECALL_CONTACT_COLUMNS = [
  'order_id',
  'channel',
  'customer_id',
  'email',
  'name',
  'account_id',
  'account_name',
  'sku',
  'serials',
  'shipped_at',
] as const;

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
   * Whom to contact: the recall's units that are out with customers (`shipped`), one entry per
   * order and SKU with its serials. Grouping reads the recall's shipped units once per list.
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

/**
 * A recall's selection read through its SKU's format: serials in their canonical form, the
 * store filter of the units it covers. One place for `create` and `preview`.
 */
async function selectionOf(
  ctx: ClientContext,
  request: Pick<RecallCreate, 'sku' | 'range' | 'lot' | 'manufacturedBetween' | 'serials'>,
): Promise<{
  sku: Sku;
  range: { from: string; to: string } | undefined;
  serials: string[] | undefined;
  filter: SerialFilter;
}> {
  const sku = await ctx.requireSku(request.sku);
  const format = ctx.formats.of(sku);
  const issues: Issue[] = [];
  const canonical = (value: string, path: (string | number)[]): string => {
    const result = format.validate(value);
    if (result.success) return result.data.serial;
    issues.push(...wireIssues(result.issues, path));
    return value;
  };
  const range = request.range && {
    from: canonical(request.range.from, ['range', 'from']),
    to: canonical(request.range.to, ['range', 'to']),
  };
  const serials = request.serials?.map((serial, i) => canonical(serial, ['serials', i]));
  if (issues.length > 0) {
    throw new ValidationError('Some serials of the recall are not valid for this SKU', {
      issues: issues.slice(0, 100),
      details: { invalid: issues.length },
    });
  }
  const filter: SerialFilter = {
    sku: sku.sku,
    ...(range ? { range } : {}),
    ...(request.lot === undefined ? {} : { lot: request.lot }),
    ...(request.manufacturedBetween
      ? { manufacturedBetween: dateRange(request.manufacturedBetween) }
      : {}),
  };
  return { sku, range, serials, filter };
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
    const recall = typeof id === 'string' && id.length > 0 ? await ctx.store.getRecall(id) : null;
    if (!recall) throw new NotFoundError(`Recall ${id} not found`, { details: { id } });
    return recall;
  };

  return {
    async create(input) {
      const request = parseInput(recallCreateSchema, input, 'recall');
      const { sku, range, serials, filter } = await selectionOf(ctx, request);

      const recall: Recall = {
        id: `rcl_${randomBytes(10).toString('hex')}`,
        sku: sku.sku,
        notice: request.notice,
        ...(request.url === undefined ? {} : { url: request.url }),
        criteria: {
          ...(range ? { range } : {}),
          ...(request.lot === undefined ? {} : { lot: request.lot }),
          ...(request.manufacturedBetween
            ? { manufacturedBetween: request.manufacturedBetween }
            : {}),
          ...(serials ? { serials: serials.length } : {}),
        },
        createdAt: ctx.nowIso(),
        counts: { affected: 0, shipped: 0, inStock: 0, other: 0 },
      };
      // Stored before any unit points at it, so a unit's recall can always be read.
      await ctx.store.putRecall(recall);

      const event = { at: recall.createdAt, data: { recallId: recall.id } };
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
          if (!count) continue;
          recall.counts.affected += count;
          if (status === 'shipped') recall.counts.shipped += count;
          else if (status === 'in_stock') recall.counts.inStock += count;
          else recall.counts.other += count;
        }
      }
      await ctx.store.putRecall(recall);
      return recall;
    },

    get: requireRecall,

    async preview(input) {
      const request = parseInput(recallPreviewRequestSchema, input, 'recall selection');
      const { sku, serials, filter } = await selectionOf(ctx, request);
      const selected: SerialFilter = serials ? { ...filter, serials } : filter;
      const [counts, alreadyRecalled] = await Promise.all([
        Promise.all(STATUSES.map((status) => ctx.store.countSerials({ ...selected, status }))),
        ctx.store.countSerials({ ...selected, recalled: true }),
      ]);
      const byStatus: RecallPreview['byStatus'] = {};
      STATUSES.forEach((status, i) => {
        if (counts[i]) byStatus[status] = counts[i];
      });
      return {
        sku: sku.sku,
        affected: counts.reduce((sum, n) => sum + n, 0),
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
        yield stringifyRow(
          [
            contact.orderId,
            contact.channel,
            contact.customerId,
            contact.email,
            contact.name,
            contact.accountId,
            contact.accountName,
            contact.sku,
            contact.serials.join(' '),
            contact.shippedAt,
          ].map(neutralizeCell),
        );
      }
    },
  };
}

/** The recall's shipped units grouped by order and SKU, in the order they were first seen. */
async function recallContacts(ctx: ClientContext, recallId: string): Promise<RecallContact[]> {
  const groups = new Map<string, RecallContact>();
  let cursor: string | null = null;
  do {
    const page = await ctx.store.listSerials(
      { recallId, status: 'shipped' },
      { cursor, limit: READ_PAGE },
    );
    for (const unit of page.items) addContact(groups, unit);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return [...groups.values()];
}

function addContact(groups: Map<string, RecallContact>, unit: SerialRecord): void {
  const shipment = unit.shipment;
  if (!shipment) return;
  const key = compositeKey(shipment.orderId, unit.sku);
  const existing = groups.get(key);
  if (existing) {
    existing.serials.push(unit.serial);
    return;
  }
  const { customer, account } = shipment;
  groups.set(key, {
    orderId: shipment.orderId,
    channel: shipment.channel,
    ...(customer?.id === undefined ? {} : { customerId: customer.id }),
    ...(customer?.email === undefined ? {} : { email: customer.email }),
    ...(customer?.name === undefined ? {} : { name: customer.name }),
    ...(account === undefined ? {} : { accountId: account.id }),
    ...(account?.name === undefined ? {} : { accountName: account.name }),
    sku: unit.sku,
    serials: [unit.serial],
    shippedAt: shipment.shippedAt,
  });
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
