/**
 * What every workflow shares: the store, the clock, formats, and a snapshot of the tracked SKUs
 * used to read serials typed without a SKU.
 */
import {
  createIssue,
  createMatcher,
  type Issue,
  type Locale,
  type Matcher,
  type Recall,
  type SerialFormat,
  type Sku,
} from '@serialkit/core';
import { NotFoundError } from '../errors.js';
import type { SerialStore } from '../store.js';
import { wireIssues } from './input.js';
import { FormatCache } from './sku-formats.js';

export interface VerifySettings {
  windowMinutes: number;
  maxFingerprints: number;
  secret: string;
}

export interface ClientContext {
  readonly store: SerialStore;
  readonly locale: Locale;
  readonly formats: FormatCache;
  readonly catalog: Catalog;
  /** Recalls read by public verification, kept briefly. */
  readonly recallCache: RecallCache;
  readonly verify: VerifySettings;
  /** Rows per `insertSerials` call; undefined: the store's preferred batch size. */
  readonly registerBatchSize: number | undefined;
  now(): Date;
  /** `now()` as an ISO 8601 string. */
  nowIso(): string;
  /** The SKU, or a `NotFoundError`. */
  requireSku(sku: string): Promise<Sku>;
}

export function createContext(options: {
  store: SerialStore;
  now: () => Date;
  locale: Locale;
  verify: VerifySettings;
  registerBatchSize: number | undefined;
}): ClientContext {
  const formats = new FormatCache(options.locale);
  const { store, now } = options;
  return {
    store,
    locale: options.locale,
    formats,
    catalog: new Catalog(store, formats),
    recallCache: new RecallCache(store),
    verify: options.verify,
    registerBatchSize: options.registerBatchSize,
    now,
    nowIso: () => now().toISOString(),
    async requireSku(sku) {
      const found = await store.getSku(sku);
      if (!found) throw new NotFoundError(`SKU ${sku} not found`, { details: { sku } });
      return found;
    },
  };
}

/** A tracked SKU whose serial reads the input, and the canonical serial. */
export interface Candidate {
  sku: Sku;
  serial: string;
}

/** The tracked SKUs at one moment, indexed for reading typed serials. */
export class CatalogSnapshot {
  readonly skus: readonly Sku[];
  readonly #byId = new Map<string, Sku>();
  readonly #byGtin = new Map<string, Sku[]>();
  readonly #matcher: Matcher = createMatcher();
  /** The format of the only indexed SKU, to explain why input does not match it. */
  #only: SerialFormat | undefined;
  readonly #locale: Locale;

  constructor(skus: Sku[], formats: FormatCache) {
    this.skus = skus;
    this.#locale = formats.locale;
    for (const sku of skus) {
      this.#byId.set(sku.sku, sku);
      if (sku.gtin !== undefined) {
        const key = gtin14(sku.gtin);
        const list = this.#byGtin.get(key);
        if (list) list.push(sku);
        else this.#byGtin.set(key, [sku]);
      }
      try {
        const format = formats.of(sku);
        this.#matcher.add({ id: sku.sku, format });
        this.#only = this.#matcher.size === 1 ? format : undefined;
      } catch {
        // A stored format that no longer compiles (e.g. written by another version) cannot read
        // serials; the SKU stays listed but matches nothing.
      }
    }
  }

  get(sku: string): Sku | undefined {
    return this.#byId.get(sku);
  }

  /** Tracked SKUs with this GTIN (any of GTIN-8/12/13/14 spellings). */
  byGtin(gtin: string): Sku[] {
    return this.#byGtin.get(gtin14(gtin)) ?? [];
  }

  /**
   * Every tracked SKU whose format reads `input`, with the canonical serial, or the issues that
   * explain why none does.
   */
  match(input: string): { candidates: Candidate[]; issues: Issue[] } {
    const candidates: Candidate[] = [];
    for (const match of this.#matcher.match(input)) {
      const sku = this.#byId.get(match.id);
      if (sku) candidates.push({ sku, serial: match.data.serial });
    }
    if (candidates.length > 0) return { candidates, issues: [] };
    // With one format the customer can be told exactly what is wrong; with several, only that
    // none fits (which one they meant is unknown).
    const result = this.#only?.validate(input);
    if (result && !result.success) return { candidates, issues: wireIssues(result.issues) };
    return {
      candidates,
      issues: wireIssues([createIssue({ code: 'no_matching_format', input }, this.#locale)]),
    };
  }
}

/** How long a catalog snapshot is reused; changes made by other processes show up after this. */
const CATALOG_TTL_MS = 10_000;

/**
 * The tracked SKUs, loaded lazily and refreshed after `CATALOG_TTL_MS` or when this client
 * changes a SKU. An expired snapshot keeps answering while its successor loads in the background,
 * and a reload that finds the same SKUs keeps the snapshot (and its matcher) it has: the matcher
 * is built once per version of the catalog, never on a request's path once warm.
 */
export class Catalog {
  readonly #store: SerialStore;
  readonly #formats: FormatCache;
  /** The snapshot to answer with, and when it was loaded or last confirmed. */
  #current: { at: number; key: string; value: CatalogSnapshot } | undefined;
  /** A load in progress. */
  #loading: Promise<CatalogSnapshot> | undefined;
  /** Bumped by `invalidate`, so that a load started before it is not taken as current. */
  #version = 0;

  constructor(store: SerialStore, formats: FormatCache) {
    this.#store = store;
    this.#formats = formats;
  }

  snapshot(): Promise<CatalogSnapshot> {
    // Real time, not the client's clock: tests freeze `now`, and the TTL is a cache concern.
    const now = Date.now();
    const current = this.#current;
    if (current && now - current.at < CATALOG_TTL_MS) return Promise.resolve(current.value);
    const loading = this.#loading ?? this.#load();
    // Stale: answer with it while the next one loads.
    return current ? Promise.resolve(current.value) : loading;
  }

  invalidate(): void {
    this.#version++;
    this.#current = undefined;
    this.#loading = undefined;
  }

  #load(): Promise<CatalogSnapshot> {
    const version = this.#version;
    const loading = (async () => {
      const skus: Sku[] = [];
      let cursor: string | null = null;
      do {
        const page = await this.#store.listSkus({ tracking: true }, { cursor, limit: 1000 });
        skus.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      const key = JSON.stringify(skus);
      const previous = this.#current;
      const value =
        previous && previous.key === key
          ? previous.value
          : new CatalogSnapshot(skus, this.#formats);
      if (this.#version === version) this.#current = { at: Date.now(), key, value };
      return value;
    })();
    this.#loading = loading;
    const done = () => {
      if (this.#loading === loading) this.#loading = undefined;
    };
    const failed = () => {
      done();
      // A failed load is not kept; a stale snapshot serves another TTL before the next try.
      if (this.#current && this.#version === version) this.#current.at = Date.now();
    };
    loading.then(done, failed);
    return loading;
  }
}

/** How long a recall read for verification is reused. */
const RECALL_TTL_MS = 10_000;
/** Recalls kept; beyond this the oldest is dropped. */
const RECALL_CACHE_LIMIT = 1_000;

/**
 * Recalls by id for public verification, reused for `RECALL_TTL_MS`. A recall's notice and link
 * are set when it is created and never change (only its counts do, which verification does not
 * show), and a unit points at a recall only once it is stored, so a short-lived copy is exact.
 */
export class RecallCache {
  readonly #store: SerialStore;
  readonly #entries = new Map<string, { at: number; value: Promise<Recall | null> }>();

  constructor(store: SerialStore) {
    this.#store = store;
  }

  get(id: string): Promise<Recall | null> {
    const at = Date.now();
    const cached = this.#entries.get(id);
    if (cached && at - cached.at < RECALL_TTL_MS) return cached.value;
    if (cached) this.#entries.delete(id);
    else if (this.#entries.size >= RECALL_CACHE_LIMIT) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    const value = this.#store.getRecall(id);
    this.#entries.set(id, { at, value });
    // Neither a failed read nor a missing recall is kept.
    const forget = () => {
      if (this.#entries.get(id)?.value === value) this.#entries.delete(id);
    };
    value.then((recall) => recall ?? forget(), forget);
    return value;
  }
}

/** A GTIN as 14 digits (GTIN-8/12/13 are left-padded with zeros). */
export function gtin14(gtin: string): string {
  return gtin.padStart(14, '0');
}
