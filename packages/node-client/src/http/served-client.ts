/**
 * The part of `SerialClient` the HTTP handler serves. Declared structurally so the handler can
 * also front any object with these methods (a test double, a proxy to another client).
 */
import type {
  FormatHints,
  Lookup,
  Page,
  PublicReturnCheck,
  Recall,
  RecallContact,
  RegisterRow,
  RegisterSummary,
  ReturnCheck,
  SerialEvent,
  SerialRecord,
  Shipment,
  Sku,
  Trace,
  VerifyResult,
} from '@serialkit/core';
import type { EventFilter, PageOptions, SerialFilter, SerialStore } from '../store.js';

/** A list: await it for the first page, or iterate every item with `for await`. */
export type PagedList<T> = PromiseLike<Page<T>> & AsyncIterable<T>;

type CsvSource = AsyncIterable<string | Uint8Array> | ReadableStream<Uint8Array> | string;

export interface ServedClient {
  readonly store?: SerialStore;
  skus: {
    update(sku: string, update: unknown): Promise<Sku>;
    get(sku: string): Promise<Sku>;
    list(filter?: { tracking?: boolean }, page?: PageOptions): PagedList<Sku>;
  };
  serials: {
    register(sku: string, rows: RegisterRow[]): Promise<RegisterSummary>;
    generate(
      sku: string,
      count: number,
      options: { mode: 'sequential' | 'random'; lot?: string; manufacturedAt?: string },
    ): Promise<{ sku: string; serials: string[] }>;
    lookup(serial: string, options?: { sku?: string }): Promise<Lookup>;
    list(filter: SerialFilter, page?: PageOptions): PagedList<SerialRecord>;
  };
  shipments: { create(input: unknown): Promise<Shipment> };
  returns: {
    check(input: { orderId: string; serial: string; sku?: string }): Promise<ReturnCheck>;
    checkPublic(input: {
      orderId: string;
      email?: string;
      postcode?: string;
      serial: string;
    }): Promise<PublicReturnCheck>;
    accept(input: unknown): Promise<unknown>;
    reject(input: unknown): Promise<unknown>;
  };
  recalls: {
    create(input: unknown): Promise<Recall>;
    get(id: string): Promise<Recall>;
    list(filter?: { sku?: string }, page?: PageOptions): PagedList<Recall> | Promise<Recall[]>;
    affected(id: string, page?: PageOptions): PagedList<RecallContact>;
    affectedCsv(id: string): AsyncIterable<string>;
  };
  trace(serial: string, options?: { sku?: string }): Promise<Trace>;
  sightings: { record(input: unknown): Promise<SerialEvent> };
  verify(input: string, options: { fingerprint: string; sku?: string }): Promise<VerifyResult>;
  formats: { hints(): Promise<FormatHints> };
  events: {
    list(filter: EventFilter, page?: PageOptions): PagedList<SerialEvent>;
    exportEpcis(filter: EventFilter): Promise<unknown>;
  };
  imports: {
    serials(source: CsvSource, options?: { sku?: string }): Promise<unknown>;
    shipments(source: CsvSource, options?: Record<string, never>): Promise<unknown>;
  };
  exports: {
    serials(filter: SerialFilter): AsyncIterable<string>;
    events(filter: EventFilter): AsyncIterable<string>;
  };
}
