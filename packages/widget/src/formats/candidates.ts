import type { FormatHint } from '@serialkit/core';
import type { InputCheck } from './check-input.js';

/** The formats to check against: the one SKU's, or every product's. */
export function candidateFormats(formats: readonly FormatHint[], sku?: string): FormatHint[] {
  return sku ? formats.filter((f) => f.sku === sku) : [...formats];
}

/**
 * The input without a local verdict, while the format engine loads: the service decides, as it
 * does for a format the element cannot check.
 */
export function uncheckedInput(input: string): InputCheck {
  const serial = input.trim();
  return {
    status: serial ? 'unchecked' : 'empty',
    serial,
    gs1: false,
    issues: [],
    suggestions: [],
    minLength: 1,
  };
}
