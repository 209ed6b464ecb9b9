/**
 * What a customer reads and hears for each answer: the card's status, title and text. The card
 * and the screen reader announcement both take their words from here, so that what is shown and
 * what is heard cannot disagree.
 */
import type { OwnerRegistrationResult, PublicReturnCheck, VerifyResult } from '@serialkit/core';
import type { OwnerAnswer, ReturnAnswer, VerifyAnswer } from '../api/answers.js';
import type { ApiError } from '../api/api-error.js';
import { fill, type Translation } from '../localize/translation.js';

/** The words of a result card. */
export interface AnswerTexts {
  /**
   * The card's status (`data-status`, `result-<status>` part): the answer's code, or `other` for
   * a code a newer service added.
   */
  status: string;
  title: string;
  /** The text, with `{0}`, `{1}` for {@link AnswerTexts.values}. */
  body: string;
  /** The values of the text: the serial, and the product's name (verify answers). */
  values: string[];
  /** The slot for the shop's extra content. */
  slot: string;
}

type Handled = 'genuine' | 'unknown' | 'recalled' | 'suspicious' | 'invalid';
// Fails to compile when core adds a status that has no words here yet.
const everyStatusHandled: [Exclude<VerifyResult['status'], Handled>] extends [never]
  ? true
  : never = true;
void everyStatusHandled;

/** The words for a verify answer about `serial` (the serial as typed, if the service has none). */
export function verifyTexts(t: Translation, result: VerifyAnswer, serial: string): AnswerTexts {
  const values = [result.serial ?? serial, result.product?.name ?? ''];
  const product = values[1] !== '';
  const card = (status: string, title: string, body: string): AnswerTexts => ({
    status,
    title,
    body,
    values,
    slot: status,
  });
  switch (result.status) {
    case 'genuine':
      return card('genuine', t.genuineTitle, product ? t.genuineProductBody : t.genuineBody);
    case 'recalled':
      return card('recalled', t.recalledTitle, product ? t.recalledProductBody : t.recalledBody);
    case 'suspicious':
      return card('suspicious', t.suspiciousTitle, t.suspiciousBody);
    case 'invalid':
      return card('invalid', t.invalidTitle, t.invalidBody);
    case 'unknown':
      return card('unknown', t.unknownTitle, t.unknownBody);
    default:
      // A status a newer service added: neither good news nor bad, and no error either.
      return card('other', t.otherTitle, t.otherBody);
  }
}

/** The reasons of a suspicious answer this version can name; ones added later are left out. */
export function reasonTexts(t: Translation, result: VerifyAnswer): string[] {
  const reasons: Partial<Record<string, string>> = t.reasons;
  return result.reasons.flatMap((reason) => reasons[reason] ?? []);
}

/** The words for a return check's answer. */
export function returnTexts(t: Translation, { verdict, next }: ReturnAnswer): AnswerTexts {
  const verdicts: Partial<Record<string, string>> = t.verdicts;
  const steps: Partial<Record<string, string>> = t.nextSteps;
  const knownVerdict = verdicts[verdict] !== undefined;
  // A step a newer service added: a person can always help.
  const step = (steps[next] === undefined ? 'contact_support' : next) as PublicReturnCheck['next'];
  return {
    status: knownVerdict ? verdict : 'other',
    title: verdicts[verdict] ?? t.otherTitle,
    body: t.nextSteps[step],
    values: [],
    slot: step,
  };
}

// Fails to compile when core adds a registration status that has no words here yet.
const everyRegistrationHandled: [
  Exclude<OwnerRegistrationResult['status'], 'received' | 'unknown' | 'invalid'>,
] extends [never]
  ? true
  : never = true;
void everyRegistrationHandled;

/**
 * The words for an owner registration's answer about `serial`. `received` reads the same for a
 * unit's first owner and for one the merchant reviews: the card never says which.
 */
export function registerTexts(t: Translation, result: OwnerAnswer, serial: string): AnswerTexts {
  const values = [result.serial ?? serial];
  const card = (status: string, title: string, body: string, slot = status): AnswerTexts => ({
    status,
    title,
    body,
    values,
    slot,
  });
  switch (result.status) {
    case 'received':
      return card('received', t.registrations.received, t.registeredBody, 'registered');
    case 'unknown':
      return card('unknown', t.registrations.unknown, t.unknownBody);
    case 'invalid':
      return card('invalid', t.registrations.invalid, t.invalidBody);
    default:
      return card('other', t.otherTitle, t.otherBody);
  }
}

/** The words announced for an answer: its title and text, as one sentence each. */
export function announcement({ title, body, values }: AnswerTexts): string {
  return `${title}. ${fill(body, ...values)}`;
}

/** "Try again in N seconds". */
export function waitText(t: Translation, seconds: number): string {
  return seconds === 1 ? t.rateLimitedOne : fill(t.rateLimited, seconds);
}

/** What a failed check tells the customer; `secondsToWait` counts a rate limit down. */
export function failureText(t: Translation, error: ApiError, secondsToWait: number): string {
  switch (error.kind) {
    case 'offline':
    case 'network':
    case 'timeout':
      return t[error.kind];
    case 'rate_limited':
      return waitText(t, secondsToWait || error.retryAfter || 30);
    case 'invalid_response':
      return t.invalidResponse;
    default:
      return t.server;
  }
}

/**
 * The card a refused check with issues shows (the issues are listed under it). A refused
 * registration is about the customer's details as much as the serial: it says so.
 */
export function refusedTexts(t: Translation, mode?: string): AnswerTexts {
  const details = mode === 'register';
  return {
    status: 'invalid',
    title: details ? t.detailsRefusedTitle : t.invalidTitle,
    body: details ? t.detailsRefusedBody : t.invalidBody,
    values: [],
    slot: 'invalid',
  };
}

/** Whether a failure shows as the invalid card rather than as a notice. */
export function isRefusedInput(error: ApiError): boolean {
  return error.kind === 'rejected' && error.issues.length > 0;
}

/** The words announced for a failure: those of the card or notice that shows it. */
export function failureAnnouncement(
  t: Translation,
  error: ApiError,
  secondsToWait: number,
  mode?: string,
): string {
  return isRefusedInput(error)
    ? announcement(refusedTexts(t, mode))
    : failureText(t, error, secondsToWait);
}
