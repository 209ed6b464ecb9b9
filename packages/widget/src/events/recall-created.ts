import type { Recall } from '@serialkit/core';

/**
 * `<serialkit-recalls>` created a recall (the service marked its units).
 *
 * @example
 * recalls.addEventListener('serialkit-recall-created', (event) => notify(event.detail.recall.id));
 */
export class RecallCreatedEvent extends Event {
  static readonly eventName = 'serialkit-recall-created';
  readonly detail: { recall: Recall };

  constructor(recall: Recall) {
    super(RecallCreatedEvent.eventName, { bubbles: true, composed: true });
    this.detail = { recall };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-recall-created': RecallCreatedEvent;
  }
}
