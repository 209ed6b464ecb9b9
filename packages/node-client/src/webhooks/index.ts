/** Outbound webhooks: the client resource, the dispatcher, message mapping and the address guard. */
export { isNonPublicAddress } from './address-guard.js';
export {
  createWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
  type WebhookRetryOptions,
} from './dispatcher.js';
export {
  type NamedMessage,
  webhookMessageId,
  webhookMessageOf,
  webhookMessagesOf,
} from './messages.js';
export {
  type CreatedWebhookSubscription,
  generateWebhookSecret,
  type WebhooksResource,
} from './resource.js';
