import type {
  FormatHints,
  PublicReturnCheck,
  PublicReturnCheckRequest,
  Suggestion,
  VerifyRequest,
  VerifyResult,
} from '@serialkit/core';
import { isWebUrl } from '@serialkit/core/validate';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError } from '../api/api-error.js';
import { type ApiClient, createApiClient } from '../api/client.js';
import { endpointKey } from '../cache/database.js';
import { readCachedHints, revalidateHints } from '../cache/format-cache.js';
import {
  enqueueCheck,
  flushQueue,
  onQueuedCheckAnswered,
  type QueuedCheckAnswer,
} from '../cache/offline-queue.js';
import { readDigitalLink } from '../digital-link/read-digital-link.js';
import { SerialLookupErrorEvent } from '../events/serial-lookup-error.js';
import {
  type SerialLookupResultDetail,
  SerialLookupResultEvent,
} from '../events/serial-lookup-result.js';
import { candidateFormats, checkInput, type InputCheck } from '../formats/check-input.js';
import { LocalizeController } from '../localize/localize-controller.js';
import { fill } from '../localize/translation.js';
import { scanCode, supportedScanFormats } from '../scan/barcode-scanner.js';
import {
  cameraIcon,
  checkIcon,
  clockIcon,
  crossIcon,
  offlineIcon,
  questionIcon,
  spinnerIcon,
  warningIcon,
} from './icons.js';
import styles from './serial-lookup.styles.js';

type Field = 'serial' | 'order' | 'contact';

type Outcome =
  | { mode: 'verify'; result: VerifyResult; serial: string; queued: boolean }
  | { mode: 'return'; result: PublicReturnCheck };

type Phase = 'idle' | 'loading' | 'queued' | 'done' | 'error';

/** When this page started: queued checks older than this were made on an earlier visit. */
const pageStartedAt = performance.timeOrigin;

/** The suggestion with the changed characters marked, so the fix is visible at a glance. */
function markChange({ serial, change }: Suggestion): TemplateResult {
  const start = change.position;
  const length = change.kind === 'transpose' ? 2 : Math.max(1, change.to.length);
  if (start < 0 || start >= serial.length) return html`<span>${serial}</span>`;
  // One span: the button lays out its children as flex items, which would split the serial.
  return html`<span>${serial.slice(0, start)}<mark>${serial.slice(start, start + length)}</mark>${serial.slice(start + length)}</span>`;
}

/**
 * A translated sentence with its values (serials, formats) in spans that do not wrap, so that a
 * serial never breaks at a hyphen. The translation keeps its own word order.
 */
function sentence(text: string, ...values: string[]): TemplateResult {
  return html`${text
    .split(/\{(\d)\}/)
    .map((part, i) =>
      i % 2 === 1 ? html`<span class="nowrap">${values[Number(part)]}</span>` : part,
    )}`;
}

/**
 * Lets a customer check that a product is genuine, or that the item they want to return is the
 * one their order contained, by its serial number: typed (with the product's format as live
 * help, local validation and one-tap fixes for look-alike or swapped characters), scanned from
 * the label's QR or Data Matrix code, or read from the GS1 Digital Link that opened the page.
 *
 * @summary Serial number authenticity and return check for storefronts.
 * @tagname serial-lookup
 *
 * @attr {string} lang - Language of the texts: `en`, `de`, `fr` or `es`. Default: the closest
 *   `lang` attribute (the page's), else English.
 *
 * @event {SerialLookupResultEvent} serial-lookup-result - The service answered a check the
 *   customer made. `event.detail`: `{ mode: 'verify', input, result, queued }` or
 *   `{ mode: 'return', orderId, serial, result }`.
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
 *
 * @csspart base - The element's wrapper.
 * @csspart form - The form.
 * @csspart field - Each label, input and help group (also `serial-field`, `order-field`,
 *   `contact-field`).
 * @csspart label - Each field's label.
 * @csspart help - Help text under a label.
 * @csspart input - Each text input (also `serial-input`, `order-input`, `contact-input`).
 * @csspart scan - The camera scan button (present only where the browser can scan).
 * @csspart hint - The format hint under the serial number field.
 * @csspart issue - A validation message under a field.
 * @csspart suggestions - The "Did you mean" group.
 * @csspart suggestion - Each suggestion button.
 * @csspart submit - The submit button.
 * @csspart result - The result card (also `result-<status>`: `result-genuine`, `result-recalled`,
 *   `result-match`, `result-order_not_found`…).
 * @csspart result-icon - The result card's icon.
 * @csspart result-title - The result card's title.
 * @csspart result-body - The result card's explanation.
 * @csspart recall-notice - The merchant's recall notice.
 * @csspart result-link - The link to the recall notice.
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
 * @cssproperty --serial-lookup-unknown - Unknown results, offline and rate limited notices.
 *   Default `#4b5563`.
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
  static override styles = styles;

  static override properties = {
    endpoint: {},
    mode: { reflect: true },
    sku: {},
    value: {},
    noScan: { type: Boolean, attribute: 'no-scan' },
    noSuggestions: { type: Boolean, attribute: 'no-suggestions' },
    prefillFromUrl: { type: Boolean, attribute: 'prefill-from-url' },
    timeout: { type: Number },
    hints: { state: true },
    orderId: { state: true },
    contact: { state: true },
    touched: { state: true },
    phase: { state: true },
    outcome: { state: true },
    failure: { state: true },
    queuedSerial: { state: true },
    fieldError: { state: true },
    retryAt: { state: true },
    clock: { state: true },
    scanFormats: { state: true },
    announcement: { state: true },
  };

  readonly #localize = new LocalizeController(this);
  #api: ApiClient = createApiClient({ endpoint: '' });
  #request: AbortController | undefined;
  #scanning: AbortController | undefined;
  #countdown: ReturnType<typeof setInterval> | undefined;
  #hintsToken = 0;
  #checkKey: string | undefined;
  #checkResult: InputCheck | undefined;
  /** A GS1 code (scanned, or the page's Digital Link) whose serial is in the field. */
  #gs1Source: { serial: string; input: string } | undefined;
  /** Where the offline check this element queued waits, to show its answer when it comes. */
  #pendingCheckId: number | undefined;
  #pendingRequest: VerifyRequest | undefined;
  #prefilled = false;
  #unsubscribeQueue: (() => void) | undefined;

  // Reactive state: properties without attributes, declared in `properties`.
  declare private hints: FormatHints | undefined;
  declare private orderId: string;
  declare private contact: string;
  declare private touched: boolean;
  declare private phase: Phase;
  declare private outcome: Outcome | undefined;
  declare private failure: ApiError | undefined;
  declare private queuedSerial: string;
  declare private fieldError: { field: Field; message: string } | undefined;
  declare private retryAt: number;
  declare private clock: number;
  declare private scanFormats: string[];
  declare private announcement: { text: string; assertive: boolean };

  /**
   * Base URL of the serialkit service, e.g. `https://shop.example/serialkit`; empty for the
   * page's own origin. The element calls `{endpoint}/v1/verify`, `/v1/returns/check` and
   * `/v1/formats`.
   */
  declare endpoint: string;

  /** `verify`: is this unit genuine? `return`: is this the unit my order contained? */
  declare mode: 'verify' | 'return';

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
   * submit button so that one tap checks it. The check itself waits for that tap: a link
   * preview or a crawler opening the page must not count as a customer's check.
   */
  declare prefillFromUrl: boolean;

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
    this.timeout = 10_000;
    this.orderId = '';
    this.contact = '';
    this.touched = false;
    this.phase = 'idle';
    this.queuedSerial = '';
    this.retryAt = 0;
    this.clock = 0;
    this.scanFormats = [];
    this.announcement = { text: '', assertive: false };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.#handleOnline);
    this.#unsubscribeQueue = onQueuedCheckAnswered(this.#handleQueuedAnswer);
    void supportedScanFormats().then((formats) => {
      this.scanFormats = formats;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.#handleOnline);
    this.#unsubscribeQueue?.();
    this.#request?.abort();
    this.#scanning?.abort();
    clearInterval(this.#countdown);
    this.#countdown = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.hasUpdated;
    if (first || changed.has('endpoint') || changed.has('timeout')) {
      this.#api = createApiClient({ endpoint: this.endpoint, timeout: this.timeout });
    }
    if (first || changed.has('endpoint')) void this.#loadHints();
    if (first && this.prefillFromUrl && !this.value) this.#prefillFromPageUrl();
  }

  protected override firstUpdated(): void {
    if (this.#prefilled) {
      const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
      this.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
      const target = this.mode === 'return' ? this.#orderInput : this.#submitButton;
      target?.focus({ preventScroll: true });
      this.#announce(fill(this.#t.prefilled, this.value), 'polite');
    }
    // Checks queued on an earlier visit go out now; their answers show in an idle element.
    if (this.mode === 'verify' && navigator.onLine) void this.#flushQueued();
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

  get #scannerDialog() {
    return this.#query<HTMLDialogElement>('dialog')!;
  }

  get #inputCheck(): InputCheck {
    const locale = this.#localize.lang;
    const key = [this.value, this.hints?.version, this.sku, locale, this.noSuggestions].join('\0');
    if (key !== this.#checkKey || !this.#checkResult) {
      this.#checkKey = key;
      this.#checkResult = checkInput(
        this.value,
        candidateFormats(this.hints?.formats ?? [], this.sku),
        {
          locale,
          suggestions: !this.noSuggestions,
        },
      );
    }
    return this.#checkResult;
  }

  get #secondsToWait(): number {
    return Math.max(0, Math.ceil((this.retryAt - this.clock) / 1000));
  }

  get #key(): string {
    return endpointKey(this.endpoint);
  }

  async #loadHints(): Promise<void> {
    const token = ++this.#hintsToken;
    const key = this.#key;
    const cached = await readCachedHints(key);
    if (token !== this.#hintsToken) return;
    if (cached) this.hints = cached.hints;
    const current = await revalidateHints(key, this.#api, cached);
    if (token === this.#hintsToken && current) this.hints = current;
  }

  #prefillFromPageUrl(): void {
    const unit = readDigitalLink(location.href);
    if (!unit) return;
    this.value = unit.serial;
    this.#gs1Source = { serial: unit.serial, input: unit.uri };
    this.#prefilled = true;
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

  #clearOutcome(): void {
    if (this.phase === 'loading') return;
    if (
      this.phase === 'done' ||
      (this.phase === 'error' && this.failure?.kind !== 'rate_limited')
    ) {
      this.phase = 'idle';
      this.outcome = undefined;
      this.failure = undefined;
    }
  }

  /** Validates the form and sends the check; everything a customer does to check ends here. */
  async #submit(): Promise<void> {
    if (this.phase === 'loading') return;
    const t = this.#t;
    if (this.#secondsToWait > 0) {
      this.#announce(this.#rateLimitedText(this.#secondsToWait), 'assertive');
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
      this.#clearOutcome();
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
    if (this.mode === 'return') {
      await this.#sendReturn(serial, input);
    } else {
      await this.#sendVerify({ input, ...(this.sku && { sku: this.sku }) }, serial);
    }
  }

  async #sendVerify(request: VerifyRequest, serial: string): Promise<void> {
    if (!navigator.onLine) return this.#queueCheck(request, serial);
    const result = await this.#send((signal) => this.#api.verify(request, signal));
    if (!result) return;
    if (result instanceof ApiError) {
      if (result.kind === 'offline') return this.#queueCheck(request, serial);
      return this.#showFailure(result, 'verify');
    }
    this.#showVerifyResult(result, serial, false);
    this.dispatchEvent(
      new SerialLookupResultEvent({ mode: 'verify', input: request.input, result, queued: false }),
    );
  }

  async #sendReturn(serial: string, input: string): Promise<void> {
    const orderId = this.orderId.trim();
    const contact = this.contact.trim();
    // One field takes either proof of the order: an email address has an @, a postcode never.
    const request: PublicReturnCheckRequest = contact.includes('@')
      ? { orderId, email: contact, serial: input }
      : { orderId, postcode: contact, serial: input };
    if (!navigator.onLine) {
      return this.#showFailure(new ApiError('offline', 'the browser is offline'), 'return');
    }
    const result = await this.#send((signal) => this.#api.checkReturn(request, signal));
    if (!result) return;
    if (result instanceof ApiError) return this.#showFailure(result, 'return');
    this.phase = 'done';
    this.outcome = { mode: 'return', result };
    const t = this.#t;
    this.#announce(`${t.verdicts[result.verdict]}. ${t.nextSteps[result.next]}`, 'polite');
    const detail: SerialLookupResultDetail = { mode: 'return', orderId, serial, result };
    this.dispatchEvent(new SerialLookupResultEvent(detail));
  }

  /**
   * Runs one request. Removing the element from the page aborts it: its answer is dropped and
   * the element is ready for a new check if it comes back.
   */
  async #send<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T | ApiError | undefined> {
    this.#request?.abort();
    const controller = new AbortController();
    this.#request = controller;
    this.phase = 'loading';
    this.outcome = undefined;
    this.failure = undefined;
    try {
      return await call(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) {
        this.phase = 'idle';
        return undefined;
      }
      if (error instanceof ApiError) return error;
      throw error;
    } finally {
      if (this.#request === controller) this.#request = undefined;
    }
  }

  async #queueCheck(request: VerifyRequest, serial: string): Promise<void> {
    this.#pendingRequest = request;
    this.#pendingCheckId = await enqueueCheck(this.#key, request);
    this.phase = 'queued';
    this.outcome = undefined;
    this.failure = undefined;
    this.queuedSerial = serial;
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

  #showVerifyResult(result: VerifyResult, serial: string, queued: boolean): void {
    this.phase = 'done';
    this.failure = undefined;
    this.outcome = { mode: 'verify', result, serial: result.serial ?? serial, queued };
    const [title, body] = this.#verifyTexts(result, serial);
    this.#announce(`${title}. ${fill(body, ...this.#verifyValues(result, serial))}`, 'polite');
  }

  #showFailure(error: ApiError, mode: 'verify' | 'return'): void {
    this.phase = 'error';
    this.failure = error;
    if (error.kind === 'rate_limited') this.#startCountdown(error.retryAfter ?? 30);
    this.#announce(this.#failureMessage(error), 'assertive');
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

  #startCountdown(seconds: number): void {
    this.clock = Date.now();
    this.retryAt = this.clock + seconds * 1000;
    clearInterval(this.#countdown);
    this.#countdown = setInterval(() => {
      this.clock = Date.now();
      if (this.clock < this.retryAt) return;
      clearInterval(this.#countdown);
      this.#countdown = undefined;
      if (this.phase === 'error' && this.failure?.kind === 'rate_limited') {
        this.phase = 'idle';
        this.failure = undefined;
      }
      this.#announce(this.#t.rateLimitOver, 'polite');
    }, 1000);
  }

  async #flushQueued(): Promise<void> {
    await flushQueue(this.#key, this.#api);
    // Without IndexedDB the check waited in memory only.
    if (this.phase === 'queued' && this.#pendingCheckId === undefined && this.#pendingRequest) {
      const request = this.#pendingRequest;
      this.#pendingRequest = undefined;
      await this.#sendVerify(request, this.queuedSerial);
    }
  }

  #rateLimitedText(seconds: number): string {
    return seconds === 1 ? this.#t.rateLimitedOne : fill(this.#t.rateLimited, seconds);
  }

  #failureMessage(error: ApiError): string {
    const t = this.#t;
    switch (error.kind) {
      case 'offline':
      case 'network':
      case 'timeout':
        return t[error.kind];
      case 'rate_limited':
        return this.#rateLimitedText(this.#secondsToWait || error.retryAfter || 30);
      case 'invalid_response':
        return t.invalidResponse;
      default:
        return t.server;
    }
  }

  /** The title and body text of a verify result; the body's values are {@link #verifyValues}. */
  #verifyTexts(result: VerifyResult, serial: string): [title: string, body: string] {
    const t = this.#t;
    const product = this.#verifyValues(result, serial)[1];
    switch (result.status) {
      case 'genuine':
        return [t.genuineTitle, product ? t.genuineProductBody : t.genuineBody];
      case 'recalled':
        return [t.recalledTitle, product ? t.recalledProductBody : t.recalledBody];
      case 'suspicious':
        return [t.suspiciousTitle, t.suspiciousBody];
      case 'invalid':
        return [t.invalidTitle, t.invalidBody];
      default:
        return [t.unknownTitle, t.unknownBody];
    }
  }

  /** The serial as the service has it, and the product's name. */
  #verifyValues(result: VerifyResult, serial: string): [serial: string, product: string] {
    return [result.serial ?? serial, result.product?.name ?? ''];
  }

  readonly #handleOnline = (): void => {
    if (this.mode === 'verify') void this.#flushQueued();
  };

  readonly #handleQueuedAnswer = (answer: QueuedCheckAnswer): void => {
    if (answer.claimed || answer.check.endpoint !== this.#key || this.mode !== 'verify') return;
    const mine = answer.check.id !== undefined && answer.check.id === this.#pendingCheckId;
    const fromEarlierVisit =
      answer.check.queuedAt < pageStartedAt && this.phase === 'idle' && !this.value;
    if (!mine && !fromEarlierVisit) return;
    answer.claimed = true;
    this.#pendingCheckId = undefined;
    this.#pendingRequest = undefined;
    const { request } = answer.check;
    if (answer.result) {
      const serial = answer.result.serial ?? request.input;
      if (!mine) this.value = serial;
      this.#showVerifyResult(answer.result, serial, true);
      this.dispatchEvent(
        new SerialLookupResultEvent({
          mode: 'verify',
          input: request.input,
          result: answer.result,
          queued: true,
        }),
      );
    } else if (answer.error) {
      this.#showFailure(answer.error, 'verify');
    }
  };

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
    else this.contact = input.value;
    if (this.fieldError?.field === field) this.fieldError = undefined;
    this.#clearOutcome();
  };

  readonly #handleSerialBlur = (): void => {
    if (this.value.trim()) this.touched = true;
  };

  #applySuggestion(suggestion: Suggestion): void {
    this.value = suggestion.serial;
    this.#gs1Source = undefined;
    this.fieldError = undefined;
    this.#clearOutcome();
    this.#serialInput?.focus();
    this.#announce(fill(this.#t.suggestionApplied, suggestion.serial), 'polite');
  }

  readonly #handleRetry = (): void => {
    // The retry button goes away while the check runs: keep focus in the form.
    this.#submitButton?.focus();
    void this.#submit();
  };

  readonly #handleScan = async (): Promise<void> => {
    const t = this.#t;
    this.#scanning?.abort();
    const controller = new AbortController();
    this.#scanning = controller;
    this.fieldError = undefined;
    const dialog = this.#scannerDialog;
    dialog.showModal();
    let raw: string;
    try {
      raw = await scanCode(this.#query('video')!, this.scanFormats, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#scanning = undefined;
      dialog.close();
      const blocked =
        error instanceof DOMException &&
        (error.name === 'NotAllowedError' || error.name === 'SecurityError');
      this.#rejectField('serial', blocked ? t.scanDenied : t.scanFailed);
      return;
    }
    this.#scanning = undefined;
    dialog.close();
    const check = checkInput(raw, [], { locale: this.#localize.lang, suggestions: false });
    this.value = check.serial || raw.trim();
    this.#gs1Source = check.gs1 ? { serial: this.value, input: raw.trim() } : undefined;
    this.touched = true;
    this.#clearOutcome();
    await this.updateComplete;
    if (this.mode === 'return' && !this.orderId.trim()) return this.#orderInput?.focus();
    if (this.mode === 'return' && !this.contact.trim()) return this.#query('#contact')?.focus();
    this.#submitButton?.focus();
    await this.#submit();
  };

  readonly #handleScannerClose = (): void => {
    if (this.#scanning) {
      // Closed by the customer (Cancel or Escape): back to where they were.
      this.#scanning.abort();
      this.#scanning = undefined;
      this.#query('.scan')?.focus();
    }
  };

  readonly #closeScanner = (): void => {
    this.#scannerDialog.close();
  };

  override render(): TemplateResult {
    const t = this.#t;
    const loading = this.phase === 'loading';
    const { text, assertive } = this.announcement;
    return html`
      <div class="base" part="base" lang=${this.#localize.lang}>
        <form part="form" novalidate aria-busy=${loading} @submit=${this.#handleSubmit}>
          ${this.mode === 'return' ? this.#renderReturnFields() : nothing}
          ${this.#renderSerialField(this.#inputCheck)}
          <button
            class="submit"
            part="submit"
            type="submit"
            aria-disabled=${this.#secondsToWait > 0 || nothing}
          >
            ${loading ? spinnerIcon() : nothing}
            <span>${loading ? t.checking : this.mode === 'return' ? t.checkReturn : t.checkSerial}</span>
          </button>
        </form>
        ${this.#renderOutcome()}
        <slot name="footer"></slot>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          ${assertive ? '' : text}
        </div>
        <div class="visually-hidden" role="alert" aria-atomic="true">${assertive ? text : ''}</div>
        <dialog
          class="scanner"
          part="scanner"
          aria-labelledby="scan-title"
          aria-describedby="scan-instructions"
          @close=${this.#handleScannerClose}
        >
          <p id="scan-title" class="title">${t.scanTitle}</p>
          <p id="scan-instructions">${t.scanInstructions}</p>
          <video part="scanner-video" muted playsinline aria-hidden="true"></video>
          <button class="secondary" part="scanner-cancel" type="button" @click=${this.#closeScanner}>
            ${t.scanCancel}
          </button>
        </dialog>
      </div>
    `;
  }

  #renderIssue(
    field: Field,
    message = this.fieldError?.field === field && this.fieldError.message,
  ) {
    return message
      ? html`<p id="${field}-issue" class="issue" part="issue">${message}</p>`
      : nothing;
  }

  #renderReturnField(
    field: 'order' | 'contact',
    label: string,
    value: string,
    autocomplete: string,
    maxlength: number,
    help?: string,
  ): TemplateResult {
    const invalid = this.fieldError?.field === field;
    const describedBy = [help && `${field}-help`, invalid && `${field}-issue`].filter(Boolean);
    return html`
      <div class="field" part="field ${field}-field">
        <label part="label" for=${field}>${label}</label>
        ${help ? html`<p id="${field}-help" class="help" part="help">${help}</p>` : nothing}
        <input
          id=${field}
          part="input ${field}-input"
          name=${field}
          autocomplete=${autocomplete}
          spellcheck="false"
          maxlength=${maxlength}
          .value=${value}
          aria-invalid=${invalid}
          aria-describedby=${describedBy.join(' ') || nothing}
          @input=${this.#handleInput}
        />
        ${this.#renderIssue(field)}
      </div>
    `;
  }

  #renderReturnFields(): TemplateResult {
    const t = this.#t;
    return html`
      ${this.#renderReturnField('order', t.orderLabel, this.orderId, 'off', 200)}
      ${this.#renderReturnField('contact', t.contactLabel, this.contact, 'email', 320, t.contactHelp)}
    `;
  }

  #renderSerialField(check: InputCheck): TemplateResult {
    const t = this.#t;
    const reached = this.touched || check.serial.length >= check.minLength;
    const issue =
      this.fieldError?.field === 'serial'
        ? this.fieldError.message
        : reached && check.status === 'invalid'
          ? (check.issues[0]?.message ?? t.invalidTitle)
          : undefined;
    const suggestions =
      reached && !this.noSuggestions && check.status !== 'valid' ? check.suggestions : [];
    const several = candidateFormats(this.hints?.formats ?? [], this.sku).length > 1;
    const valid = check.status === 'valid';
    const hint = valid
      ? several && check.format
        ? fill(t.matchesProduct, check.format.name)
        : t.looksRight
      : check.format && check.hint
        ? sentence(t.formatHint, check.hint, check.format.example)
        : undefined;
    const describedBy = ['serial-help', hint && 'serial-hint', issue && 'serial-issue']
      .filter(Boolean)
      .join(' ');
    return html`
      <div class="field" part="field serial-field">
        <label part="label" for="serial"><slot name="label">${t.serialLabel}</slot></label>
        <p id="serial-help" class="help" part="help"><slot name="help">${t.serialHelp}</slot></p>
        <div class="control">
          <input
            id="serial"
            class="serial"
            part="input serial-input"
            name="serial"
            autocomplete="off"
            autocapitalize="characters"
            autocorrect="off"
            spellcheck="false"
            enterkeyhint="go"
            maxlength="2000"
            .value=${this.value}
            aria-invalid=${!!issue}
            aria-describedby=${describedBy}
            @input=${this.#handleInput}
            @blur=${this.#handleSerialBlur}
          />
          ${
            !this.noScan && this.scanFormats.length > 0
              ? html`<button
                  class="scan secondary"
                  part="scan"
                  type="button"
                  aria-label=${t.scan}
                  title=${t.scan}
                  @click=${this.#handleScan}
                >
                  ${cameraIcon()}
                </button>`
              : nothing
          }
        </div>
        ${
          hint
            ? html`<p id="serial-hint" class="hint" part="hint" ?data-valid=${valid}>
                ${valid ? checkIcon(16) : nothing}${hint}
              </p>`
            : nothing
        }
        ${this.#renderIssue('serial', issue)}
        ${
          suggestions.length > 0
            ? html`<div
                class="suggestions"
                part="suggestions"
                role="group"
                aria-labelledby="suggestions-label"
              >
                <span id="suggestions-label">${t.didYouMean}</span>
                ${suggestions.map(
                  (suggestion) =>
                    html`<button
                      class="suggestion secondary"
                      part="suggestion"
                      type="button"
                      aria-label=${fill(t.useSuggestion, suggestion.serial)}
                      @click=${() => this.#applySuggestion(suggestion)}
                    >
                      ${markChange(suggestion)}
                    </button>`,
                )}
              </div>`
            : nothing
        }
      </div>
    `;
  }

  #renderOutcome(): TemplateResult | typeof nothing {
    const t = this.#t;
    if (this.phase === 'queued') {
      return this.#renderNotice(
        'offline',
        offlineIcon(),
        fill(t.offlineQueued, this.queuedSerial),
        false,
      );
    }
    if (this.phase === 'error' && this.failure) {
      const error = this.failure;
      if (error.kind === 'rejected' && error.issues.length > 0) {
        return this.#renderCard(
          'invalid',
          crossIcon(),
          t.invalidTitle,
          t.invalidBody,
          issueList(error.issues),
        );
      }
      const icon =
        error.kind === 'offline' || error.kind === 'network'
          ? offlineIcon()
          : error.kind === 'rate_limited'
            ? clockIcon()
            : warningIcon();
      return this.#renderNotice(
        error.kind,
        icon,
        this.#failureMessage(error),
        error.kind !== 'rate_limited',
      );
    }
    if (this.phase !== 'done' || !this.outcome) return nothing;
    if (this.outcome.mode === 'return') return this.#renderReturnOutcome(this.outcome.result);
    return this.#renderVerifyOutcome(this.outcome.result, this.outcome.serial, this.outcome.queued);
  }

  #renderNotice(
    kind: string,
    icon: TemplateResult,
    message: string,
    retry: boolean,
  ): TemplateResult {
    return html`
      <div class="error" part="error" data-kind=${kind}>
        <span class="icon">${icon}</span>
        <div class="content">
          <p>${message}</p>
          ${
            retry
              ? html`<button class="secondary" part="retry" type="button" @click=${this.#handleRetry}>
                  ${this.#t.retry}
                </button>`
              : nothing
          }
        </div>
      </div>
    `;
  }

  #renderCard(
    status: string,
    icon: TemplateResult,
    title: string,
    body: string | TemplateResult,
    extra: TemplateResult | typeof nothing = nothing,
    eyebrow?: string,
    slot = status,
  ): TemplateResult {
    return html`
      <div class="result" part="result result-${status}" data-status=${status}>
        <span class="icon" part="result-icon">${icon}</span>
        <div class="content">
          ${eyebrow ? html`<p class="eyebrow">${eyebrow}</p>` : nothing}
          <p class="title" part="result-title">${title}</p>
          <p part="result-body">${body}</p>
          ${extra}
          <slot name=${slot.replaceAll('_', '-')}></slot>
        </div>
      </div>
    `;
  }

  #renderVerifyOutcome(result: VerifyResult, serial: string, queued: boolean): TemplateResult {
    const t = this.#t;
    const [title, text] = this.#verifyTexts(result, serial);
    const body = sentence(text, ...this.#verifyValues(result, serial));
    const eyebrow = queued ? t.queuedResult : undefined;
    switch (result.status) {
      case 'genuine':
        return this.#renderCard('genuine', checkIcon(), title, body, nothing, eyebrow);
      case 'recalled': {
        // Only web links are followed from a recall notice (never `javascript:` and the like).
        const link = result.recall?.url ?? '';
        return this.#renderCard(
          'recalled',
          warningIcon(),
          title,
          body,
          html`
            ${result.recall ? html`<p class="notice" part="recall-notice">${result.recall.notice}</p>` : nothing}
            ${isWebUrl(link) ? html`<p><a part="result-link" href=${link}>${t.recallLink}</a></p>` : nothing}
          `,
          eyebrow,
        );
      }
      case 'suspicious':
        return this.#renderCard(
          'suspicious',
          warningIcon(),
          title,
          body,
          result.reasons.length > 0
            ? html`<ul part="reasons">${result.reasons.map((reason) => html`<li>${t.reasons[reason]}</li>`)}</ul>`
            : nothing,
          eyebrow,
        );
      case 'invalid': {
        // Prefer the local issues: they are in the customer's language.
        const local = this.#inputCheck.issues;
        return this.#renderCard(
          'invalid',
          crossIcon(),
          title,
          body,
          issueList(local.length > 0 ? local : result.issues),
          eyebrow,
        );
      }
      default:
        return this.#renderCard('unknown', questionIcon(), title, body, nothing, eyebrow);
    }
  }

  #renderReturnOutcome({ verdict, next }: PublicReturnCheck): TemplateResult {
    const t = this.#t;
    const icon = {
      match: checkIcon,
      mismatch: crossIcon,
      unknown: questionIcon,
      invalid: crossIcon,
      already_returned: warningIcon,
      order_not_found: questionIcon,
    }[verdict]();
    return this.#renderCard(
      verdict,
      icon,
      t.verdicts[verdict],
      t.nextSteps[next],
      nothing,
      undefined,
      next,
    );
  }
}

/** Issues as a list, or nothing. */
function issueList(issues: readonly { message: string }[]): TemplateResult | typeof nothing {
  return issues.length > 0
    ? html`<ul>${issues.map((issue) => html`<li>${issue.message}</li>`)}</ul>`
    : nothing;
}
