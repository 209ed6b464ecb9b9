import { SerialkitError } from '../../errors.js';

/** The error every method of a closed store rejects with. Not retryable: the store is gone. */
export function storeClosedError(name: string): SerialkitError {
  return new SerialkitError('unavailable', `The ${name} store is closed`, {
    status: 503,
    retryable: false,
  });
}
