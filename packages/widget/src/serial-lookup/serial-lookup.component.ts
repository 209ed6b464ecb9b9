import type { PublicReturnCheckRequest } from '@serialkit/core';
import type { Suggestion } from '@serialkit/core/validate';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ApiError } from '../api/api-error.js';
import { UNIT_PATH } from '../digital-link/digital-link-path.js';
import { SerialLookupErrorEvent } from '../events/serial-lookup-error.js';
import { SerialLookupResultEvent } from '../events/serial-lookup-result.js';
import { uncheckedInput } from '../formats/candidates.js';
import type { InputCheck } from '../formats/check-input.js';
import { FormatHelpController } from '../formats/format-help-controller.js';
import { LocalizeController } from '../localize/localize-controller.js';
import { fill } from '../localize/translation.js';
import { ScanController } from '../scan/scan-controller.js';
import {
  announcement,
  failureAnnouncement,
  registerTexts,
  returnTexts,
  verifyTexts,
  waitText,
} from './answer-texts.js';
import {
  CheckController,
  type Mode,
  type RegisterOutcome,
  type ReturnOutcome,
  type VerifyOutcome,
} from './check-controller.js';
import { spinnerIcon } from './icons.js';
import styles from './serial-lookup.styles.js';
import { type Field, type FieldError, returnFields, serialField } from './templates/fields.js';
import { outcome } from './templates/outcome.js';
import { scannerDialog } from './templates/scanner-dialog.js';

type RegisterForm = typeof import('./register/register-form.js');

let registerForm: Promise<RegisterForm> | undefined;

/** The register mode's fields, loaded on demand (their own chunk); a failed load is retried. */
function loadRegisterForm(): Promise<RegisterForm> {
  registerForm ??= import('./register/register-form.js');
  registerForm.catch(() => {
    registerForm = undefined;
  });
  return registerForm;
}

/**
 * Lets a customer check that a product is genuine, that the item they want to return is the one
 * their order contained, or register the unit they own, by its serial number: typed (with the product's format as live
 * help, local validation and one-tap fixes for look-alike or swapped characters), scanned from
 * the label's QR or Data Matrix code, or read from the GS1 Digital Link that opened the page.
 *
 * @summary Serial number authenticity and return check for storefronts.
 * @tagname serial-lookup
 *
 * @attr {string} lang - Language of the texts: `en`, `de`, `fr`, `es`, or one added with
 *   `registerTranslation()`. Default: the closest `lang` attribute (the page's), else English.
 *   Languages other than English load on demand from beside the element's script.
 *
 * @event {SerialLookupResultEvent} serial-lookup-result - The service answered a check the
 *   customer made. `event.detail`: `{ mode: 'verify', input, result, queued }` or
 *   `{ mode: 'return', orderId, serial, result }` or `{ mode: 'register', serial, result }` (never
 *   the customer's name or email).
 * @event {SerialLookupErrorEvent} serial-lookup-error - A check the customer made failed.
 *   `event.detail`: `{ mode, kind, message, status?, code?, retryAfter?, queued }`.
 *
 * @slot label - The label of the serial number field (default: "Serial number").
 * @slot help - Help under the label (default: where to find the serial number).
 * @slot footer - Content at the end, e.g. a link to the support page.
 * @slot genuine - Extra content in the genuine result, e.g. a warranty registration link.
 * @slot unknown - Extra content in the unknown result, e.g. how to reach support.
 * @slot recalled - Extra content in the recalled result, e.g. the recall hotline.
 * @slot suspicious - Extra content in the suspicious result.
 * @slot invalid - Extra content in the invalid result, e.g. a picture of the label.
 * @slot send-back - Return mode: the return instructions, shown when the item may be sent back.
 * @slot contact-support - Return mode: how to reach support, when the return needs a person.
 * @slot check-serial - Return mode: shown when the serial number should be checked again.
 * @slot check-order - Return mode: shown when the order details should be checked again.
 * @slot registered - Register mode: shown when the registration is received, e.g. the warranty
 *   terms.
 *
 * @csspart base - The element's wrapper.
 * @csspart form - The form.
 * @csspart field - Each label, input and help group (also `serial-field`, `order-field`,
 *   `contact-field`, `name-field`, `email-field`, `consent-field`).
 * @csspart label - Each field's label.
 * @csspart help - Help text under a label.
 * @csspart input - Each text input (also `serial-input`, `order-input`, `contact-input`,
 *   `name-input`, `email-input`).
 * @csspart consent - Register mode: the consent checkbox.
 * @csspart consent-label - Register mode: the consent checkbox's label.
 * @csspart scan - The camera scan button (present only where the browser can scan).
 * @csspart hint - The format hint under the serial number field.
 * @csspart issue - A validation message under a field.
 * @csspart suggestions - The "Did you mean" group.
 * @csspart suggestion - Each suggestion button.
 * @csspart submit - The submit button.
 * @csspart result - The result card (also `result-<status>`: `result-genuine`, `result-recalled`,
 *   `result-match`, `result-order_not_found`, `result-received`…, and `result-other` for a status or verdict that a
 *   newer service added, shown as a neutral answer).
 * @csspart result-icon - The result card's icon.
 * @csspart result-title - The result card's title.
 * @csspart result-body - The result card's explanation.
 * @csspart recall-notice - The merchant's recall notice.
 * @csspart result-link - The link to the recall notice.
 * @csspart coverage - The warranty line of a verify result ("Covered until May 2026").
 * @csspart reasons - The list of reasons a unit looks suspicious.
 * @csspart error - The card for offline, rate limited and server errors.
 * @csspart retry - The "Try again" button.
 * @csspart scanner - The camera dialog.
 * @csspart scanner-video - The camera picture.
 * @csspart scanner-cancel - The dialog's cancel button.
 *
 * @cssproperty --serial-lookup-accent - Buttons, links and the focus ring. Default `#2453c7`.
 * @cssproperty --serial-lookup-accent-hover - Buttons on hover. Default `#1b3f99`.
 * @cssproperty --serial-lookup-on-accent - Text on the accent colour. Default `#ffffff`.
 * @cssproperty --serial-lookup-text - Text. Default `#1a1d23`.
 * @cssproperty --serial-lookup-muted - Help and hint text. Default `#555e6b`.
 * @cssproperty --serial-lookup-surface - The background the element sits on, used to tint
 *   result cards. Default `#ffffff`.
 * @cssproperty --serial-lookup-field - Input background. Default `#ffffff`.
 * @cssproperty --serial-lookup-border - Input and secondary button borders. Default `#79828f`.
 * @cssproperty --serial-lookup-focus - The focus ring. Default: the accent.
 * @cssproperty --serial-lookup-radius - Corner radius of inputs, buttons and cards. Default
 *   `0.5rem`.
 * @cssproperty --serial-lookup-font - Font family. Default: the system UI font.
 * @cssproperty --serial-lookup-mono-font - Font of serial numbers. Default: the system
 *   monospace font.
 * @cssproperty --serial-lookup-spacing - Space between the parts. Default `1rem`.
 * @cssproperty --serial-lookup-genuine - Genuine results and return matches. Default `#17703a`.
 * @cssproperty --serial-lookup-unknown - Unknown results, neutral (`other`) answers, offline and
 *   rate limited notices. Default `#4b5563`.
 * @cssproperty --serial-lookup-recalled - Recalled results and return mismatches. Default
 *   `#b42318`.
 * @cssproperty --serial-lookup-suspicious - Suspicious results and already returned items.
 *   Default `#8a4b00`.
 * @cssproperty --serial-lookup-invalid - Invalid results. Default `#b42318`.
 * @cssproperty --serial-lookup-error - Validation messages and server errors. Default `#b42318`.
 *
 * @example
 * <serial-lookup endpoint="https://shop.example/serialkit" sku="ARIA-700"></serial-lookup>
 */
export class SerialLookup extends LitElement {
  /** @internal The element's styles, from `serial-lookup.styles.ts`. */
  static override styles = styles;

  static override properties = {
    endpoint: {},
    mode: { reflect: true },
    sku: {},
    value: {},
    noScan: { type: Boolean, attribute: 'no-scan' },
    noSuggestions: { type: Boolean, attribute: 'no-suggestions' },
    prefillFromUrl: { type: Boolean, attribute: 'prefill-from-url' },
    autocheck: { type: Boolean },
    timeout: { type: Number },
    orderId: { state: true },
    contact: { state: true },
    ownerName: { state: true },
    email: { state: true },
    consent: { state: true },
    touched: { state: true },
    fieldError: { state: true },
    announcement: { state: true },
  };

  readonly #localize = new LocalizeController(this);
  readonly #format = new FormatHelpController(this);
  readonly #checks = new CheckController(this, {
    verified: (outcome, input) => this.#verified(outcome, input),
    returned: (outcome, orderId, serial) => this.#returned(outcome, orderId, serial),
    registered: (outcome) => this.#registered(outcome),
    failed: (error, mode) => this.#failed(error, mode),
    queued: (serial) => this.#queued(serial),
    waitOver: () => this.#announce(this.#t.rateLimitOver, 'polite'),
  });
  readonly #scan = new ScanController(this);
  /** A GS1 code (scanned, or the page's Digital Link) whose serial is in the field. */
  #gs1Source: { serial: string; input: string } | undefined;
  #prefilled = false;
  /** The register mode's fields, once loaded. */
  #registerForm: RegisterForm | undefined;
  /** The format hints of the current endpoint, loaded (or given up on). */
  #hintsLoaded: Promise<void> = Promise.resolve();

  // Reactive state: properties without attributes, declared in `properties`.
  declare private orderId: string;
  declare private contact: string;
  declare private ownerName: string;
  declare private email: string;
  declare private consent: boolean;
  declare private touched: boolean;
  declare private fieldError: FieldError | undefined;
  declare private announcement: { text: string; assertive: boolean };

  /**
   * Base URL of the serialkit service, e.g. `https://shop.example/serialkit`; empty for the
   * page's own origin. The element calls `{endpoint}/v1/verify`, `/v1/returns/check` and
   * `/v1/formats`.
   */
  declare endpoint: string;

  /**
   * `verify`: is this unit genuine? `return`: is this the unit my order contained? `register`:
   * the customer registers the unit they own, with their name, email and consent (sent to
   * `{endpoint}/v1/owners`; the answer never says whether someone registered it before).
   */
  declare mode: 'verify' | 'return' | 'register';

  /**
   * The product's SKU: limits the format help and the check to this product's serial format.
   * Without it, a serial of any tracked product is accepted.
   */
  declare sku: string | undefined;

  /** The serial number in the field. Setting it does not start a check. */
  declare value: string;

  /** Hides the camera scan button (shown by default where the browser can read codes). */
  declare noScan: boolean;

  /** Hides the "Did you mean" suggestions for mistyped serials. */
  declare noSuggestions: boolean;

  /**
   * Fills in the serial from the page's URL when the page was opened from a GS1 Digital Link
   * (`…/01/{gtin}/21/{serial}`, as printed in a product's QR code), then moves focus to the
   * submit button so that one tap checks it. Without `autocheck` the check waits for that tap:
   * a link preview or a crawler opening the page does not count as a customer's check.
   */
  declare prefillFromUrl: boolean;

  /**
   * With `prefill-from-url`: checks the serial read from the page's Digital Link at once, so
   * that a customer who scanned the product's QR code sees the answer without touching
   * anything. Verify mode only (a return check needs the order first). A page that the browser
   * prerenders checks when it is shown, not before.
   */
  declare autocheck: boolean;

  /** Milliseconds to wait for the service before showing an error. */
  declare timeout: number;

  constructor() {
    super();
    this.endpoint = '';
    this.mode = 'verify';
    this.value = '';
    this.noScan = false;
    this.noSuggestions = false;
    this.prefillFromUrl = false;
    this.autocheck = false;
    this.timeout = 10_000;
    this.orderId = '';
    this.contact = '';
    this.ownerName = '';
    this.email = '';
    this.consent = false;
    this.touched = false;
    this.announcement = { text: '', assertive: false };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The format engine loads while the element waits for its language and renders.
    void this.#format.ready();
  }

  /** Renders only once the language is loaded, and the page's Digital Link read. */
  protected override async scheduleUpdate(): Promise<void> {
    await this.#localize.ready();
    if (this.mode === 'register' && !this.#registerForm) {
      // Rendered without them if they cannot be loaded: the submit then says why (a failure).
      this.#registerForm = await loadRegisterForm().catch(() => undefined);
    }
    if (!this.hasUpdated && this.prefillFromUrl && !this.value) await this.#prefillFromPageUrl();
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.hasUpdated;
    if (first || changed.has('endpoint') || changed.has('timeout')) {
      this.#checks.configure(this.endpoint, this.timeout);
    }
    if (first || changed.has('endpoint')) {
      this.#hintsLoaded = this.#format.load(this.endpoint, this.#checks.api);
    }
  }

  protected override firstUpdated(): void {
    if (this.#prefilled) {
      const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
      this.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
      const target =
        this.mode === 'return'
          ? this.#orderInput
          : this.mode === 'register'
            ? this.#query<HTMLInputElement>('#name')
            : this.#submitButton;
      target?.focus({ preventScroll: true });
      if (this.autocheck && this.mode === 'verify') void this.#checkWhenShown();
      else this.#announce(fill(this.#t.prefilled, this.value), 'polite');
    }
    // Checks queued on an earlier visit go out now; their answers show in an idle element.
    if (this.mode === 'verify' && navigator.onLine) void this.#checks.flushQueued();
  }

  /** Moves focus to the first field. */
  override focus(options?: FocusOptions): void {
    (this.#orderInput ?? this.#serialInput)?.focus(options);
  }

  /** Removes focus from the element. */
  override blur(): void {
    const active = this.shadowRoot?.activeElement;
    if (active instanceof HTMLElement) active.blur();
  }

  /** The service's format hints, once loaded (read by the tests to know the help is ready). */
  private get hints() {
    return this.#format.hints;
  }

  get #t() {
    return this.#localize.t;
  }

  #query<T extends HTMLElement>(selector: string): T | null {
    return this.renderRoot?.querySelector<T>(selector) ?? null;
  }

  get #serialInput() {
    return this.#query<HTMLInputElement>('#serial');
  }

  get #orderInput() {
    return this.#query<HTMLInputElement>('#order');
  }

  get #submitButton() {
    return this.#query<HTMLButtonElement>('.submit');
  }

  get #inputCheck(): InputCheck {
    return this.#format.check(this.value, {
      sku: this.sku,
      messages: this.#localize.messages,
      suggestions: !this.noSuggestions,
    });
  }

  async #prefillFromPageUrl(): Promise<void> {
    if (!UNIT_PATH.test(location.pathname)) return;
    const unit = (await this.#format.ready())?.readDigitalLink(location.href);
    if (!unit) return;
    this.value = unit.serial;
    this.#gs1Source = { serial: unit.serial, input: unit.uri };
    this.#prefilled = true;
  }

  /** Checks the prefilled serial once the page is shown (a prerendered page is not yet). */
  async #checkWhenShown(): Promise<void> {
    const doc = document as Document & { prerendering?: boolean };
    if (doc.prerendering) {
      await new Promise((resolve) =>
        doc.addEventListener('prerenderingchange', resolve, { once: true }),
      );
    }
    // Checked locally first, as a tap would be: a mistyped link shows its issue, not an answer.
    await this.#submit();
  }

  #announce(text: string, politeness: 'polite' | 'assertive'): void {
    // The same message twice must be heard twice: a changed text is what screen readers notice.
    const repeat = this.announcement.text === text;
    this.announcement = {
      text: repeat ? `${text}\u00a0` : text,
      assertive: politeness === 'assertive',
    };
  }

  #rejectField(field: Field, message: string): void {
    this.fieldError = { field, message };
    this.#announce(message, 'assertive');
    this.#query(`#${field}`)?.focus();
  }

  /** Validates the form and sends the check; everything a customer does to check ends here. */
  async #submit(): Promise<void> {
    // A check submitted while the format engine or the hints load waits for them, so that it is
    // checked here first (the service validates if they cannot be had).
    if (!this.#format.hints) await Promise.all([this.#format.ready(), this.#hintsLoaded]);
    const checks = this.#checks;
    if (checks.phase === 'loading') return;
    const t = this.#t;
    if (checks.secondsToWait > 0) {
      this.#announce(waitText(t, checks.secondsToWait), 'assertive');
      return;
    }
    if (this.mode === 'return') {
      if (!this.orderId.trim()) return this.#rejectField('order', t.orderEmpty);
      if (!this.contact.trim()) return this.#rejectField('contact', t.contactEmpty);
    }
    const check = this.#inputCheck;
    if (check.status === 'empty') return this.#rejectField('serial', t.serialEmpty);
    if (check.status === 'invalid') {
      this.touched = true;
      this.fieldError = undefined;
      checks.clear();
      this.#announce(check.issues[0]?.message ?? t.invalidTitle, 'assertive');
      this.#serialInput?.focus();
      return;
    }
    this.fieldError = undefined;
    const serial = check.canonical ?? check.serial;
    // GS1 codes go out as given: the service reads the GTIN too. Other serials go out canonical.
    const input =
      this.#gs1Source?.serial === this.value.trim()
        ? this.#gs1Source.input
        : check.gs1
          ? this.value.trim()
          : serial;
    if (this.mode === 'verify') {
      await checks.verify({ input, ...(this.sku && { sku: this.sku }) }, serial);
      return;
    }
    if (this.mode === 'register') return this.#submitRegistration(input, serial);
    const orderId = this.orderId.trim();
    const contact = this.contact.trim();
    // One field takes either proof of the order: an email address has an @, a postcode never.
    const request: PublicReturnCheckRequest = contact.includes('@')
      ? { orderId, email: contact, serial: input }
      : { orderId, postcode: contact, serial: input };
    await checks.checkReturn(request, serial);
  }

  /** Checks the owner's details, then sends the registration of the serial already checked. */
  async #submitRegistration(input: string, serial: string): Promise<void> {
    const t = this.#t;
    this.#registerForm ??= await loadRegisterForm().catch(() => undefined);
    if (!this.#registerForm) return this.#announce(t.network, 'assertive');
    const details = { name: this.ownerName, email: this.email, consent: this.consent };
    const error = this.#registerForm.ownerDetailsError(t, details);
    if (error) return this.#rejectField(error.field, error.message);
    await this.#checks.register(
      {
        input,
        ...(this.sku && { sku: this.sku }),
        name: details.name.trim(),
        email: details.email.trim(),
        consent: true,
      },
      serial,
    );
  }

  #verified(outcome: VerifyOutcome, input: string): void {
    this.#announce(announcement(verifyTexts(this.#t, outcome.result, outcome.serial)), 'polite');
    this.dispatchEvent(
      new SerialLookupResultEvent({
        mode: 'verify',
        input,
        result: outcome.result,
        queued: outcome.queued,
      }),
    );
  }

  #returned(outcome: ReturnOutcome, orderId: string, serial: string): void {
    this.#announce(announcement(returnTexts(this.#t, outcome.result)), 'polite');
    this.dispatchEvent(
      new SerialLookupResultEvent({ mode: 'return', orderId, serial, result: outcome.result }),
    );
  }

  #registered(outcome: RegisterOutcome): void {
    const texts = registerTexts(this.#t, outcome.result, outcome.serial);
    this.#announce(announcement(texts), 'polite');
    this.dispatchEvent(
      new SerialLookupResultEvent({
        mode: 'register',
        serial: outcome.serial,
        result: outcome.result,
      }),
    );
  }

  #failed(error: ApiError, mode: Mode): void {
    const t = this.#t;
    this.#announce(failureAnnouncement(t, error, this.#checks.secondsToWait, mode), 'assertive');
    this.dispatchEvent(
      new SerialLookupErrorEvent({
        mode,
        kind: error.kind,
        message: error.message,
        queued: false,
        ...(error.status !== undefined && { status: error.status }),
        ...(error.code !== undefined && { code: error.code }),
        ...(error.retryAfter !== undefined && { retryAfter: error.retryAfter }),
      }),
    );
  }

  #queued(serial: string): void {
    this.#announce(fill(this.#t.offlineQueued, serial), 'polite');
    this.dispatchEvent(
      new SerialLookupErrorEvent({
        mode: 'verify',
        kind: 'offline',
        message: 'the browser is offline; the check is sent when it is back online',
        queued: true,
      }),
    );
  }

  readonly #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submit();
  };

  /** Keeps a field's value, clears its issue and the answer it no longer belongs to. */
  readonly #handleInput = (event: InputEvent): void => {
    const input = event.target as HTMLInputElement;
    const field = input.id as Field;
    if (field === 'serial') this.value = input.value;
    else if (field === 'order') this.orderId = input.value;
    else if (field === 'name') this.ownerName = input.value;
    else if (field === 'email') this.email = input.value;
    else this.contact = input.value;
    if (this.fieldError?.field === field) this.fieldError = undefined;
    this.#checks.clear();
  };

  readonly #handleConsent = (event: Event): void => {
    this.consent = (event.target as HTMLInputElement).checked;
    if (this.fieldError?.field === 'consent') this.fieldError = undefined;
  };

  readonly #handleSerialBlur = (): void => {
    if (this.value.trim()) this.touched = true;
  };

  readonly #handleSuggestion = (suggestion: Suggestion): void => {
    this.value = suggestion.serial;
    this.#gs1Source = undefined;
    this.fieldError = undefined;
    this.#checks.clear();
    this.#serialInput?.focus();
    this.#announce(fill(this.#t.suggestionApplied, suggestion.serial), 'polite');
  };

  readonly #handleRetry = (): void => {
    // The retry button goes away while the check runs: keep focus in the form.
    this.#submitButton?.focus();
    void this.#submit();
  };

  readonly #handleScan = async (): Promise<void> => {
    const t = this.#t;
    this.fieldError = undefined;
    const dialog = this.#query<HTMLDialogElement>('dialog')!;
    dialog.showModal();
    const scanned = await this.#scan.scan(this.#query<HTMLVideoElement>('video')!);
    if (!scanned) return;
    dialog.close();
    if ('failure' in scanned) {
      return this.#rejectField(
        'serial',
        scanned.failure === 'denied' ? t.scanDenied : t.scanFailed,
      );
    }
    const raw = scanned.code;
    const engine = await this.#format.ready();
    const check = engine
      ? engine.checkInput(raw, [], { messages: this.#localize.messages, suggestions: false })
      : uncheckedInput(raw);
    this.value = check.serial || raw.trim();
    this.#gs1Source = check.gs1 ? { serial: this.value, input: raw.trim() } : undefined;
    this.touched = true;
    this.#checks.clear();
    await this.updateComplete;
    if (this.mode === 'return' && !this.orderId.trim()) return this.#orderInput?.focus();
    if (this.mode === 'return' && !this.contact.trim()) return this.#query('#contact')?.focus();
    if (this.mode === 'register') {
      // The owner's details come after the serial: the scan fills it in, they finish the form.
      const form = this.#registerForm;
      const missing = form?.ownerDetailsError(this.#t, {
        name: this.ownerName,
        email: this.email,
        consent: this.consent,
      });
      if (missing) return this.#query(`#${missing.field}`)?.focus();
    }
    this.#submitButton?.focus();
    await this.#submit();
  };

  readonly #handleScannerClose = (): void => {
    if (this.#scan.scanning) {
      // Closed by the customer (Cancel or Escape): back to where they were.
      this.#scan.cancel();
      this.#query('.scan')?.focus();
    }
  };

  readonly #closeScanner = (): void => {
    this.#query<HTMLDialogElement>('dialog')?.close();
  };

  override render(): TemplateResult {
    const t = this.#t;
    const checks = this.#checks;
    const check = this.#inputCheck;
    const loading = checks.phase === 'loading';
    const { text, assertive } = this.announcement;
    const register = this.mode === 'register' ? this.#registerForm : undefined;
    const submitText = loading
      ? register
        ? t.sending
        : t.checking
      : this.mode === 'return'
        ? t.checkReturn
        : this.mode === 'register'
          ? t.registerProduct
          : t.checkSerial;
    return html`
      <div class="base" part="base" lang=${this.#localize.lang}>
        <form part="form" novalidate aria-busy=${loading} @submit=${this.#handleSubmit}>
          ${
            this.mode === 'return'
              ? returnFields({
                  t,
                  orderId: this.orderId,
                  contact: this.contact,
                  fieldError: this.fieldError,
                  onInput: this.#handleInput,
                })
              : nothing
          }
          ${serialField({
            t,
            value: this.value,
            check,
            touched: this.touched,
            fieldError: this.fieldError,
            noSuggestions: this.noSuggestions,
            severalFormats: this.#format.candidates(this.sku).length > 1,
            canScan: !this.noScan && this.#scan.formats.length > 0,
            onInput: this.#handleInput,
            onBlur: this.#handleSerialBlur,
            onScan: this.#handleScan,
            onSuggestion: this.#handleSuggestion,
          })}
          ${
            register
              ? register.registerFields({
                  t,
                  name: this.ownerName,
                  email: this.email,
                  consent: this.consent,
                  fieldError: this.fieldError,
                  onInput: this.#handleInput,
                  onConsent: this.#handleConsent,
                })
              : nothing
          }
          <button
            class="submit"
            part="submit"
            type="submit"
            aria-disabled=${checks.secondsToWait > 0 || nothing}
          >
            ${loading ? spinnerIcon() : nothing}
            <span>${submitText}</span>
          </button>
        </form>
        ${outcome({
          t,
          mode: this.mode,
          phase: checks.phase,
          outcome: checks.outcome,
          failure: checks.failure,
          queuedSerial: checks.queuedSerial,
          secondsToWait: checks.secondsToWait,
          localIssues: check.issues,
          lang: this.#localize.lang,
          onRetry: this.#handleRetry,
        })}
        <slot name="footer"></slot>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          ${assertive ? '' : text}
        </div>
        <div class="visually-hidden" role="alert" aria-atomic="true">${assertive ? text : ''}</div>
        ${scannerDialog(t, this.#handleScannerClose, this.#closeScanner)}
      </div>
    `;
  }
}
