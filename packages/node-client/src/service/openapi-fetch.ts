/**
 * openapi-fetch's `createClient`, from the ESM and the CommonJS build alike. Its CommonJS file
 * exports `{ default: createClient, … }` without the `__esModule` mark, so a CommonJS bundle's
 * default import is that whole object: the function is one `.default` further.
 */
import * as openapiFetch from 'openapi-fetch';

type CreateClient = typeof openapiFetch.default;

const imported = openapiFetch.default as CreateClient | { default: CreateClient };

export const createClient: CreateClient =
  typeof imported === 'function' ? imported : imported.default;
export type { Client } from 'openapi-fetch';
