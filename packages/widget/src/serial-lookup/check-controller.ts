import type {
  OwnerRegistrationRequest,
  PublicReturnCheckRequest,
  VerifyRequest,
} from '@serialkit/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OwnerAnswer, ReturnAnswer, VerifyAnswer } from '../api/answers.js';
import { ApiError } from '../api/api-error.js';
import { type ApiClient, createApiClient } from '../api/client.js';
import { endpointKey } from '../cache/endpoint-key.js';
import type { QueuedCheckAnswer } from '../cache/offline-queue.js';

/** Where a check stands. */
export type Phase = 'idle' | 'loading' | 'queued' | 'done' | 'error';

/** A verify answer as shown: `serial` as the service has it, `queued` when it waited offline. */
export interface VerifyOutcome {
  mode: 'verify';
  result: VerifyAnswer;
  serial: string;
  queued: boolean;
}

/** A return check's answer as shown. */
export interface ReturnOutcome {
  mode: 'return';
  result: ReturnAnswer;
}

/** An owner registration's answer as shown; `serial` as the service has it, else as sent. */
export interface RegisterOutcome {
  mode: 'register';
  result: OwnerAnswer;
  serial: string;
}

export type Outcome = VerifyOutcome | ReturnOutcome | RegisterOutcome;

/** The element's modes. */
export type Mode = Outcome['mode'];

/** What the host element is told, to announce it and fire its events. */
export interface CheckCallbacks {
  /** A verify answer is shown; `input` is what was sent. */
  verified(outcome: VerifyOutcome, input: string): void;
  /** A return check's answer is shown. */
  returned(outcome: ReturnOutcome, orderId: string, serial: string): void;
  /** An owner registration's answer is shown. */
  registered(outcome: RegisterOutcome): void;
  /** A check failed; the failure is shown. */
  failed(error: ApiError, mode: Mode): void;
  /** The browser is offline: the check waits in the queue. */
  queued(serial: string): void;
  /** The rate limit's wait is over. */
  waitOver(): void;
}

/** The host: an element with a mode and a serial field. */
export interface CheckHost extends ReactiveControllerHost {
  readonly mode: Mode;
  value: string;
  readonly isConnected: boolean;
}

type OfflineQueue = typeof import('../cache/offline-queue.js');

let offlineQueue: Promise<OfflineQueue> | undefined;

/** The offline queue, loaded on demand (its own chunk, with IndexedDB access). */
function loadOfflineQueue(): Promise<OfflineQueue> {
  offlineQueue ??= import('../cache/offline-queue.js');
  offlineQueue.catch(() => {
    offlineQueue = undefined;
  });
  return offlineQueue;
}

/** When this page started: queued checks older than this were made on an earlier visit. */
const pageStartedAt = performance.timeOrigin;

/**
 * Sends the checks of `<serial-lookup>` and holds what they answered: one request at a time
 * (removing the element aborts it), checks made offline queued and sent once back online (the
 * answer shows when it comes, also for a check made on an earlier visit), and the wait a rate
 * limit imposes, counted down.
 */
export class CheckController implements ReactiveController {
  private readonly host: CheckHost;
  private readonly callbacks: CheckCallbacks;
  phase: Phase = 'idle';
  outcome: Outcome | undefined;
  failure: ApiError | undefined;
  /** The serial of the check waiting offline. */
  queuedSerial = '';
  /** The service's API, for the endpoint and timeout given to {@link configure}. */
  api: ApiClient = createApiClient({ endpoint: '' });
  #key = endpointKey('');
  #retryAt = 0;
  #clock = 0;
  #countdown: ReturnType<typeof setInterval> | undefined;
  #request: AbortController | undefined;
  /** Where the offline check this element queued waits, to show its answer when it comes. */
  #pendingCheckId: number | undefined;
  #pendingRequest: VerifyRequest | undefined;
  #unsubscribeQueue: (() => void) | undefined;

  constructor(host: CheckHost, callbacks: CheckCallbacks) {
    this.host = host;
    this.callbacks = callbacks;
    host.addController(this);
  }

  /** Points the checks at a service. */
  configure(endpoint: string, timeout: number): void {
    this.api = createApiClient({ endpoint, timeout });
    this.#key = endpointKey(endpoint);
  }

  /** Whole seconds left before the rate limit lets the customer check again. */
  get secondsToWait(): number {
    return Math.max(0, Math.ceil((this.#retryAt - this.#clock) / 1000));
  }

  hostConnected(): void {
    addEventListener('online', this.#handleOnline);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#handleOnline);
    this.#unsubscribeQueue?.();
    this.#unsubscribeQueue = undefined;
    this.#request?.abort();
    clearInterval(this.#countdown);
    this.#countdown = undefined;
  }

  /** Clears the answer the field no longer belongs to (a rate limit's notice stays). */
  clear(): void {
    if (this.phase === 'loading') return;
    if (
      this.phase === 'done' ||
      (this.phase === 'error' && this.failure?.kind !== 'rate_limited')
    ) {
      this.#set('idle');
    }
  }

  /** Sends a verify check, or queues it while the browser is offline. */
  async verify(request: VerifyRequest, serial: string): Promise<void> {
    if (!navigator.onLine) return this.#queue(request, serial);
    const result = await this.#send((signal) => this.api.verify(request, signal));
    if (!result) return;
    if (result instanceof ApiError) {
      if (result.kind === 'offline') return this.#queue(request, serial);
      return this.#fail(result, 'verify');
    }
    this.#showVerify(result, serial, false, request.input);
  }

  /** Sends a return check (never queued: the customer is waiting to pack the parcel). */
  async checkReturn(request: PublicReturnCheckRequest, serial: string): Promise<void> {
    if (!navigator.onLine) {
      return this.#fail(new ApiError('offline', 'the browser is offline'), 'return');
    }
    const result = await this.#send((signal) => this.api.checkReturn(request, signal));
    if (!result) return;
    if (result instanceof ApiError) return this.#fail(result, 'return');
    const outcome: ReturnOutcome = { mode: 'return', result };
    this.#set('done', outcome);
    this.callbacks.returned(outcome, request.orderId, serial);
  }

  /**
   * Sends an owner's registration (never queued: a name and an email do not wait in the
   * browser's storage).
   */
  async register(request: OwnerRegistrationRequest, serial: string): Promise<void> {
    if (!navigator.onLine) {
      return this.#fail(new ApiError('offline', 'the browser is offline'), 'register');
    }
    const result = await this.#send((signal) => this.api.registerOwner(request, signal));
    if (!result) return;
    if (result instanceof ApiError) return this.#fail(result, 'register');
    const outcome: RegisterOutcome = { mode: 'register', result, serial: result.serial ?? serial };
    this.#set('done', outcome);
    this.callbacks.registered(outcome);
  }

  /**
   * Sends the checks queued for this service (also those of an earlier visit, whose answers show
   * in an idle element).
   */
  async flushQueued(): Promise<void> {
    const queue = await this.#offlineQueue();
    if (!queue) return;
    await queue.flushQueue(this.#key, this.api);
    // Without IndexedDB the check waited in memory only.
    if (this.phase === 'queued' && this.#pendingCheckId === undefined && this.#pendingRequest) {
      const request = this.#pendingRequest;
      this.#pendingRequest = undefined;
      await this.verify(request, this.queuedSerial);
    }
  }

  #set(phase: Phase, outcome?: Outcome, failure?: ApiError): void {
    this.phase = phase;
    this.outcome = outcome;
    this.failure = failure;
    this.host.requestUpdate();
  }

  /** Runs one request; an aborted one (the element left the page) answers undefined. */
  async #send<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T | ApiError | undefined> {
    this.#request?.abort();
    const controller = new AbortController();
    this.#request = controller;
    this.#set('loading');
    try {
      return await call(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) {
        this.#set('idle');
        return undefined;
      }
      if (error instanceof ApiError) return error;
      throw error;
    } finally {
      if (this.#request === controller) this.#request = undefined;
    }
  }

  /** The offline queue, subscribed to while the host is on the page; undefined if unavailable. */
  async #offlineQueue(): Promise<OfflineQueue | undefined> {
    let queue: OfflineQueue;
    try {
      queue = await loadOfflineQueue();
    } catch {
      return undefined;
    }
    if (this.host.isConnected) {
      this.#unsubscribeQueue ??= queue.onQueuedCheckAnswered(this.#handleQueuedAnswer);
    }
    return queue;
  }

  async #queue(request: VerifyRequest, serial: string): Promise<void> {
    this.#pendingRequest = request;
    const queue = await this.#offlineQueue();
    this.#pendingCheckId = await queue?.enqueueCheck(this.#key, request);
    this.queuedSerial = serial;
    this.#set('queued');
    this.callbacks.queued(serial);
  }

  #showVerify(result: VerifyAnswer, serial: string, queued: boolean, input: string): void {
    const outcome: VerifyOutcome = {
      mode: 'verify',
      result,
      serial: result.serial ?? serial,
      queued,
    };
    this.#set('done', outcome);
    this.callbacks.verified(outcome, input);
  }

  #fail(error: ApiError, mode: Mode): void {
    this.#set('error', undefined, error);
    if (error.kind === 'rate_limited') this.#startCountdown(error.retryAfter ?? 30);
    this.callbacks.failed(error, mode);
  }

  #startCountdown(seconds: number): void {
    this.#clock = Date.now();
    this.#retryAt = this.#clock + seconds * 1000;
    clearInterval(this.#countdown);
    this.#countdown = setInterval(() => {
      this.#clock = Date.now();
      this.host.requestUpdate();
      if (this.#clock < this.#retryAt) return;
      clearInterval(this.#countdown);
      this.#countdown = undefined;
      if (this.phase === 'error' && this.failure?.kind === 'rate_limited') this.#set('idle');
      this.callbacks.waitOver();
    }, 1000);
  }

  readonly #handleOnline = (): void => {
    if (this.host.mode === 'verify') void this.flushQueued();
  };

  readonly #handleQueuedAnswer = (answer: QueuedCheckAnswer): void => {
    if (answer.claimed || answer.check.endpoint !== this.#key || this.host.mode !== 'verify')
      return;
    const mine = answer.check.id !== undefined && answer.check.id === this.#pendingCheckId;
    const fromEarlierVisit =
      answer.check.queuedAt < pageStartedAt && this.phase === 'idle' && !this.host.value;
    if (!mine && !fromEarlierVisit) return;
    answer.claimed = true;
    this.#pendingCheckId = undefined;
    this.#pendingRequest = undefined;
    const { request } = answer.check;
    if (answer.result) {
      const serial = answer.result.serial ?? request.input;
      if (!mine) this.host.value = serial;
      this.#showVerify(answer.result, serial, true, request.input);
    } else if (answer.error) {
      this.#fail(answer.error, 'verify');
    }
  };
}
