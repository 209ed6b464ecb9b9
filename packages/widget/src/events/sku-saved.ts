import type { Sku } from '@serialkit/core';

/**
 * A `<serialkit-sku-editor>` saved a SKU (the service accepted it). `detail.sku` is the SKU as
 * stored.
 *
 * @example
 * editor.addEventListener('serialkit-sku-saved', (event) => list.refresh());
 */
export class SkuSavedEvent extends Event {
  static readonly eventName = 'serialkit-sku-saved';
  readonly detail: { sku: Sku };

  constructor(sku: Sku) {
    super(SkuSavedEvent.eventName, { bubbles: true, composed: true });
    this.detail = { sku };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-sku-saved': SkuSavedEvent;
  }
}
