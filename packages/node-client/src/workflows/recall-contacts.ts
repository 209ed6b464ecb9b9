/**
 * A recall's contact list (order customers, B2B accounts, registered owners: one row per contact
 * with the units that concern them) and its progress counts.
 */
import type { Recall, RecallContact, RecallProgress, SerialRecord } from '@serialkit/core';
import type { ClientContext } from './context.js';
import { compositeKey } from './keys.js';
import { type OwnerOfUnit, ownerOfUnit } from './unit-owners.js';

/** Page size when reading a recall's units, owners and events. */
const READ_PAGE = 5000;
/** Upper bound of "since the recall began" when reading events. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/** Header of `affectedCsv`. */
export const RECALL_CONTACT_COLUMNS = [
  'kind',
  'order_id',
  'channel',
  'customer_id',
  'email',
  'phone',
  'name',
  'account_id',
  'account_name',
  'owner_id',
  'sku',
  'serials',
  'shipped_at',
] as const;

/** A contact's cells in `RECALL_CONTACT_COLUMNS` order; `serials` lists every unit `sku/serial`. */
export function contactCells(contact: RecallContact): (string | undefined)[] {
  return [
    contact.kind,
    contact.orderIds.join(' '),
    contact.channel,
    contact.customerId,
    contact.email,
    contact.phone,
    contact.name,
    contact.accountId,
    contact.accountName,
    contact.ownerId,
    contact.sku,
    contact.units.map((unit) => `${unit.sku}/${unit.serial}`).join(' '),
    contact.shippedAt,
  ];
}

/** Every unit under the recall. */
async function recallUnits(ctx: ClientContext, recallId: string): Promise<SerialRecord[]> {
  const units: SerialRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.store.listSerials({ recallId }, { cursor, limit: READ_PAGE });
    units.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return units;
}

/** The recall's contacts: shipped units' customers and accounts first, then owners. */
export async function recallContacts(
  ctx: ClientContext,
  recallId: string,
): Promise<RecallContact[]> {
  const recall = await ctx.store.getRecall(recallId);
  const units = await recallUnits(ctx, recallId);
  return contactsOf(ctx, recall, units);
}

async function contactsOf(
  ctx: ClientContext,
  recall: Recall | null,
  units: SerialRecord[],
): Promise<RecallContact[]> {
  const groups = new Map<string, RecallContact>();
  for (const unit of units) {
    if (unit.status === 'shipped' && unit.shipment) addShipmentContact(groups, unit);
  }
  const byUnit = new Map(units.map((unit) => [compositeKey(unit.sku, unit.serial), unit]));
  const ownsUnit = await ownerTests(ctx, units);
  for (const sku of recallSkus(recall, units)) {
    let cursor: string | null = null;
    do {
      const page = await ctx.store.listOwners(
        { sku, status: 'active' },
        { cursor, limit: READ_PAGE },
      );
      for (const owner of page.items) {
        const unitKey = compositeKey(owner.sku, owner.serial);
        if (!byUnit.has(unitKey) || ownsUnit.get(unitKey)?.(owner) === false) continue;
        const key = `owner\u0000${owner.email ?? owner.id}`;
        const unitRef = { sku: owner.sku, serial: owner.serial };
        const existing = groups.get(key);
        if (existing) {
          addUnit(existing, unitRef);
          continue;
        }
        groups.set(key, {
          kind: 'owner',
          orderIds: [],
          ...(owner.email === undefined ? {} : { email: owner.email }),
          ...(owner.name === undefined ? {} : { name: owner.name }),
          ownerId: owner.id,
          sku: owner.sku,
          serials: [owner.serial],
          units: [unitRef],
        });
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return [...groups.values()];
}

/**
 * The owner test (`ownerOfUnit`) of each recalled unit whose serial a void freed before; the
 * others keep every owner. Reads the recalled SKUs' freeing voids once, then only those units.
 */
async function ownerTests(
  ctx: ClientContext,
  units: SerialRecord[],
): Promise<Map<string, OwnerOfUnit>> {
  const recalled = new Set(units.map((unit) => compositeKey(unit.sku, unit.serial)));
  const voided = new Map<string, { sku: string; serial: string }>();
  for (const sku of new Set(units.map((unit) => unit.sku))) {
    let cursor: string | null = null;
    do {
      const page = await ctx.store.listEvents(
        { sku, type: 'voided' },
        { cursor, limit: READ_PAGE },
      );
      for (const event of page.items) {
        const key = compositeKey(event.sku, event.serial);
        if (event.data?.freed === true && recalled.has(key)) voided.set(key, event);
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  const tests = new Map<string, OwnerOfUnit>();
  for (const [key, unit] of voided) tests.set(key, await ownerOfUnit(ctx, unit.sku, unit.serial));
  return tests;
}

function recallSkus(recall: Recall | null, units: SerialRecord[]): string[] {
  const skus = new Set(recall?.skus ?? (recall ? [recall.sku] : []));
  for (const unit of units) skus.add(unit.sku);
  return [...skus];
}

function addUnit(contact: RecallContact, unit: { sku: string; serial: string }): void {
  contact.units.push(unit);
  if (unit.sku === contact.sku) contact.serials.push(unit.serial);
}

/** Groups a shipped unit under its order's customer (b2c) or its account (b2b). */
function addShipmentContact(groups: Map<string, RecallContact>, unit: SerialRecord): void {
  const shipment = unit.shipment!;
  const { customer, account } = shipment;
  const key =
    shipment.channel === 'b2b' && account
      ? `account\u0000${account.id}`
      : `customer\u0000${customer?.email ?? customer?.id ?? `order:${shipment.orderId}`}`;
  const unitRef = { sku: unit.sku, serial: unit.serial };
  const existing = groups.get(key);
  if (existing) {
    addUnit(existing, unitRef);
    if (!existing.orderIds.includes(shipment.orderId)) existing.orderIds.push(shipment.orderId);
    return;
  }
  const isAccount = key.startsWith('account');
  groups.set(key, {
    kind: isAccount ? 'account' : 'customer',
    orderId: shipment.orderId,
    orderIds: [shipment.orderId],
    channel: shipment.channel,
    ...(customer?.id === undefined ? {} : { customerId: customer.id }),
    ...(isAccount
      ? {
          ...(account?.email === undefined ? {} : { email: account.email }),
          ...(account?.phone === undefined ? {} : { phone: account.phone }),
          ...(account?.contactName === undefined ? {} : { name: account.contactName }),
        }
      : {
          ...(customer?.email === undefined ? {} : { email: customer.email }),
          ...(customer?.name === undefined ? {} : { name: customer.name }),
        }),
    ...(account === undefined ? {} : { accountId: account.id }),
    ...(account?.name === undefined ? {} : { accountName: account.name }),
    sku: unit.sku,
    serials: [unit.serial],
    units: [unitRef],
    shippedAt: shipment.shippedAt,
  });
}

/** Counts as defined on `RecallProgress`. */
export async function recallProgress(ctx: ClientContext, recall: Recall): Promise<RecallProgress> {
  const units = await recallUnits(ctx, recall.id);
  const keys = new Set(units.map((unit) => compositeKey(unit.sku, unit.serial)));
  const since = { from: recall.createdAt, to: END_OF_TIME };
  const returned = new Set<string>();
  const replaced = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await ctx.store.listEvents(
      { type: ['returned', 'warranty_claimed'], between: since },
      { cursor, limit: READ_PAGE },
    );
    for (const event of page.items) {
      const key = compositeKey(event.sku, event.serial);
      if (!keys.has(key)) continue;
      if (event.type === 'returned') returned.add(key);
      else if (event.data?.decision === 'accepted' && event.data.resolution === 'replaced') {
        replaced.add(key);
      }
    }
    cursor = page.nextCursor;
  } while (cursor !== null);

  // Reachable: a contact row with an email or a phone names the unit.
  const reachable = new Set<string>();
  for (const contact of await contactsOf(ctx, recall, units)) {
    if (contact.email === undefined && contact.phone === undefined) continue;
    for (const unit of contact.units) reachable.add(compositeKey(unit.sku, unit.serial));
  }
  const unreachable = units.filter(
    (unit) => unit.status === 'shipped' && !reachable.has(compositeKey(unit.sku, unit.serial)),
  ).length;
  return {
    recallId: recall.id,
    status: recall.status ?? 'open',
    affected: units.length,
    returned: returned.size,
    replaced: replaced.size,
    unreachable,
  };
}
