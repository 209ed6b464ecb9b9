import type { Locale } from '@serialkit/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translation } from './translation.js';
import de from './translations/de.js';
import en from './translations/en.js';
import es from './translations/es.js';
import fr from './translations/fr.js';

/** Every locale the element speaks. Typed so that a missing locale fails to compile. */
export const translations: Readonly<Record<Locale, Translation>> = { en, de, fr, es };

/** The locales the element speaks, in the order of {@link translations}. */
export const supportedLocales = Object.keys(translations) as Locale[];

/**
 * Picks the best supported locale for a BCP 47 language tag (`de-CH` → `de`), or undefined.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] as Locale;
  return primary in translations ? primary : undefined;
}

type LocalizedHost = ReactiveControllerHost & HTMLElement;

// One observer of `<html lang>` for every element on the page.
const documentHosts = new Set<LocalizedHost>();
let documentObserver: MutationObserver | undefined;

/**
 * Gives a host element its texts in the language of its `lang` attribute, else of the closest
 * ancestor with one, else of the document, else English; and updates the host when the host's
 * or the document's `lang` changes.
 *
 * @example
 * class MyElement extends LitElement {
 *   private readonly localize = new LocalizeController(this);
 *   render() { return html`<button>${this.localize.t.checkSerial}</button>`; }
 * }
 */
export class LocalizeController implements ReactiveController {
  private readonly host: LocalizedHost;
  private hostObserver: MutationObserver | undefined;

  constructor(host: LocalizedHost) {
    this.host = host;
    host.addController(this);
  }

  /** The locale in use. */
  get lang(): Locale {
    const fromTree = this.host.closest('[lang]')?.getAttribute('lang');
    return (
      matchLocale(fromTree) ?? matchLocale(this.host.ownerDocument.documentElement.lang) ?? 'en'
    );
  }

  /** The texts of the locale in use. */
  get t(): Translation {
    return translations[this.lang];
  }

  hostConnected(): void {
    this.hostObserver = new MutationObserver(() => this.host.requestUpdate());
    this.hostObserver.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    documentHosts.add(this.host);
    if (!documentObserver) {
      documentObserver = new MutationObserver(() => {
        for (const host of documentHosts) host.requestUpdate();
      });
      documentObserver.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang'],
      });
    }
  }

  hostDisconnected(): void {
    this.hostObserver?.disconnect();
    this.hostObserver = undefined;
    documentHosts.delete(this.host);
    if (documentHosts.size === 0) {
      documentObserver?.disconnect();
      documentObserver = undefined;
    }
  }
}
