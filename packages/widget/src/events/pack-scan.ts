/**
 * The pack station answered a scan: `detail.outcome` is the service's pick outcome (`accepted`,
 * `mistyped`, `wrong_sku`, `line_full`, `already_shipped`, `recalled`, `not_registered`…).
 *
 * @example
 * station.addEventListener('serialkit-pack-scan', (event) => log(event.detail.outcome));
 */
export class PackScanEvent extends Event {
  static readonly eventName = 'serialkit-pack-scan';
  readonly detail: {
    orderId: string;
    input: string;
    outcome: string;
    sku?: string;
    serial?: string;
  };

  constructor(detail: PackScanEvent['detail']) {
    super(PackScanEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * The pack station shipped an order (complete or, on purpose, partially).
 *
 * @example
 * station.addEventListener('serialkit-order-shipped', (event) => printLabel(event.detail.shipmentId));
 */
export class OrderShippedEvent extends Event {
  static readonly eventName = 'serialkit-order-shipped';
  readonly detail: { orderId: string; shipmentId: string; partial: boolean };

  constructor(detail: OrderShippedEvent['detail']) {
    super(OrderShippedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-pack-scan': PackScanEvent;
    'serialkit-order-shipped': OrderShippedEvent;
  }
}
