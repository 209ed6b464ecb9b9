import type { SerialStatus } from '@serialkit/core';
import type { Query } from '../api/admin-client.js';

/** The Units screen's filter, as the merchant sets it (dates as `YYYY-MM-DD`). */
export interface UnitFilter {
  sku: string;
  status: SerialStatus | '';
  lot: string;
  orderId: string;
  manufacturedFrom: string;
  manufacturedTo: string;
  shippedFrom: string;
  shippedTo: string;
}

export const emptyFilter: UnitFilter = {
  sku: '',
  status: '',
  lot: '',
  orderId: '',
  manufacturedFrom: '',
  manufacturedTo: '',
  shippedFrom: '',
  shippedTo: '',
};

/** A day's start or end as the ISO date-time the service's windows take. */
function day(date: string, end: boolean): string | undefined {
  if (!date) return undefined;
  return `${date}T${end ? '23:59:59.999' : '00:00:00.000'}Z`;
}

/** The query of `GET /v1/serials` and `GET /v1/exports/serials.csv` for a filter. */
export function unitQuery(filter: UnitFilter): Query {
  return {
    sku: filter.sku.trim(),
    status: filter.status,
    lot: filter.lot.trim(),
    orderId: filter.orderId.trim(),
    manufacturedFrom: day(filter.manufacturedFrom, false),
    manufacturedTo: day(filter.manufacturedTo, true),
    shippedFrom: day(filter.shippedFrom, false),
    shippedTo: day(filter.shippedTo, true),
  };
}
