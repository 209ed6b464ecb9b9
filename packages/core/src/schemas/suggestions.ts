/**
 * "Did you mean": registered units whose serial is one slip of the hand away from what was typed
 * (a look-alike character, a swap, one wrong, dropped or added character). The pack station's
 * `mistyped` answer and the merchant's serial search share this shape.
 */
import { z } from 'zod';
import { serialStatusSchema, serialString } from './domain.js';

/** A registered unit offered for a mistyped serial. */
export const unitSuggestionSchema = z.object({
  sku: z.string(),
  serial: serialString,
});

/** What `serials.suggest` answers: the registered units the input could have meant, best first. */
export const serialSuggestionsSchema = z.object({
  input: z.string(),
  items: z.array(unitSuggestionSchema.extend({ status: serialStatusSchema })),
});

/** A registered unit offered for a mistyped serial. */
export type UnitSuggestion = z.infer<typeof unitSuggestionSchema>;
/** The answer of `serials.suggest`. */
export type SerialSuggestions = z.infer<typeof serialSuggestionsSchema>;
