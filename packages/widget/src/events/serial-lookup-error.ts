import type { ApiErrorKind } from '../api/api-error.js';

/** What a `serial-lookup-error` event carries. */
export interface SerialLookupErrorDetail {
  mode: 'verify' | 'return' | 'register';
  /** What went wrong: `offline`, `network`, `timeout`, `rate_limited`, `rejected`, `server`, `invalid_response`. */
  kind: ApiErrorKind;
  /** A message for developers (the customer sees a translated one). */
  message: string;
  /** The HTTP status, when the service answered. */
  status?: number;
  /** The service's error code, when it sent one. */
  code?: string;
  /** Seconds until checks are accepted again (`rate_limited`). */
  retryAfter?: number;
  /** True when an offline check was queued and will be sent once back online. */
  queued: boolean;
}

/**
 * A check the customer made could not be answered: offline (the check is queued when possible),
 * rate limited, a server error, or an answer the element could not read.
 *
 * @example
 * lookup.addEventListener('serial-lookup-error', (event) => analytics.track(event.detail.kind));
 */
export class SerialLookupErrorEvent extends Event {
  static readonly eventName = 'serial-lookup-error';
  readonly detail: SerialLookupErrorDetail;

  constructor(detail: SerialLookupErrorDetail) {
    super(SerialLookupErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serial-lookup-error': SerialLookupErrorEvent;
  }
}
