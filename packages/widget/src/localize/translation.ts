import type { PublicReturnCheck, VerifyResult } from '@serialkit/core';

/** A reason the service gives for a suspicious unit. */
export type SuspicionReason = VerifyResult['reasons'][number];
/** A public return verdict. */
export type ReturnVerdictCode = PublicReturnCheck['verdict'];
/** What the customer should do after a return check. */
export type ReturnNextStep = PublicReturnCheck['next'];

/**
 * Every text of the element, in one language. Each locale file implements this interface, so a
 * missing or misspelt key fails to compile.
 */
export interface Translation {
  serialLabel: string;
  serialHelp: string;
  formatHint: (hint: string, example: string) => string;
  looksRight: string;
  matchesProduct: (product: string) => string;
  didYouMean: string;
  useSuggestion: (serial: string) => string;
  suggestionApplied: (serial: string) => string;
  prefilled: (serial: string) => string;
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
  genuineBody: (serial: string, product: string | null) => string;
  unknownTitle: string;
  unknownBody: string;
  recalledTitle: string;
  recalledBody: (serial: string, product: string | null) => string;
  recallLink: string;
  suspiciousTitle: string;
  suspiciousBody: string;
  reasons: Record<SuspicionReason, string>;
  invalidTitle: string;
  invalidBody: string;
  queuedResult: string;

  orderLabel: string;
  contactLabel: string;
  contactHelp: string;
  orderEmpty: string;
  contactEmpty: string;
  checkReturn: string;
  verdicts: Record<ReturnVerdictCode, string>;
  nextSteps: Record<ReturnNextStep, string>;

  offlineQueued: (serial: string) => string;
  offline: string;
  network: string;
  timeout: string;
  rateLimited: (seconds: number) => string;
  rateLimitOver: string;
  server: string;
  invalidResponse: string;
  retry: string;
}
