/**
 * The arguments of `SerialStore.nextSequence`, checked the same way by every store before
 * anything changes.
 */
import { BadRequestError } from '../../errors.js';
import type { SequenceOptions } from '../../store.js';

/** Numbers one call may reserve. */
export const MAX_SEQUENCE_COUNT = 1_000_000;

/** The checked arguments: `after` defaults to 0 (a new counter starts at 1). */
export interface SequenceRequest {
  key: string;
  count: number;
  after: number;
}

/** Throws `BadRequestError` for arguments outside the documented ranges. */
export function sequenceRequest(
  key: string,
  count: number,
  options: SequenceOptions | undefined,
): SequenceRequest {
  if (typeof key !== 'string' || key.length === 0) {
    throw new BadRequestError('A sequence key must be a non-empty string');
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_SEQUENCE_COUNT) {
    throw new BadRequestError(`count must be an integer from 1 to ${MAX_SEQUENCE_COUNT}`, {
      details: { count },
    });
  }
  const after = options?.after ?? 0;
  if (!Number.isSafeInteger(after) || after < 0) {
    throw new BadRequestError('after must be a non-negative safe integer', {
      details: { after },
    });
  }
  return { key, count, after };
}

/** The error of a run that would pass `Number.MAX_SAFE_INTEGER` (it reserves nothing). */
export function sequenceOverflow(key: string): BadRequestError {
  return new BadRequestError('The sequence would pass Number.MAX_SAFE_INTEGER', {
    details: { key },
  });
}
