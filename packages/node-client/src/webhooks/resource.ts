/**
 * `client.webhooks`: subscriptions, their delivery logs and dead letters, and replays.
 * Delivery itself is the dispatcher's (`createWebhookDispatcher`, run by `serialkit serve`).
 */
import { randomBytes } from 'node:crypto';
import {
  type WebhookDeadLetter,
  type WebhookDelivery,
  type WebhookSubscription,
  type WebhookSubscriptionCreate,
  type WebhookSubscriptionRecord,
  type WebhookSubscriptionUpdate,
  webhookSubscriptionCreateSchema,
  webhookSubscriptionUpdateSchema,
} from '@serialkit/core';
import { NotFoundError } from '../errors.js';
import type { PageOptions } from '../store.js';
import type { ClientContext } from '../workflows/context.js';
import { parseInput } from '../workflows/input.js';
import { createList, type List } from '../workflows/list.js';
import { attemptDelivery } from './delivery.js';

/** How the client sends replays (the dispatcher has the same settings). */
export interface WebhookSendSettings {
  allowPrivate: boolean;
  timeoutMs: number;
}

/** A new subscription with its signing secret, which is shown only here. */
export type CreatedWebhookSubscription = WebhookSubscription & { secret: string };

export interface WebhooksResource {
  /**
   * Subscribes a URL to event types. It receives the events that happen after this call. Without
   * a `secret`, a Standard Webhooks secret (`whsec_…`) is generated; keep the one returned, it is
   * not shown again.
   *
   * @example
   * const hook = await client.webhooks.create({
   *   url: 'https://erp.example/serialkit',
   *   eventTypes: ['unit.shipped', 'unit.recalled'],
   * });
   * saveSecret(hook.secret);
   */
  create(input: WebhookSubscriptionCreate): Promise<CreatedWebhookSubscription>;
  /**
   * A subscription (without its secret), or a `NotFoundError`.
   *
   * @example
   * const hook = await client.webhooks.get('wh_0f3c…');
   */
  get(id: string): Promise<WebhookSubscription>;
  /**
   * Every subscription, oldest first.
   *
   * @example
   * for (const hook of await client.webhooks.list()) console.log(hook.url, hook.enabled);
   */
  list(): Promise<WebhookSubscription[]>;
  /**
   * Changes a subscription (URL, event types, secret, enabled); its cursor stays where it is.
   *
   * @example
   * await client.webhooks.update(hook.id, { enabled: false });
   */
  update(id: string, change: WebhookSubscriptionUpdate): Promise<WebhookSubscription>;
  /**
   * Deletes a subscription with its delivery log and dead letters.
   *
   * @example
   * await client.webhooks.delete(hook.id);
   */
  delete(id: string): Promise<void>;
  /**
   * The delivery attempts of a subscription, newest first: attempt, status code, latency, error.
   *
   * @example
   * for await (const d of client.webhooks.deliveries(hook.id)) console.log(d.at, d.status, d.latencyMs);
   */
  deliveries(id: string, page?: PageOptions): List<WebhookDelivery>;
  /**
   * Messages given up after their retries, oldest first.
   *
   * @example
   * const { items } = await client.webhooks.deadLetters(hook.id);
   */
  deadLetters(id: string, page?: PageOptions): List<WebhookDeadLetter>;
  /**
   * Sends a dead letter again now (same `webhook-id`, freshly signed). Accepted: the letter is
   * removed; refused: it stays. The attempt is logged and returned.
   *
   * @example
   * for await (const letter of client.webhooks.deadLetters(hook.id)) {
   *   await client.webhooks.replay(hook.id, letter.messageId);
   * }
   */
  replay(id: string, messageId: string): Promise<WebhookDelivery>;
}

function publicView(record: WebhookSubscriptionRecord): WebhookSubscription {
  const { secret: _secret, ...rest } = record;
  return rest;
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function webhooksResource(
  ctx: ClientContext,
  settings: WebhookSendSettings,
): WebhooksResource {
  const requireRecord = async (id: string): Promise<WebhookSubscriptionRecord> => {
    const found =
      typeof id === 'string' && id.length > 0 && id.length <= 200
        ? await ctx.store.getWebhookSubscription(id)
        : null;
    if (!found)
      throw new NotFoundError(`Webhook subscription ${id} not found`, { details: { id } });
    return found;
  };

  return {
    async create(input) {
      const request = parseInput(webhookSubscriptionCreateSchema, input, 'webhook subscription');
      const now = ctx.nowIso();
      const record: WebhookSubscriptionRecord = {
        id: `wh_${randomBytes(10).toString('hex')}`,
        url: request.url,
        eventTypes: [...new Set(request.eventTypes)],
        secret: request.secret ?? generateWebhookSecret(),
        enabled: request.enabled ?? true,
        ...(request.description === undefined ? {} : { description: request.description }),
        createdAt: now,
        updatedAt: now,
      };
      await ctx.store.putWebhookSubscription(record);
      return { ...publicView(record), secret: record.secret };
    },

    async get(id) {
      return publicView(await requireRecord(id));
    },

    async list() {
      return (await ctx.store.listWebhookSubscriptions()).map(publicView);
    },

    async update(id, change) {
      const request = parseInput(webhookSubscriptionUpdateSchema, change, 'webhook subscription');
      const current = await requireRecord(id);
      const next: WebhookSubscriptionRecord = {
        ...current,
        ...(request.url === undefined ? {} : { url: request.url }),
        ...(request.eventTypes === undefined
          ? {}
          : { eventTypes: [...new Set(request.eventTypes)] }),
        ...(request.secret === undefined ? {} : { secret: request.secret }),
        ...(request.enabled === undefined ? {} : { enabled: request.enabled }),
        ...(request.description === undefined ? {} : { description: request.description }),
        updatedAt: ctx.nowIso(),
      };
      await ctx.store.putWebhookSubscription(next);
      return publicView(next);
    },

    async delete(id) {
      await requireRecord(id);
      await ctx.store.deleteWebhookSubscription(id);
    },

    deliveries(id, page) {
      return createList(async ({ cursor, limit }) => {
        await requireRecord(id);
        return ctx.store.listWebhookDeliveries(id, { cursor, ...(limit ? { limit } : {}) });
      }, page);
    },

    deadLetters(id, page) {
      return createList(async ({ cursor, limit }) => {
        await requireRecord(id);
        return ctx.store.listWebhookDeadLetters(id, { cursor, ...(limit ? { limit } : {}) });
      }, page);
    },

    async replay(id, messageId) {
      const subscription = await requireRecord(id);
      const letter =
        typeof messageId === 'string' ? await findDeadLetter(ctx, id, messageId) : undefined;
      if (!letter) {
        throw new NotFoundError(`Dead letter ${messageId} not found`, {
          details: { id, messageId },
        });
      }
      const delivery = await attemptDelivery(
        ctx.store,
        {
          subscription,
          messageId: letter.messageId,
          message: letter.message,
          attempt: letter.attempts + 1,
          // Wall-clock time, not the client's clock: receivers refuse stale signatures.
          at: new Date(),
        },
        settings,
      );
      if (delivery.ok) await ctx.store.deleteWebhookDeadLetter(id, letter.messageId);
      else {
        await ctx.store.putWebhookDeadLetter({
          ...letter,
          attempts: letter.attempts + 1,
          failedAt: delivery.at,
          lastError: delivery.error ?? `status ${delivery.status}`,
        });
      }
      return delivery;
    },
  };
}

async function findDeadLetter(
  ctx: ClientContext,
  id: string,
  messageId: string,
): Promise<WebhookDeadLetter | undefined> {
  let cursor: string | null = null;
  do {
    const page: { items: WebhookDeadLetter[]; nextCursor: string | null } =
      await ctx.store.listWebhookDeadLetters(id, { cursor, limit: 1000 });
    const found = page.items.find((letter) => letter.messageId === messageId);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return undefined;
}
