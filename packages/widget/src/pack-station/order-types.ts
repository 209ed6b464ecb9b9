/**
 * The orders API's payloads as the pack station reads them (the shared orders contract:
 * `GET /v1/orders/:id`, `POST /v1/orders/:id/picks`, `DELETE …/picks/:sku/:serial`,
 * `POST /v1/orders/:id/ship`).
 */
export type OrderStatus = 'open' | 'partially_shipped' | 'shipped' | 'cancelled';

export type PickOutcome =
  | 'accepted'
  | 'mistyped'
  | 'wrong_sku'
  | 'line_full'
  | 'already_picked'
  | 'already_shipped'
  | 'recalled'
  | 'not_registered'
  | 'unavailable'
  | 'invalid'
  | 'ambiguous';

export interface OrderLine {
  sku: string;
  quantity: number;
  picked: number;
  shipped: number;
}

export interface Pick {
  sku: string;
  serial: string;
  at: string;
}

export interface Order {
  id: string;
  channel: 'b2c' | 'b2b';
  status: OrderStatus;
  lines: OrderLine[];
  picks: Pick[];
  shipments: { shipmentId: string; shippedAt: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface PickResult {
  outcome: PickOutcome;
  input: string;
  sku?: string;
  serial?: string;
  suggestions?: { sku: string; serial: string }[];
  candidates?: string[];
  order: Order;
}
