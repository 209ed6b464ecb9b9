import type { WebhookSubscription } from '@serialkit/core';

/** What happened to a subscription. */
export type WebhookChange = 'created' | 'enabled' | 'disabled' | 'deleted';

/**
 * `<serialkit-webhooks>` created, enabled, disabled or deleted a webhook subscription (the
 * signing secret of a new one is never in the event).
 *
 * @example
 * webhooks.addEventListener('serialkit-webhook-changed', (event) =>
 *   audit(event.detail.change, event.detail.subscription.id),
 * );
 */
export class WebhookChangedEvent extends Event {
  static readonly eventName = 'serialkit-webhook-changed';
  readonly detail: { change: WebhookChange; subscription: WebhookSubscription };

  constructor(change: WebhookChange, subscription: WebhookSubscription) {
    super(WebhookChangedEvent.eventName, { bubbles: true, composed: true });
    this.detail = { change, subscription };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-webhook-changed': WebhookChangedEvent;
  }
}
