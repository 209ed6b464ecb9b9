/**
 * The languages `<serial-lookup>` speaks. English is built in; German, French and Spanish load
 * on demand, each as its own chunk beside the element's script, when an element needs them; a
 * shop adds its own with {@link registerTranslation}.
 */
import type { LocaleBundle } from '@serialkit/core/validate';
import type { Translation } from './translation.js';
import en from './translations/en.js';

/**
 * A language: the element's texts, and core's issue messages and format hint words (without
 * them, validation messages are in English).
 */
export interface Language {
  texts: Translation;
  messages?: LocaleBundle;
}

/** The languages that ship with the element, each loaded when first needed. */
const builtIn: Readonly<Record<string, () => Promise<{ default: Language }>>> = {
  de: () => import('./languages/de.js'),
  fr: () => import('./languages/fr.js'),
  es: () => import('./languages/es.js'),
};

const ready = new Map<string, Language>([['en', { texts: en }]]);
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** The codes of every language an element can speak: built in, loaded or registered. */
export function availableLanguages(): string[] {
  return [...new Set([...ready.keys(), ...Object.keys(builtIn)])];
}

/**
 * The language to use for a BCP 47 tag: the tag itself when a language was registered under it
 * (`pt-br`), else its primary subtag (`de-CH` → `de`), else undefined.
 */
export function matchLanguage(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const exact = tag.trim().toLowerCase().replace('_', '-');
  const primary = exact.split('-')[0]!;
  return [exact, primary].find((code) => ready.has(code) || code in builtIn);
}

/** A language that is ready to use, or undefined while it loads (or when it failed to). */
export function languageOf(code: string): Language | undefined {
  return ready.get(code);
}

/**
 * Loads a built-in language; resolves at once for one that is ready. A chunk that fails to load
 * (offline, blocked) leaves the element in English.
 */
export function loadLanguage(code: string): Promise<void> {
  if (ready.has(code) || !(code in builtIn)) return Promise.resolve();
  let task = loading.get(code);
  if (!task) {
    task = builtIn[code]!().then(
      (module) => {
        // A translation registered meanwhile wins over the built-in one.
        if (!ready.has(code)) ready.set(code, module.default);
      },
      () => undefined,
    );
    loading.set(code, task);
  }
  return task;
}

/** Calls `listener` when a language is registered; returns the unsubscribe function. */
export function onLanguageRegistered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Adds a language to every `<serial-lookup>` on the page, or replaces the texts of one (`en`,
 * `de`, `fr`, `es`), without a fork. An element speaks it where its `lang` attribute, an
 * ancestor's or the page's names it (`it`, `it-CH`; or `pt-BR` for a regional variant). Elements
 * on the page switch at once.
 *
 * @param lang - A BCP 47 language tag, matched case-insensitively.
 * @param texts - Every text of the element (the {@link Translation} type lists them).
 * @param messages - Core's validation messages and format hint words in that language (a
 *   `LocaleBundle`, as `@serialkit/core/validate` exports `de`, `fr`…); without it, validation
 *   messages stay in English.
 *
 * @example
 * import { registerTranslation, type Translation } from '@serialkit/widget';
 * const it: Translation = { serialLabel: 'Numero di serie', checkSerial: 'Verifica', … };
 * registerTranslation('it', it);
 */
export function registerTranslation(
  lang: string,
  texts: Translation,
  messages?: LocaleBundle,
): void {
  const code = lang.trim().toLowerCase().replace('_', '-');
  ready.set(code, messages ? { texts, messages } : { texts });
  for (const listener of listeners) listener();
}
