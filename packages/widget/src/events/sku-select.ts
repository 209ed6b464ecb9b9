/**
 * The merchant chose a SKU to edit in a `<serialkit-sku-list>` (its Edit button).
 *
 * @example
 * list.addEventListener('serialkit-sku-select', (event) => (editor.sku = event.detail.sku));
 */
export class SkuSelectEvent extends Event {
  static readonly eventName = 'serialkit-sku-select';
  readonly detail: { sku: string };

  constructor(sku: string) {
    super(SkuSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = { sku };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-sku-select': SkuSelectEvent;
  }
}
