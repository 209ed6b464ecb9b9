/** The HTTP side of serialkit: the web-standard handler, its Node adapter and building blocks. */

export * from '../coordination/index.js';
export {
  type ShopifyAdmin,
  type ShopifyAdminOptions,
  shopifyAdmin,
} from '../platforms/shopify.js';
export {
  type WooCommerceAdmin,
  type WooCommerceAdminOptions,
  wooCommerceAdmin,
} from '../platforms/woocommerce.js';
export type { OrderSerial, WriteBackTargets } from '../platforms/write-back.js';
export {
  createPlatformWriteBack,
  type PlatformWriteBack,
  type PlatformWriteBackOptions,
  WRITE_BACK_CONSUMER,
} from '../platforms/write-back-consumer.js';
export { STORE_METHODS, type StoreMethodName } from '../store-protocol-methods.js';
export type { ApiKeyScope, ApiKeys } from './auth.js';
export type { ConnectionInfo, PlatformAddressHeader } from './client-address.js';
export { createHandler, type HandlerOptions, type SerialkitHandler } from './handler.js';
export type { IdempotencyOptions } from './idempotency.js';
export { createMetrics, type Metrics } from './metrics.js';
export { type NodeListenerOptions, toNodeListener, type WebHandler } from './node/listener.js';
export type { HandlerMetrics, RequestLogEntry } from './observe.js';
export { buildOpenApi } from './openapi.js';
export type { RateLimitOptions } from './rate-limit.js';
export type { PlatformOptions, PlatformSettings } from './routes/platforms.js';
export type { PagedList, ServedClient } from './served-client.js';
export { type StaticHandler, type StaticOptions, serveStatic } from './static.js';
