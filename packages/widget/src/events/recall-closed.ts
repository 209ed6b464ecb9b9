import type { Recall } from '@serialkit/core';

/**
 * `<serialkit-recalls>` closed a recall (the campaign ended; its units stay flagged).
 *
 * @example
 * recalls.addEventListener('serialkit-recall-closed', (event) => notify(event.detail.recall.id));
 */
export class RecallClosedEvent extends Event {
  static readonly eventName = 'serialkit-recall-closed';
  readonly detail: { recall: Recall };

  constructor(recall: Recall) {
    super(RecallClosedEvent.eventName, { bubbles: true, composed: true });
    this.detail = { recall };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-recall-closed': RecallClosedEvent;
  }
}
