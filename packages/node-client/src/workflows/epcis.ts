/**
 * EPCIS 2.0 export: the event log as a JSON-LD `EPCISDocument` of ObjectEvents with CBV 2.0
 * business steps and dispositions, for supply-chain partners and traceability systems.
 */
import { createHash } from 'node:crypto';
import {
  buildDigitalLink,
  type SerialEvent,
  type SerialEventType,
  type SerialRecord,
  type Sku,
} from '@serialkit/core';
import type { EventFilter, SerialFilter } from '../store.js';
import type { ClientContext } from './context.js';
import { commissionedEvent } from './events.js';
import { compositeKey } from './keys.js';

/** The EPCIS 2.0 JSON-LD context (GS1). */
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const DEFAULT_UNIT_BASE = 'urn:serialkit:unit:';
const DEFAULT_ORDER_BASE = 'urn:serialkit:order:';
/** Namespace of the name-based (v5) UUIDs that make event ids stable across exports. */
const EVENT_ID_NAMESPACE = '6f1c9e52-3b1a-4f0e-9a43-5a2d7c1e8b90';
const PAGE = 5000;

export interface EpcisOptions {
  /**
   * Prefix of unit identifiers for SKUs without a GTIN, followed by the percent-encoded SKU, `:`
   * and the percent-encoded serial. Default `urn:serialkit:unit:`; an http(s) prefix such as
   * `https://example.com/unit/` gives resolvable URIs. Units of SKUs with a GTIN always get GS1
   * Digital Link URIs (`https://id.gs1.org/01/{gtin}/21/{serial}`).
   */
  unitUriBase?: string;
  /** Prefix of order identifiers in `bizTransactionList`. Default `urn:serialkit:order:`. */
  orderUriBase?: string;
}

export interface EpcisBizTransaction {
  type?: string;
  bizTransaction: string;
}

export interface EpcisObjectEvent {
  type: 'ObjectEvent';
  eventID: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  epcList: string[];
  action: 'ADD' | 'OBSERVE' | 'DELETE';
  bizStep?: string;
  disposition?: string;
  bizTransactionList?: EpcisBizTransaction[];
  ilmd?: Record<string, unknown>;
}

export interface EpcisDocument {
  '@context': string[];
  type: 'EPCISDocument';
  schemaVersion: '2.0';
  creationDate: string;
  epcisBody: { eventList: EpcisObjectEvent[] };
}

interface Vocabulary {
  action: 'ADD' | 'OBSERVE';
  bizStep: string;
  /** Left out where the event does not say what state the unit is in. */
  disposition?: string;
}

/**
 * CBV 2.0 terms of each exported event type. Verification, sightings and return checks are
 * not supply-chain steps performed on the unit, and neither are corrections of its registration
 * (the commissioning event carries the corrected lot) nor an owner's registration or erasure
 * (they concern a person): none of them is exported. A warranty claim's disposition follows its
 * decision (see `claimDisposition`).
 */
export const EPCIS_VOCABULARY: Partial<Record<SerialEventType, Vocabulary>> = {
  commissioned: { action: 'ADD', bizStep: 'commissioning', disposition: 'active' },
  allocated: { action: 'OBSERVE', bizStep: 'reserving', disposition: 'reserved' },
  shipped: { action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' },
  returned: { action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' },
  // Back in the merchant's storage: sellable, but not where customers can reach it.
  restocked: { action: 'OBSERVE', bizStep: 'storing', disposition: 'sellable_not_accessible' },
  quarantined: { action: 'OBSERVE', bizStep: 'holding', disposition: 'non_sellable_other' },
  scrapped: { action: 'OBSERVE', bizStep: 'destroying', disposition: 'destroyed' },
  recalled: { action: 'OBSERVE', bizStep: 'holding', disposition: 'recalled' },
  released: { action: 'OBSERVE', bizStep: 'storing', disposition: 'sellable_not_accessible' },
  voided: { action: 'OBSERVE', bizStep: 'decommissioning', disposition: 'inactive' },
  // Picked for an order and put back: in storage again.
  deallocated: {
    action: 'OBSERVE',
    bizStep: 'storing',
    disposition: 'sellable_not_accessible',
  },
  // The shipment did not leave: CBV's voided shipping, the unit back in stock.
  shipment_cancelled: {
    action: 'OBSERVE',
    bizStep: 'void_shipping',
    disposition: 'sellable_not_accessible',
  },
  // Inspected and found unaffected by the recall.
  recall_lifted: { action: 'OBSERVE', bizStep: 'inspecting', disposition: 'conformant' },
  warranty_claimed: { action: 'OBSERVE', bizStep: 'inspecting' },
};

/**
 * A warranty claim's disposition: an accepted claim found the unit damaged (to be replaced, when
 * it was resolved so); a refused one says nothing of the unit's state.
 */
export function claimDisposition(data: SerialEvent['data']): string | undefined {
  if (data?.decision !== 'accepted') return undefined;
  return data.resolution === 'replaced' ? 'needs_replacement' : 'damaged';
}

/** Builds the EPCIS document of the events (and registrations) matching the filter. */
export async function buildEpcisDocument(
  ctx: ClientContext,
  filter: EventFilter,
  options: EpcisOptions,
): Promise<EpcisDocument> {
  const unitBase = options.unitUriBase ?? DEFAULT_UNIT_BASE;
  const orderBase = options.orderUriBase ?? DEFAULT_ORDER_BASE;
  const wanted = filter.type === undefined ? undefined : new Set([filter.type].flat());
  const exported = (type: SerialEventType) =>
    EPCIS_VOCABULARY[type] !== undefined && (wanted === undefined || wanted.has(type));

  const skus = new Map<string, Promise<Sku | null>>();
  const skuOf = (id: string) => {
    let sku = skus.get(id);
    if (!sku) {
      sku = ctx.store.getSku(id);
      skus.set(id, sku);
    }
    return sku;
  };
  const unitUri = async (sku: string, serial: string): Promise<string> => {
    const gtin = (await skuOf(sku))?.gtin;
    if (gtin !== undefined) {
      try {
        return buildDigitalLink({ gtin, serial });
      } catch {
        // A serial outside GS1's AI 21 character set cannot be a Digital Link: fall through.
      }
    }
    return `${unitBase}${encodeURIComponent(sku)}:${encodeURIComponent(serial)}`;
  };

  const eventList: EpcisObjectEvent[] = [];
  const add = async (event: SerialEvent) => {
    const vocabulary = EPCIS_VOCABULARY[event.type];
    if (!vocabulary) return;
    const orderId = event.data?.orderId;
    const lot = event.data?.lot;
    const disposition =
      event.type === 'warranty_claimed' ? claimDisposition(event.data) : vocabulary.disposition;
    eventList.push({
      type: 'ObjectEvent',
      eventID: `urn:uuid:${uuidV5(compositeKey(event.sku, event.serial, event.id))}`,
      eventTime: new Date(event.at).toISOString(),
      eventTimeZoneOffset: '+00:00',
      epcList: [await unitUri(event.sku, event.serial)],
      action: vocabulary.action,
      bizStep: vocabulary.bizStep,
      ...(disposition === undefined ? {} : { disposition }),
      ...(typeof orderId === 'string'
        ? {
            bizTransactionList: [
              { type: 'po', bizTransaction: `${orderBase}${encodeURIComponent(orderId)}` },
            ],
          }
        : {}),
      ...(event.type === 'commissioned' && typeof lot === 'string'
        ? { ilmd: { 'cbvmda:lotNumber': lot } }
        : {}),
    });
  };

  // Registrations live on the units: synthesize their commissioning events.
  if (exported('commissioned')) {
    const units: SerialFilter = {
      ...(filter.sku === undefined ? {} : { sku: filter.sku }),
      ...(filter.serial === undefined ? {} : { serials: [filter.serial] }),
      ...(filter.between === undefined ? {} : { registeredBetween: filter.between }),
    };
    await eachPage<SerialRecord>(
      (cursor) => ctx.store.listSerials(units, { cursor, limit: PAGE }),
      (unit) => add(commissionedEvent(unit)),
    );
  }
  const types = (Object.keys(EPCIS_VOCABULARY) as SerialEventType[]).filter(
    (type) => type !== 'commissioned' && exported(type),
  );
  if (types.length > 0) {
    await eachPage<SerialEvent>(
      (cursor) => ctx.store.listEvents({ ...filter, type: types }, { cursor, limit: PAGE }),
      add,
    );
  }
  // Chronological, as a reader of the document expects; the sort is stable.
  eventList.sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0));

  return {
    '@context': [EPCIS_CONTEXT],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: ctx.nowIso(),
    epcisBody: { eventList },
  };
}

async function eachPage<T>(
  fetch: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  each: (item: T) => Promise<void>,
): Promise<void> {
  let cursor: string | null = null;
  do {
    const page = await fetch(cursor);
    for (const item of page.items) await each(item);
    cursor = page.nextCursor;
  } while (cursor !== null);
}

/** RFC 9562 name-based UUID (version 5, SHA-1) in the export's namespace. */
export function uuidV5(name: string, namespace = EVENT_ID_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
