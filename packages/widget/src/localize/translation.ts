import type { OwnerRegistrationResult, PublicReturnCheck, VerifyResult } from '@serialkit/core';

/** A reason the service gives for a suspicious unit. */
export type SuspicionReason = VerifyResult['reasons'][number];
/** A public return verdict. */
export type ReturnVerdictCode = PublicReturnCheck['verdict'];
/** What the customer should do after a return check. */
export type ReturnNextStep = PublicReturnCheck['next'];
/** The answer to an owner's registration. */
export type OwnerRegistrationStatus = OwnerRegistrationResult['status'];

/**
 * Every text of the element, in one language. Each locale file implements this interface, so a
 * missing or misspelt key fails to compile. Texts are plain strings; `{0}` and `{1}` stand for
 * the values named in each key's comment, in whatever order the language puts them.
 */
export interface Translation {
  serialLabel: string;
  serialHelp: string;
  /** `{0}` the format's hint, `{1}` an example serial. */
  formatHint: string;
  looksRight: string;
  /** `{0}` the product. */
  matchesProduct: string;
  didYouMean: string;
  /** `{0}` the suggested serial. */
  useSuggestion: string;
  /** `{0}` the serial now in the field. */
  suggestionApplied: string;
  /** `{0}` the serial read from the page's link. */
  prefilled: string;
  serialEmpty: string;
  checkSerial: string;
  checking: string;

  scan: string;
  scanTitle: string;
  scanInstructions: string;
  scanCancel: string;
  scanDenied: string;
  scanFailed: string;

  genuineTitle: string;
  /** `{0}` the serial. */
  genuineBody: string;
  /** `{0}` the serial, `{1}` the product. */
  genuineProductBody: string;
  unknownTitle: string;
  unknownBody: string;
  recalledTitle: string;
  /** `{0}` the serial. */
  recalledBody: string;
  /** `{0}` the serial, `{1}` the product. */
  recalledProductBody: string;
  recallLink: string;
  /** `{0}` the month and year coverage ends, e.g. "May 2026". */
  coveredUntil: string;
  /** `{0}` the month and year coverage ended. */
  coverageEnded: string;
  suspiciousTitle: string;
  suspiciousBody: string;
  reasons: Record<SuspicionReason, string>;
  invalidTitle: string;
  invalidBody: string;
  queuedResult: string;
  /**
   * A neutral answer for a status or verdict a newer service added, which this version of the
   * element has no words for.
   */
  otherTitle: string;
  /** `{0}` the serial. */
  otherBody: string;

  orderLabel: string;
  contactLabel: string;
  contactHelp: string;
  orderEmpty: string;
  contactEmpty: string;
  checkReturn: string;
  verdicts: Record<ReturnVerdictCode, string>;
  nextSteps: Record<ReturnNextStep, string>;

  nameLabel: string;
  emailLabel: string;
  /** Why the email is asked for. */
  emailHelp: string;
  consentLabel: string;
  nameEmpty: string;
  emailInvalid: string;
  consentMissing: string;
  registerProduct: string;
  sending: string;
  /** The title of each registration answer (`received` for a first owner and a second alike). */
  registrations: Record<OwnerRegistrationStatus, string>;
  /** `{0}` the serial. */
  registeredBody: string;
  /** A registration refused for its details: the reasons are listed under it. */
  detailsRefusedTitle: string;
  detailsRefusedBody: string;

  /** `{0}` the serial. */
  offlineQueued: string;
  offline: string;
  network: string;
  timeout: string;
  /** `{0}` the seconds to wait, more than one. */
  rateLimited: string;
  /** One second to wait. */
  rateLimitedOne: string;
  rateLimitOver: string;
  server: string;
  invalidResponse: string;
  retry: string;
}

/**
 * A text with its `{0}`, `{1}` … replaced by `values`.
 *
 * @example
 * fill('Use {0}', 'SN-2024-0001238'); // 'Use SN-2024-0001238'
 */
export function fill(text: string, ...values: (string | number)[]): string {
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(values[Number(i)]));
}
