/**
 * Light structural checks of the service's answers. The element trusts the shape it renders, so
 * it checks every answer by hand instead of shipping the zod schemas (and zod) to the browser.
 * Codes (statuses, verdicts, next steps, reasons) are checked to be strings only: which ones
 * exist is core's list, and a code a newer service adds is shown as a neutral answer (see
 * `serial-lookup/answer-texts.ts`), not refused as a broken answer.
 */
import type { FormatHints, Issue } from '@serialkit/core';
import type { OwnerAnswer, ReturnAnswer, VerifyAnswer } from './answers.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNullableString = (value: unknown): value is string | null =>
  value === null || isString(value);
const isCode = (value: unknown): value is string => isString(value) && value.length > 0;

/** The valid issues of a list (a malformed issue is dropped, not fatal). */
export function readIssues(value: unknown): Issue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (issue): issue is Issue => isObject(issue) && isString(issue.code) && isString(issue.message),
  );
}

/** A verify result, or undefined when the value is not one. */
export function readVerifyResult(value: unknown): VerifyAnswer | undefined {
  if (!isObject(value) || !isCode(value.status)) return undefined;
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
    status: value.status,
    serial,
    product: product === null ? null : { sku: product.sku as string, name: product.name as string },
    recall:
      recall === null
        ? null
        : {
            notice: recall.notice as string,
            url: (recall.url as string | null | undefined) ?? null,
          },
    // A reason a newer service adds is kept; the card lists only the reasons it can translate.
    reasons: reasons.filter(isCode),
    issues: readIssues(value.issues),
    coverage: readCoverage(value.coverage),
    checkedAt,
  };
}

/** The coverage of a verify answer (null when absent, as from a service before warranties). */
function readCoverage(value: unknown): VerifyAnswer['coverage'] {
  if (!isObject(value) || typeof value.covered !== 'boolean') return null;
  const until = isString(value.until) && /^\d{4}-\d{2}$/.test(value.until) ? value.until : null;
  return { covered: value.covered, until };
}

/** A public return check, or undefined when the value is not one. */
export function readReturnCheck(value: unknown): ReturnAnswer | undefined {
  if (!isObject(value) || !isCode(value.verdict) || !isCode(value.next)) return undefined;
  return {
    verdict: value.verdict,
    next: value.next,
    issues: readIssues(value.issues),
  };
}

/** An owner registration's answer, or undefined when the value is not one. */
export function readOwnerRegistration(value: unknown): OwnerAnswer | undefined {
  if (!isObject(value) || !isCode(value.status) || !isNullableString(value.serial))
    return undefined;
  return { status: value.status, serial: value.serial };
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
