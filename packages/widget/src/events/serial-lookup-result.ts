import type { OwnerAnswer, ReturnAnswer, VerifyAnswer } from '../api/answers.js';

/**
 * What a `serial-lookup-result` event carries. Never the customer's name, email or postcode.
 */
export type SerialLookupResultDetail =
  | {
      mode: 'verify';
      /** What was sent: the canonical serial, or the GS1 code as scanned. */
      input: string;
      result: VerifyAnswer;
      /** True when the check was made offline and answered once back online. */
      queued: boolean;
    }
  | {
      mode: 'return';
      orderId: string;
      serial: string;
      result: ReturnAnswer;
    }
  | {
      mode: 'register';
      /** The serial registered, as the service has it. */
      serial: string;
      result: OwnerAnswer;
    };

/**
 * The service answered a check the customer made (by submitting the form, scanning a code or
 * tapping "Try again"). Not fired for property changes or prefilled values.
 *
 * @example
 * lookup.addEventListener('serial-lookup-result', (event) => {
 *   if (event.detail.mode === 'verify' && event.detail.result.status === 'recalled') showBanner();
 * });
 */
export class SerialLookupResultEvent extends Event {
  static readonly eventName = 'serial-lookup-result';
  readonly detail: SerialLookupResultDetail;

  constructor(detail: SerialLookupResultDetail) {
    super(SerialLookupResultEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serial-lookup-result': SerialLookupResultEvent;
  }
}
