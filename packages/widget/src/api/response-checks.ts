/**
 * Light structural checks of the service's answers. The element trusts the shape it renders, so
 * it checks every answer by hand instead of shipping the zod schemas (and zod) to the browser.
 */
import type { FormatHints, Issue, PublicReturnCheck, VerifyResult } from '@serialkit/core';

type Json = Record<string, unknown>;

const VERIFY_STATUSES = new Set(['genuine', 'unknown', 'recalled', 'suspicious', 'invalid']);
const REASONS = new Set(['many_clients', 'sighted_elsewhere', 'not_shipped']);
const VERDICTS = new Set([
  'match',
  'mismatch',
  'unknown',
  'invalid',
  'already_returned',
  'order_not_found',
]);
const NEXT_STEPS = new Set(['send_back', 'contact_support', 'check_serial', 'check_order']);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNullableString = (value: unknown): value is string | null =>
  value === null || isString(value);

/** The valid issues of a list (a malformed issue is dropped, not fatal). */
export function readIssues(value: unknown): Issue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (issue): issue is Issue => isObject(issue) && isString(issue.code) && isString(issue.message),
  );
}

/** A verify result, or undefined when the value is not one. */
export function readVerifyResult(value: unknown): VerifyResult | undefined {
  if (!isObject(value) || !VERIFY_STATUSES.has(value.status as string)) return undefined;
  const { serial, product, recall, reasons, checkedAt } = value;
  if (!isNullableString(serial) || !isString(checkedAt) || !Array.isArray(reasons))
    return undefined;
  if (product !== null && !(isObject(product) && isString(product.sku) && isString(product.name)))
    return undefined;
  if (
    recall !== null &&
    !(isObject(recall) && isString(recall.notice) && isNullableString(recall.url ?? null))
  )
    return undefined;
  return {
    status: value.status as VerifyResult['status'],
    serial,
    product: product === null ? null : { sku: product.sku as string, name: product.name as string },
    recall:
      recall === null
        ? null
        : {
            notice: recall.notice as string,
            url: (recall.url as string | null | undefined) ?? null,
          },
    // Reasons a newer service adds are skipped rather than shown untranslated.
    reasons: reasons.filter((reason): reason is VerifyResult['reasons'][number] =>
      REASONS.has(reason as string),
    ),
    issues: readIssues(value.issues),
    checkedAt,
  };
}

/** A public return check, or undefined when the value is not one. */
export function readReturnCheck(value: unknown): PublicReturnCheck | undefined {
  if (!isObject(value)) return undefined;
  if (!VERDICTS.has(value.verdict as string) || !NEXT_STEPS.has(value.next as string))
    return undefined;
  return {
    verdict: value.verdict as PublicReturnCheck['verdict'],
    next: value.next as PublicReturnCheck['next'],
    issues: readIssues(value.issues),
  };
}

/** Format hints, or undefined when the value is not a list of them. */
export function readFormatHints(value: unknown): FormatHints | undefined {
  if (!isObject(value) || !isString(value.version) || !Array.isArray(value.formats))
    return undefined;
  const formats: FormatHints['formats'] = [];
  for (const f of value.formats) {
    if (!isObject(f) || !isString(f.sku) || !isString(f.name)) return undefined;
    if (!isNullableString(f.format) || !isString(f.hint) || !isString(f.example)) return undefined;
    formats.push({ sku: f.sku, name: f.name, format: f.format, hint: f.hint, example: f.example });
  }
  return { version: value.version, formats };
}

/** The `error` member of an error body, if the value is one. */
export function readErrorBody(
  value: unknown,
): { code: string; message: string; issues: Issue[] } | undefined {
  if (!isObject(value) || !isObject(value.error)) return undefined;
  const { code, message, issues } = value.error;
  if (!isString(code) || !isString(message)) return undefined;
  return { code, message, issues: readIssues(issues) };
}
