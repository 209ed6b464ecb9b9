/**
 * "Did you mean": registered units whose serial is one slip of the hand away from what was typed.
 * One rule for the pack station (a pick's `mistyped` answer, over the order's SKUs) and the
 * merchant's serial search (over the catalog): the format's own suggestions (look-alikes and a
 * failed check character, ranked by the check) and every serial one edit away that the format
 * reads (a wrong, swapped, dropped or added character), so that a typo which still reads as a
 * valid serial in a format without a check character is caught too. Only registered units are
 * offered; scanned codes (GS1) are read, not typed, and get none.
 */
import { isGs1Input, lookalikeGroup, type SerialStatus, type Sku } from '@serialkit/core';
import type { ClientContext } from './context.js';

/** A registered unit offered for a mistyped serial. */
export interface UnitSuggestionFound {
  sku: string;
  serial: string;
  status: SerialStatus;
}

export interface SuggestOptions {
  /**
   * Statuses a unit reached only by an edit (not by the format's check) must have; the pack
   * station offers units it could still pick. Default: any.
   */
  editedStatuses?: readonly SerialStatus[];
  /** Suggestions returned at most. Default 5. */
  limit?: number;
}

/** Suggestions returned when the caller gives no limit. */
export const MAX_SUGGESTIONS = 5;
/** Candidate fixes a format offers per SKU (one store read for all of a SKU's candidates). */
const FORMAT_CANDIDATES_PER_SKU = 100;
/** Longer input is not a mistyped serial: no edits are tried. */
const MAX_EDITED_INPUT = 64;
/** SKUs of the catalog looked at for one input, at most (formats that read almost anything). */
const MAX_NEAR_SKUS = 20;
/** Characters tried in substitutions and insertions, besides those of the input itself. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// The same scale as core's format suggestions.
const SCORE_LOOKALIKE = 0.9;
const SCORE_TRANSPOSE = 0.6;
const SCORE_SUBSTITUTE = 0.3;
const SCORE_DROP_OR_ADD = 0.25;

/** A text one edit away from the input, and how likely that edit is. */
interface Edit {
  text: string;
  score: number;
}

/**
 * Every text one edit away from `input`: one character replaced (look-alikes score highest), two
 * adjacent characters swapped, one dropped, one added. Case changes are not edits (formats fold
 * case).
 */
export function oneEditAway(input: string): Edit[] {
  const chars = Array.from(input);
  if (chars.length === 0 || chars.length > MAX_EDITED_INPUT) return [];
  const alphabet = [...new Set([...ALPHABET, ...chars.map((c) => c.toUpperCase())])];
  const edits: Edit[] = [];
  const at = (i: number, insert: string[], skip: number) =>
    [...chars.slice(0, i), ...insert, ...chars.slice(i + skip)].join('');
  for (let i = 0; i < chars.length; i++) {
    const from = chars[i]!.toUpperCase();
    const group = lookalikeGroup(from);
    for (const to of alphabet) {
      if (to === from) continue;
      edits.push({
        text: at(i, [to], 1),
        score: group?.includes(to) ? SCORE_LOOKALIKE : SCORE_SUBSTITUTE,
      });
    }
    if (i + 1 < chars.length && chars[i + 1]!.toUpperCase() !== from) {
      edits.push({ text: at(i, [chars[i + 1]!, chars[i]!], 2), score: SCORE_TRANSPOSE });
    }
    if (chars.length > 1) edits.push({ text: at(i, [], 1), score: SCORE_DROP_OR_ADD });
  }
  for (let i = 0; i <= chars.length; i++) {
    for (const to of alphabet) edits.push({ text: at(i, [to], 0), score: SCORE_DROP_OR_ADD });
  }
  return edits;
}

/** A canonical serial of one SKU the input may have meant. */
interface Candidate {
  score: number;
  /** Offered by the format itself (its check character agrees): any status will do. */
  byFormat: boolean;
}

/** The serials of `sku` near `input`, by canonical serial, best score kept. */
function candidatesOf(
  ctx: ClientContext,
  sku: Sku,
  input: string,
  edits: readonly Edit[],
): Map<string, Candidate> {
  const found = new Map<string, Candidate>();
  let format: ReturnType<ClientContext['formats']['of']>;
  try {
    format = ctx.formats.of(sku);
  } catch {
    return found; // a stored format that no longer compiles suggests nothing
  }
  const typed = format.validate(input);
  const itself = typed.success ? typed.data.serial : undefined;
  const add = (serial: string, score: number, byFormat: boolean) => {
    if (serial === itself) return;
    const known = found.get(serial);
    found.set(serial, {
      score: Math.max(score, known?.score ?? 0),
      byFormat: byFormat || known?.byFormat === true,
    });
  };
  for (const suggestion of format.suggest(input, { limit: FORMAT_CANDIDATES_PER_SKU })) {
    add(suggestion.serial, suggestion.score, true);
  }
  for (const edit of edits) {
    const result = format.validate(edit.text);
    if (result.success) add(result.data.serial, edit.score, false);
  }
  return found;
}

/**
 * Registered units the input could have meant, best first: of the given SKUs, or of the tracked
 * SKUs of the catalog whose formats read the input or a text one edit away from it. Units the
 * input itself denotes are not suggestions.
 *
 * @example
 * await suggestUnits(ctx, 'SN-00O124', { skus: [sku] });
 * // [{ sku: 'SKU-1', serial: 'SN-000124', status: 'in_stock' }]
 */
export async function suggestUnits(
  ctx: ClientContext,
  rawInput: string,
  scope: { skus?: readonly Sku[] },
  options: SuggestOptions = {},
): Promise<UnitSuggestionFound[]> {
  const input = rawInput.trim();
  if (input.length === 0 || isGs1Input(input)) return [];
  const edits = oneEditAway(input);
  const skus = scope.skus ?? (await nearSkus(ctx, input, edits));
  const limit = options.limit ?? MAX_SUGGESTIONS;
  const found: (UnitSuggestionFound & { score: number; rank: number })[] = [];
  for (const sku of skus) {
    if (!sku.serialTracking.enabled) continue;
    const candidates = candidatesOf(ctx, sku, input, edits);
    if (candidates.size === 0) continue;
    const registered = await ctx.store.listSerials(
      { sku: sku.sku, serials: [...candidates.keys()] },
      { limit: candidates.size },
    );
    for (const unit of registered.items) {
      const candidate = candidates.get(unit.serial);
      if (!candidate) continue;
      const allowed =
        candidate.byFormat ||
        options.editedStatuses === undefined ||
        options.editedStatuses.includes(unit.status);
      if (allowed) {
        found.push({
          sku: unit.sku,
          serial: unit.serial,
          status: unit.status,
          score: candidate.score,
          rank: found.length,
        });
      }
    }
  }
  return found
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .slice(0, limit)
    .map(({ sku, serial, status }) => ({ sku, serial, status }));
}

/** Tracked SKUs whose format reads the input or one of its edits, in catalog order. */
async function nearSkus(ctx: ClientContext, input: string, edits: readonly Edit[]) {
  const snapshot = await ctx.catalog.snapshot();
  const near = new Map<string, Sku>();
  for (const text of [input, ...edits.map((edit) => edit.text)]) {
    for (const candidate of snapshot.match(text).candidates) {
      near.set(candidate.sku.sku, candidate.sku);
      if (near.size >= MAX_NEAR_SKUS) return [...near.values()];
    }
  }
  return [...near.values()];
}
