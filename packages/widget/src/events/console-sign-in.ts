/**
 * `<serialkit-console>` signed in (the service accepted the key) or out. Never carries the key.
 *
 * @example
 * app.addEventListener('serialkit-sign-in', (event) => console.log(event.detail.signedIn));
 */
export class ConsoleSignInEvent extends Event {
  static readonly eventName = 'serialkit-sign-in';
  readonly detail: { signedIn: boolean };

  constructor(signedIn: boolean) {
    super(ConsoleSignInEvent.eventName, { bubbles: true, composed: true });
    this.detail = { signedIn };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-sign-in': ConsoleSignInEvent;
  }
}
