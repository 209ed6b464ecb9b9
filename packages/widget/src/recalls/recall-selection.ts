import type { RecallPreviewRequest } from '@serialkit/core';

/** The recall builder's fields as the merchant fills them (dates as `YYYY-MM-DD`). */
export interface RecallDraft {
  sku: string;
  lot: string;
  rangeFrom: string;
  rangeTo: string;
  manufacturedFrom: string;
  manufacturedTo: string;
  notice: string;
  url: string;
}

export const emptyDraft: RecallDraft = {
  sku: '',
  lot: '',
  rangeFrom: '',
  rangeTo: '',
  manufacturedFrom: '',
  manufacturedTo: '',
  notice: '',
  url: '',
};

/**
 * The selection the service previews and recalls, or undefined while the draft selects nothing
 * yet (the service's rule: a SKU and a lot, range or window). Open window ends are closed with
 * far dates, as the service closes them in its queries.
 */
export function selectionOf(draft: RecallDraft): RecallPreviewRequest | undefined {
  const sku = draft.sku.trim();
  const lot = draft.lot.trim();
  const from = draft.rangeFrom.trim();
  const to = draft.rangeTo.trim();
  const made = draft.manufacturedFrom || draft.manufacturedTo;
  if (!sku || !(lot || (from && to) || made)) return undefined;
  return {
    sku,
    ...(lot ? { lot } : {}),
    ...(from && to ? { range: { from, to } } : {}),
    ...(made
      ? {
          manufacturedBetween: {
            from: `${draft.manufacturedFrom || '0001-01-01'}T00:00:00.000Z`,
            to: `${draft.manufacturedTo || '9999-12-31'}T23:59:59.999Z`,
          },
        }
      : {}),
  };
}
