/** One logged attempt: send a message to a subscription and append the attempt to its log. */
import type { WebhookDelivery, WebhookMessage, WebhookSubscriptionRecord } from '@serialkit/core';
import type { SerialStore } from '../store.js';
import { type SendOptions, sendWebhook } from './sender.js';

export interface AttemptInput {
  subscription: WebhookSubscriptionRecord;
  messageId: string;
  message: WebhookMessage;
  attempt: number;
  at: Date;
}

/** Sends the attempt (signed at `at`) and records it in the subscription's delivery log. */
export async function attemptDelivery(
  store: SerialStore,
  input: AttemptInput,
  options: SendOptions,
): Promise<WebhookDelivery> {
  const result = await sendWebhook(
    {
      url: input.subscription.url,
      secret: input.subscription.secret,
      messageId: input.messageId,
      body: JSON.stringify(input.message),
      at: input.at,
    },
    options,
  );
  const delivery: WebhookDelivery = {
    subscriptionId: input.subscription.id,
    messageId: input.messageId,
    eventId: input.message.data.eventId,
    type: input.message.type,
    attempt: input.attempt,
    at: input.at.toISOString(),
    ok: result.ok,
    ...(result.status === undefined ? {} : { status: result.status }),
    ...(result.error === undefined ? {} : { error: result.error.slice(0, 500) }),
    latencyMs: result.latencyMs,
  };
  await store.appendWebhookDeliveries([delivery]);
  return delivery;
}
