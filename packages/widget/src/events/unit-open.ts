/**
 * The merchant opened a unit from a list (`<serialkit-unit-list>`): the console shows it in the
 * serial search.
 *
 * @example
 * units.addEventListener('serialkit-unit-open', (event) => search.find(event.detail.serial));
 */
export class UnitOpenEvent extends Event {
  static readonly eventName = 'serialkit-unit-open';
  readonly detail: { sku: string; serial: string };

  constructor(sku: string, serial: string) {
    super(UnitOpenEvent.eventName, { bubbles: true, composed: true });
    this.detail = { sku, serial };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-unit-open': UnitOpenEvent;
  }
}
