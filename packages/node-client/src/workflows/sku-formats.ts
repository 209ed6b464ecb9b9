/**
 * Compiled serial formats of SKUs, cached by source, and the free-form format used by SKUs that
 * track serials without a format.
 */
import {
  compileFormat,
  createIssue,
  type Issue,
  type Locale,
  type SerialFormat,
  type SerialIssue,
  type SerialTracking,
  type Sku,
  serialString,
  type ValidationResult,
} from '@serialkit/core';
import { ValidationError } from '../errors.js';

/** Longest serial a free-form SKU accepts: core's limit for canonical serials. */
const FREE_FORM_MAX_LENGTH = serialString.maxLength ?? Number.POSITIVE_INFINITY;
/** Compiled formats kept; SKUs often share formats, so this covers large catalogs. */
const CACHE_LIMIT = 10_000;

/** The format source of a SKU's tracking settings, or null when it has none. */
function sourceOf(
  tracking: SerialTracking,
): { key: string; pattern?: string; regex?: string } | null {
  if (tracking.format !== undefined)
    return { key: `p:${tracking.format}`, pattern: tracking.format };
  if (tracking.regex !== undefined) return { key: `r:${tracking.regex}`, regex: tracking.regex };
  return null;
}

/**
 * Compiles and caches formats. Formats are keyed by their source, so SKUs sharing a pattern
 * share one compiled format, and a SKU whose format changes gets a fresh one.
 */
export class FormatCache {
  readonly #formats = new Map<string, SerialFormat>();
  readonly #locale: Locale;
  readonly #freeForm: SerialFormat;

  /** Language of issue messages. */
  get locale(): Locale {
    return this.#locale;
  }

  constructor(locale: Locale) {
    this.#locale = locale;
    this.#freeForm = freeFormFormat(locale);
  }

  /**
   * The compiled format of these tracking settings. Throws a `ValidationError` pointing at the
   * offending column when the pattern or regex does not compile.
   */
  compile(tracking: SerialTracking): SerialFormat {
    const source = sourceOf(tracking);
    if (source === null) return this.#freeForm;
    const cached = this.#formats.get(source.key);
    if (cached) return cached;
    const format = this.#compileSource(source);
    if (this.#formats.size >= CACHE_LIMIT) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.#formats.keys().next();
      if (!oldest.done) this.#formats.delete(oldest.value);
    }
    this.#formats.set(source.key, format);
    return format;
  }

  /** The format of a SKU (free-form when it has none). */
  of(sku: Sku): SerialFormat {
    return this.compile(sku.serialTracking);
  }

  #compileSource(source: { pattern?: string; regex?: string }): SerialFormat {
    const path = source.pattern !== undefined ? 'format' : 'regex';
    try {
      return source.pattern !== undefined
        ? compileFormat(source.pattern, { locale: this.#locale })
        : compileFormat({ regex: source.regex ?? '' }, { locale: this.#locale });
    } catch (error) {
      throw new ValidationError(`The serial ${path} does not compile`, {
        cause: error,
        issues: compileIssues(error, ['serialTracking', path]),
      });
    }
  }
}

/** Issues of a format compile error, pointing at the column when the error says which. */
function compileIssues(error: unknown, path: string[]): Issue[] {
  const raw = (error as { issues?: unknown })?.issues;
  if (Array.isArray(raw) && raw.length > 0) {
    return raw.map((item) => {
      const issue = item as Record<string, unknown>;
      const position = issue.position ?? issue.column;
      return {
        code: typeof issue.code === 'string' ? issue.code : 'invalid_format',
        message: typeof issue.message === 'string' ? issue.message : String(error),
        ...(typeof position === 'number' ? { position } : {}),
        path,
      };
    });
  }
  const { column, reason } = (error ?? {}) as { column?: unknown; reason?: unknown };
  return [
    {
      code: 'invalid_pattern',
      message:
        typeof reason === 'string'
          ? reason
          : error instanceof Error
            ? error.message
            : String(error),
      ...(typeof column === 'number' ? { position: column } : {}),
      path,
    },
  ];
}

/**
 * The format of a SKU that tracks serials without a pattern: any printable text up to 200
 * characters, trimmed, compared exactly.
 */
function freeFormFormat(locale: Locale): SerialFormat {
  const check = (input: string): SerialIssue | null => {
    if (input.length === 0) return createIssue({ code: 'empty', input }, locale);
    if (input.length > FREE_FORM_MAX_LENGTH) {
      return createIssue({ code: 'too_long', input, maximum: FREE_FORM_MAX_LENGTH }, locale);
    }
    for (let i = 0; i < input.length; i++) {
      const code = input.charCodeAt(i);
      if (code < 0x20 || code === 0x7f) {
        return createIssue(
          {
            code: 'invalid_character',
            input,
            position: i,
            expected: 'S',
            received: input[i] ?? '',
          },
          locale,
        );
      }
    }
    return null;
  };
  return {
    source: '',
    hint: 'Any serial number',
    example: '',
    tokens: [],
    minLength: 1,
    maxLength: FREE_FORM_MAX_LENGTH,
    caseSensitive: true,
    validate(input: string): ValidationResult {
      const serial = input.trim();
      const issue = check(serial);
      return issue
        ? { success: false, issues: [issue] }
        : { success: true, data: { serial, fields: {} } };
    },
    test: (input) => check(input) === null && input.trim() === input,
    normalize: (input) => input.trim(),
    generate() {
      throw new TypeError('A SKU without a serial format cannot generate serials');
    },
    suggest: () => [],
  };
}

/** True when the SKU validates with the free-form format (no pattern, no regex). */
export function isFreeForm(sku: Sku): boolean {
  return sourceOf(sku.serialTracking) === null;
}
