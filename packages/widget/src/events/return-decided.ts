/**
 * The returns desk accepted or rejected a return (the service recorded it).
 *
 * @example
 * desk.addEventListener('serialkit-return-decided', (event) => log(event.detail));
 */
export class ReturnDecidedEvent extends Event {
  static readonly eventName = 'serialkit-return-decided';
  readonly detail: {
    orderId: string;
    serial: string;
    decision: 'accepted' | 'rejected';
    disposition?: 'restock' | 'quarantine' | 'scrap';
  };

  constructor(detail: ReturnDecidedEvent['detail']) {
    super(ReturnDecidedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-return-decided': ReturnDecidedEvent;
  }
}
