/**
 * The service's answers as the element reads them. Their shapes come from core; the codes a
 * newer service may add (a status, a verdict, a next step, a reason) stay the string it sent,
 * so that an older element shows them as a neutral answer instead of failing.
 */
import type { OwnerRegistrationResult, PublicReturnCheck, VerifyResult } from '@serialkit/core';

/** A code this version of the element does not know: a newer service added it. */
export type Unrecognized = string & { readonly unrecognized?: never };

/** A code from core's list, or one a newer service added. */
export type Known<T extends string> = T | Unrecognized;

/** `POST /v1/verify`'s answer: core's `VerifyResult`, open to statuses and reasons added later. */
export interface VerifyAnswer extends Omit<VerifyResult, 'status' | 'reasons'> {
  status: Known<VerifyResult['status']>;
  reasons: Known<VerifyResult['reasons'][number]>[];
}

/** `POST /v1/returns/check`'s answer: core's `PublicReturnCheck`, open to later codes. */
export interface ReturnAnswer extends Omit<PublicReturnCheck, 'verdict' | 'next'> {
  verdict: Known<PublicReturnCheck['verdict']>;
  next: Known<PublicReturnCheck['next']>;
}

/**
 * `POST /v1/owners`'s answer: core's `OwnerRegistrationResult`, open to later statuses. `received`
 * stands for a first owner and for one the merchant reviews alike: it never says which.
 */
export interface OwnerAnswer extends Omit<OwnerRegistrationResult, 'status'> {
  status: Known<OwnerRegistrationResult['status']>;
}
