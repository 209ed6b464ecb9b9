/**
 * "Did you mean" for the merchant's serial search: the registered units a serial typed wrong
 * could have meant, by the rule the pack station's `mistyped` answer follows. Admin route: an
 * API key with read scope (the answer names units, never customers).
 */
import { serialSuggestionsSchema } from '@serialkit/core';
import { json } from '../response.js';
import { defineRoute, type Route } from '../route.js';
import type { ServedClient } from '../served-client.js';
import { skuQuery } from './query.js';
import { err, readErrors } from './responses.js';

export function suggestionRoutes(client: ServedClient): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/serials/:serial/suggestions',
      operationId: 'suggestSerials',
      summary:
        'Registered units a mistyped serial could have meant (look-alike, swap, one wrong, dropped or added character), best first',
      tag: 'serials',
      access: 'read',
      params: { serial: 'Serial as typed (percent-encoded)' },
      query: skuQuery,
      responses: [
        {
          status: 200,
          description: 'The suggestions (none: an empty list)',
          schema: serialSuggestionsSchema,
        },
        ...readErrors,
        err(404, 'Unknown SKU'),
      ],
      async handle({ params, query }) {
        return json(
          await client.serials.suggest(
            params.serial!,
            query.sku === undefined ? {} : { sku: query.sku },
          ),
        );
      },
    }),
  ];
}
