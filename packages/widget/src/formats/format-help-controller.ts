import type { FormatHint, FormatHints } from '@serialkit/core';
import type { LocaleBundle } from '@serialkit/core/validate';
import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.js';
import { endpointKey } from '../cache/endpoint-key.js';
import { candidateFormats, uncheckedInput } from './candidates.js';
import type { InputCheck } from './check-input.js';
import type { FormatEngine } from './format-engine.js';

type HintsCache = typeof import('../cache/format-cache.js');

let engine: Promise<FormatEngine> | undefined;
let hintsCache: Promise<HintsCache> | undefined;

/** The IndexedDB copy of the hints and their revalidation: a small chunk of its own. */
function loadHintsCache(): Promise<HintsCache> {
  hintsCache ??= import('../cache/format-cache.js');
  hintsCache.catch(() => {
    hintsCache = undefined;
  });
  return hintsCache;
}

/** The format engine, loaded once per page (its own chunk beside the element's script). */
export function loadFormatEngine(): Promise<FormatEngine> {
  engine ??= import('./format-engine.js');
  // A chunk that failed to load (offline) is asked for again next time.
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

/** What the live check of the serial field depends on. */
export interface InputOptions {
  sku: string | undefined;
  messages: LocaleBundle | undefined;
  suggestions: boolean;
}

/**
 * The live format help of a host element: loads the format engine and, in parallel, the
 * service's format hints (the cached copy first, then revalidated), and checks the serial field
 * against them, once per change of what the check depends on.
 */
export class FormatHelpController {
  private readonly host: ReactiveControllerHost;
  #hints: FormatHints | undefined;
  /** The engine, once loaded. */
  engine: FormatEngine | undefined;
  #token = 0;
  #checkKey: string | undefined;
  #checkMessages: LocaleBundle | undefined;
  #check: InputCheck | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
  }

  /** The service's format hints, once they and the engine are here. */
  get hints(): FormatHints | undefined {
    return this.engine && this.#hints;
  }

  /**
   * Loads the hints of `endpoint` (the cached copy, then the service's), and the engine beside
   * them; a later call supersedes an earlier one. Resolves as soon as there are hints to check
   * against (the cached copy, while the service confirms it), or when there are none to be had.
   */
  load(endpoint: string, api: ApiClient): Promise<void> {
    const token = ++this.#token;
    void this.ready();
    return new Promise<void>((known) => {
      const set = (hints: FormatHints) => {
        if (token !== this.#token) return;
        this.#setHints(hints);
        known();
      };
      void (async () => {
        try {
          const cache = await loadHintsCache();
          if (token !== this.#token) return;
          const key = endpointKey(endpoint);
          const cached = await cache.readCachedHints(key);
          if (cached) set(cached.hints);
          const current = await cache.revalidateHints(key, api, cached);
          if (current) set(current);
        } catch {
          // No cache chunk (offline before it ever loaded): the service checks every serial.
        } finally {
          known();
        }
      })();
    });
  }

  /** The engine, loaded if need be; undefined when its chunk cannot be loaded. */
  async ready(): Promise<FormatEngine | undefined> {
    if (this.engine) return this.engine;
    try {
      this.engine = await loadFormatEngine();
      this.host.requestUpdate();
    } catch {
      return undefined;
    }
    return this.engine;
  }

  /** The candidate products of the field: the one SKU's, or every product's. */
  candidates(sku: string | undefined): FormatHint[] {
    return candidateFormats(this.hints?.formats ?? [], sku);
  }

  /** The field's value checked locally (no verdict while the engine loads). */
  check(value: string, options: InputOptions): InputCheck {
    if (!this.engine) return uncheckedInput(value);
    const key = [value, this.hints?.version, options.sku, options.suggestions].join('\0');
    if (key !== this.#checkKey || options.messages !== this.#checkMessages || !this.#check) {
      this.#checkKey = key;
      this.#checkMessages = options.messages;
      this.#check = this.engine.checkInput(value, this.candidates(options.sku), {
        messages: options.messages,
        suggestions: options.suggestions,
      });
    }
    return this.#check;
  }

  #setHints(hints: FormatHints): void {
    this.#hints = hints;
    this.#checkKey = undefined;
    this.host.requestUpdate();
  }
}
