/**
 * Registered owners: a customer registers the unit they own (public), the merchant lists,
 * exports and erases owners. Owners are personal data: nothing here is ever a public answer
 * except `register`'s status.
 */
import { randomBytes } from 'node:crypto';
import {
  type Owner,
  type OwnerRegistrationRequest,
  type OwnerRegistrationResult,
  type OwnerStatus,
  ownerRegistrationRequestSchema,
} from '@serialkit/core';
import { neutralizeCell, stringifyRow } from '../csv/cells.js';
import { NotFoundError } from '../errors.js';
import type { EventInsert, PageOptions } from '../store.js';
import type { ClientContext } from './context.js';
import { parseInput, requireString } from './input.js';
import { createList, type List } from './list.js';
import { requireUnit, resolveSerial } from './resolve.js';

/** Header of `owners.exportCsv`. */
export const OWNER_COLUMNS_CSV = [
  'owner_id',
  'sku',
  'serial',
  'status',
  'name',
  'email',
  'registered_at',
  'erased_at',
] as const;

export interface OwnersResource {
  /**
   * A customer registers the unit they own (public). The answer is `received` for any
   * registered unit, whether it had an owner or not: the first owner becomes `active`, a later
   * one is kept `pending_review` for the merchant (unless it is the active owner's own email
   * again, which keeps nothing new). `unknown` and `invalid` say only what verification says.
   * A `owner_registered` event (no name, no email) joins the unit's history.
   *
   * @example
   * const { status } = await client.owners.register({
   *   input: 'KB-2024-0000016', name: 'Ada Lovelace', email: 'ada@example.com', consent: true,
   * });
   */
  register(input: OwnerRegistrationRequest): Promise<OwnerRegistrationResult>;
  /**
   * Owners (merchant only), oldest registration first: of one unit (`serial`, with `sku` when
   * SKUs share serials), with one status (e.g. `pending_review` to review), or with one email.
   *
   * @example
   * for await (const owner of client.owners.list({ serial: 'KB-2024-0000016' })) console.log(owner.email);
   */
  list(
    filter?: { serial?: string; sku?: string; status?: OwnerStatus; email?: string },
    page?: PageOptions,
  ): List<Owner>;
  /**
   * The owners of one unit as CSV lines (header first), for a data-subject access request.
   *
   * @example
   * for await (const line of client.owners.exportCsv('KB-2024-0000016')) process.stdout.write(line);
   */
  exportCsv(serial: string, options?: { sku?: string }): AsyncIterable<string>;
  /**
   * Erases an owner (a data-subject request): its name and email are removed, the record stays
   * as `erased` and an `owner_erased` event (the owner id only) joins the unit's history.
   *
   * @example
   * await client.owners.erase('own_5f0c9a1b2c3d4e5f6a7b');
   */
  erase(id: string): Promise<Owner>;
}

export function ownersResource(ctx: ClientContext): OwnersResource {
  const list: OwnersResource['list'] = (filter = {}, page) => {
    let storeFilter: Promise<Parameters<typeof ctx.store.listOwners>[0]> | undefined;
    return createList(async ({ cursor, limit }) => {
      storeFilter ??= (async () => {
        const unit =
          filter.serial === undefined
            ? undefined
            : await requireUnit(ctx, filter.serial, filter.sku);
        return {
          ...(unit ? { sku: unit.sku, serial: unit.serial } : {}),
          ...(unit === undefined && filter.sku !== undefined ? { sku: filter.sku } : {}),
          ...(filter.status === undefined ? {} : { status: filter.status }),
          ...(filter.email === undefined ? {} : { email: normalizeEmail(filter.email) }),
        };
      })();
      return ctx.store.listOwners(await storeFilter, { cursor, limit });
    }, page);
  };

  return {
    async register(input) {
      const request = parseInput(ownerRegistrationRequestSchema, input, 'owner registration');
      const sku =
        request.sku !== undefined && (await ctx.catalog.snapshot()).get(request.sku)
          ? request.sku
          : undefined;
      const resolution = await resolveSerial(ctx, request.input, { sku });
      if (resolution.kind === 'invalid') return { status: 'invalid', serial: null };
      if (resolution.kind !== 'found') {
        return {
          status: 'unknown',
          serial: resolution.kind === 'unknown' ? resolution.serial : null,
        };
      }
      // Several SKUs may share the serial; the customer holds one of them: the first.
      const unit = resolution.units[0]!;
      const email = normalizeEmail(request.email);
      const at = ctx.nowIso();
      const owner: Owner = {
        id: `own_${randomBytes(10).toString('hex')}`,
        sku: unit.sku,
        serial: unit.serial,
        status: 'active',
        name: request.name,
        email,
        registeredAt: at,
      };
      // The owner and its event (no name, no email) go in together, or not at all.
      const registered = (): EventInsert => ({
        sku: unit.sku,
        serial: unit.serial,
        type: 'owner_registered',
        at,
        data: { ownerId: owner.id, status: owner.status },
      });
      const { inserted } = await ctx.store.insertOwner(owner, registered());
      if (!inserted) {
        const { items } = await ctx.store.listOwners({
          sku: unit.sku,
          serial: unit.serial,
          status: ['active', 'pending_review'],
          email,
        });
        // The same person registering again: nothing new to review.
        if (items.length === 0) {
          owner.status = 'pending_review';
          await ctx.store.insertOwner(owner, registered());
        }
      }
      return { status: 'received', serial: unit.serial };
    },

    list,

    async *exportCsv(serial, options = {}) {
      requireString(serial, 'serial');
      const unit = await requireUnit(ctx, serial, options.sku);
      yield stringifyRow([...OWNER_COLUMNS_CSV]);
      for await (const owner of list({ serial: unit.serial, sku: unit.sku }, { limit: 1000 })) {
        yield stringifyRow(
          [
            owner.id,
            owner.sku,
            owner.serial,
            owner.status,
            owner.name,
            owner.email,
            owner.registeredAt,
            owner.erasedAt,
          ].map(neutralizeCell),
        );
      }
    },

    async erase(id) {
      requireString(id, 'id', 200);
      const found = await ctx.store.getOwner(id);
      if (!found) throw new NotFoundError(`Owner ${id} not found`, { details: { id } });
      const erased = await ctx.store.eraseOwner(id, {
        sku: found.sku,
        serial: found.serial,
        type: 'owner_erased',
        at: ctx.nowIso(),
        data: { ownerId: id },
      });
      if (!erased) throw new NotFoundError(`Owner ${id} not found`, { details: { id } });
      return erased;
    },
  };
}

/** Emails are compared trimmed and lower-cased (the whole address: providers fold case). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
