/**
 * `@serialkit/node-client/service`: a typed client of a serialkit service's HTTP API.
 *
 * @example
 * import { createServiceClient } from '@serialkit/node-client/service';
 *
 * const service = createServiceClient({ baseUrl: 'https://serials.example', apiKey: process.env.SERIALKIT_API_KEY });
 * const { status } = await service.verify({ input: 'SN-2024-0000016' });
 */

export {
  AuthError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  SerialkitError,
  ValidationError,
} from './errors.js';
export type { RetryOptions } from './remote/retries.js';
export {
  type CallOptions,
  createServiceClient,
  type ServiceClient,
  type ServiceClientOptions,
} from './service/client.js';
export type { components, operations, paths } from './service/openapi-types.js';
export type { List } from './workflows/list.js';
