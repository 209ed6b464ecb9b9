import type { RecallPreviewRequest } from '@serialkit/core';

/** The recall builder's fields as the merchant fills them (dates as `YYYY-MM-DD`). */
export interface RecallDraft {
  /** One SKU or several. */
  skus: string[];
  lot: string;
  rangeFrom: string;
  rangeTo: string;
  manufacturedFrom: string;
  manufacturedTo: string;
  shippedFrom: string;
  shippedTo: string;
  notice: string;
  url: string;
}

/** The draft's text fields (every field but `skus`). */
export type RecallDraftField = Exclude<keyof RecallDraft, 'skus'>;

export const emptyDraft: RecallDraft = {
  skus: [],
  lot: '',
  rangeFrom: '',
  rangeTo: '',
  manufacturedFrom: '',
  manufacturedTo: '',
  shippedFrom: '',
  shippedTo: '',
  notice: '',
  url: '',
};

/** A window of whole days; an open end is closed with a far date, as the service closes it. */
function window(from: string, to: string): { from: string; to: string } {
  return {
    from: `${from || '0001-01-01'}T00:00:00.000Z`,
    to: `${to || '9999-12-31'}T23:59:59.999Z`,
  };
}

/**
 * The selection the service previews and recalls, or undefined while the draft selects nothing
 * yet (the service's rule: one SKU (`sku`) or several (`skus`), and a lot, range, manufacture
 * window or shipment window).
 */
export function selectionOf(draft: RecallDraft): RecallPreviewRequest | undefined {
  const skus = draft.skus.map((sku) => sku.trim()).filter(Boolean);
  const lot = draft.lot.trim();
  const from = draft.rangeFrom.trim();
  const to = draft.rangeTo.trim();
  const made = draft.manufacturedFrom || draft.manufacturedTo;
  const shipped = draft.shippedFrom || draft.shippedTo;
  if (skus.length === 0 || !(lot || (from && to) || made || shipped)) return undefined;
  return {
    ...(skus.length === 1 ? { sku: skus[0]! } : { skus }),
    ...(lot ? { lot } : {}),
    ...(from && to ? { range: { from, to } } : {}),
    ...(made ? { manufacturedBetween: window(draft.manufacturedFrom, draft.manufacturedTo) } : {}),
    ...(shipped ? { shippedBetween: window(draft.shippedFrom, draft.shippedTo) } : {}),
  };
}
