import type { FormatHint } from '@serialkit/core';
import {
  compileValidator,
  describeFormat,
  en,
  type LocaleBundle,
  readGs1Unit,
  type SerialIssue,
  type SerialValidator,
  type Suggestion,
} from '@serialkit/core/validate';

export { candidateFormats } from './candidates.js';

/** What the element knows about the serial being typed, before asking the service. */
export interface InputCheck {
  /**
   * - `empty`: nothing typed;
   * - `valid`: matches a known format (`canonical` is its canonical form);
   * - `invalid`: matches none of the candidate formats, and every one of them is known here, so
   *   the service would answer `invalid` too;
   * - `unchecked`: no local verdict (no hints, or a format only the service can check).
   */
  status: 'empty' | 'valid' | 'invalid' | 'unchecked';
  /** The serial part of the input: the input, or AI 21 of a GS1 element string or Digital Link. */
  serial: string;
  /** Whether the input is GS1 (element string or Digital Link), sent to the service as typed. */
  gs1: boolean;
  /** The canonical serial when `valid`. */
  canonical?: string;
  /**
   * The product the help is about: whose format matched (`valid`), the closest (`invalid`), or
   * the only candidate.
   */
  format?: FormatHint;
  /** The format's hint in the requested locale (the service's text for server-side formats). */
  hint?: string;
  /** Issues of the closest format when `invalid`, in the requested locale. */
  issues: SerialIssue[];
  /** One-change fixes worth offering, best first. */
  suggestions: Suggestion[];
  /** Shortest serial of the candidate formats: issues wait until the input is this long. */
  minLength: number;
}

/** Options of {@link checkInput}. */
export interface CheckInputOptions {
  /** Issue messages and hint words in the customer's language (default English). */
  messages?: LocaleBundle | undefined;
  /** Compute suggestions (default true). */
  suggestions?: boolean;
  /** Most suggestions offered (default 3). */
  limit?: number;
}

/**
 * Suggestions below this score are guesses (any one digit changed so that the check digit fits):
 * offering them would send customers to someone else's serial. Look-alikes (O→0) and swapped
 * neighbours score above it.
 */
const MIN_SCORE = 0.5;

const compiled = new Map<string, SerialValidator | null>();

/** The compiled format of a pattern, once per page; null when it does not compile. */
function formatOf(pattern: string): SerialValidator | null {
  const known = compiled.get(pattern);
  if (known !== undefined) return known;
  let format: SerialValidator | null;
  try {
    format = compileValidator(pattern);
  } catch {
    // A pattern from a newer service that this version cannot read: the service checks it.
    format = null;
  }
  compiled.set(pattern, format);
  return format;
}

/** The hint of a product's format in the customer's language. */
function hintOf(product: FormatHint, messages: LocaleBundle): string {
  const format = product.format === null ? null : formatOf(product.format);
  return format ? describeFormat(format.tokens, messages) : product.hint;
}

/**
 * Checks typed or scanned input against the candidate formats, locally: no request, and fast
 * enough to run on every keystroke.
 *
 * @example
 * checkInput('SN-2024-O001238', hints.formats, { messages: de });
 * // { status: 'invalid', suggestions: [{ serial: 'SN-2024-0001238', … }], issues: [{ message: 'Zeichen 9 …' }], … }
 */
export function checkInput(
  input: string,
  candidates: readonly FormatHint[],
  options: CheckInputOptions,
): InputCheck {
  const messages = options.messages ?? en;
  const limit = options.limit ?? 3;
  const trimmed = input.trim();
  const only = candidates.length === 1 ? candidates[0] : undefined;
  const about = (product: FormatHint | undefined) =>
    product ? { format: product, hint: hintOf(product, messages) } : {};
  const none = { issues: [], suggestions: [], minLength: 1 };
  if (!trimmed) return { status: 'empty', serial: '', gs1: false, ...none, ...about(only) };

  let serial = trimmed;
  let gs1 = false;
  const unit = readGs1Unit(trimmed);
  if (unit) {
    gs1 = true;
    if (!unit.success) {
      return { status: 'invalid', serial: trimmed, gs1, ...none, issues: unit.issues };
    }
    // A GS1 code without a serial (AI 21) names a product, not a unit: the service decides.
    if (!unit.data.serial) return { status: 'unchecked', serial: trimmed, gs1, ...none };
    serial = unit.data.serial;
  }

  const known = candidates.flatMap((product) => {
    const format = product.format === null ? null : formatOf(product.format);
    return format ? [{ product, format }] : [];
  });
  if (known.length === 0) return { status: 'unchecked', serial, gs1, ...none, ...about(only) };

  const failed: { product: FormatHint; format: SerialValidator; issues: SerialIssue[] }[] = [];
  for (const { product, format } of known) {
    const result = format.validate(serial, { locale: messages });
    if (result.success) {
      return {
        status: 'valid',
        serial,
        gs1,
        canonical: result.data.serial,
        ...none,
        ...about(product),
      };
    }
    failed.push({ product, format, issues: result.issues });
  }

  let suggestions: (Suggestion & { product: FormatHint })[] = [];
  if (options.suggestions !== false) {
    const seen = new Set<string>();
    for (const { product, format } of failed) {
      for (const suggestion of format.suggest(serial, { limit })) {
        if (suggestion.score < MIN_SCORE || seen.has(suggestion.serial)) continue;
        seen.add(suggestion.serial);
        suggestions.push({ ...suggestion, product });
      }
    }
    // Only the likeliest kind of fix: a look-alike beats a swap, which beats nothing.
    const best = Math.max(...suggestions.map((s) => s.score));
    suggestions = suggestions.filter((s) => s.score === best).slice(0, limit);
  }

  // The product the customer most likely meant: the one a fix comes from, else the format the
  // input got furthest into, else the one whose example it starts like.
  const closeness = ({ product, issues }: (typeof failed)[number]) => {
    const positions = issues.flatMap((issue) =>
      issue.position === undefined ? [] : [issue.position],
    );
    const reach = positions.length > 0 ? Math.min(...positions) : -1;
    return reach * 1000 + commonPrefix(serial, product.example);
  };
  const closest =
    failed.find(({ product }) => product === suggestions[0]?.product) ??
    failed.reduce((a, b) => (closeness(b) > closeness(a) ? b : a));

  return {
    // Without the format of every candidate, "no match" is not proof: let the service decide.
    status: known.length === candidates.length ? 'invalid' : 'unchecked',
    serial,
    gs1,
    issues: closest.issues,
    suggestions: suggestions.map(({ product: _, ...suggestion }) => suggestion),
    minLength: Math.min(...known.map(({ format }) => format.minLength)),
    ...about(closest.product),
  };
}

/** How many leading letters and digits two serials share, ignoring case and separators. */
function commonPrefix(a: string, b: string): number {
  const x = a.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const y = b.toUpperCase().replace(/[^0-9A-Z]/g, '');
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return i;
}
