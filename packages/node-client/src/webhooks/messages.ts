/**
 * Which event log entries become which webhook messages: the one place that maps the log to
 * `WebhookEventType`s, and that names a message (its `webhook-id`).
 */
import {
  isLogNotice,
  type LogEntry,
  type SerialEvent,
  type WebhookMessage,
  type WebhookUnitEventType,
} from '@serialkit/core';

/** Unit events that make a message, and the message type each makes. */
const TYPE_OF: Partial<Record<SerialEvent['type'], WebhookUnitEventType>> = {
  shipped: 'unit.shipped',
  returned: 'unit.returned',
  return_rejected: 'unit.returned',
  flagged: 'unit.flagged_suspicious',
  recalled: 'unit.recalled',
  warranty_claimed: 'warranty.claimed',
  // The entry names the owner by id only: the message carries no personal data.
  owner_registered: 'owner.registered',
  recall_closed: 'recall.closed',
};

/** A message about one unit. */
type UnitWebhookMessage = Extract<WebhookMessage, { data: { sku: string } }>;

/** A message and its `webhook-id`. */
export interface NamedMessage {
  id: string;
  message: WebhookMessage;
}

/**
 * The messages an event log entry makes (none, or one; a unit's `recalled` entry also makes the
 * recall's `recall.created`, named after the recall so that every unit's copy carries the same
 * `webhook-id` and receivers keep one; a unit's `recall_closed` entry makes the recall's
 * `recall.closed` only, named after the recall likewise). A notice of a finished import makes
 * its `import.finished`.
 *
 * @example
 * webhookMessagesOf(event).map((m) => m.message.type); // ['unit.recalled', 'recall.created']
 */
export function webhookMessagesOf(event: LogEntry): NamedMessage[] {
  if (isLogNotice(event)) {
    const message: WebhookMessage = {
      type: 'import.finished',
      timestamp: event.at,
      data: { eventId: event.id, at: event.at, import: event.data },
    };
    return [{ id: webhookMessageId(event.id), message }];
  }
  const message = webhookMessageOf(event);
  if (!message) return [];
  if (message.type === 'recall.closed') {
    // A unit's entry of a recall's close: the recall's message only, named after the recall.
    const closedId = event.data?.recallId;
    return typeof closedId === 'string' ? [{ id: `msg_recall_closed_${closedId}`, message }] : [];
  }
  const named = [{ id: webhookMessageId(event.id), message }];
  const recallId = event.type === 'recalled' ? event.data?.recallId : undefined;
  if (typeof recallId === 'string') {
    named.push({
      id: `msg_recall_${recallId}`,
      message: { ...message, type: 'recall.created' },
    });
  }
  return named;
}

/**
 * The unit message an event log entry makes, or null when it makes none.
 *
 * @example
 * webhookMessageOf({ id: '42', sku: 'KB-100', serial: 'SN1', type: 'shipped', at, data: { orderId: 'O-1' } });
 * // { type: 'unit.shipped', timestamp: at, data: { eventId: '42', sku: 'KB-100', serial: 'SN1', at, details: { orderId: 'O-1' } } }
 */
export function webhookMessageOf(event: SerialEvent): UnitWebhookMessage | null {
  const type = TYPE_OF[event.type];
  if (!type) return null;
  const verdict =
    event.type === 'returned' ? 'accepted' : event.type === 'return_rejected' ? 'rejected' : null;
  return {
    type,
    timestamp: event.at,
    data: {
      eventId: event.id,
      sku: event.sku,
      serial: event.serial,
      at: event.at,
      ...(verdict ? { verdict } : {}),
      ...(event.data ? { details: event.data } : {}),
    },
  };
}

/**
 * The `webhook-id` of the message an event makes: derived from the event alone, so every
 * attempt, replay and instance sends the same id and receivers can drop repeats.
 */
export function webhookMessageId(eventId: string): string {
  return `msg_${eventId}`;
}

/**
 * What a message is about, for people reading a list of them: its unit (`KB-100 SN1`) or its
 * import (`import of serials`).
 *
 * @example
 * webhookMessageSubject(message); // 'KB-100 SN1'
 */
export function webhookMessageSubject(message: WebhookMessage): string {
  return message.type === 'import.finished'
    ? `import of ${message.data.import.kind}`
    : `${message.data.sku} ${message.data.serial}`;
}
