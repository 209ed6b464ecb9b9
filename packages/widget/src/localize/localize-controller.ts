import type { LocaleBundle } from '@serialkit/core/validate';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { languageOf, loadLanguage, matchLanguage, onLanguageRegistered } from './languages.js';
import type { Translation } from './translation.js';

type LocalizedHost = ReactiveControllerHost & HTMLElement;

// One observer of `<html lang>` for every element on the page.
const documentHosts = new Set<LocalizedHost>();
let documentObserver: MutationObserver | undefined;
let unsubscribe: (() => void) | undefined;

const updateAll = () => {
  for (const host of documentHosts) host.requestUpdate();
};

/**
 * Gives a host element its texts in the language of its `lang` attribute, else of the closest
 * ancestor with one, else of the document, else English; and updates the host when the host's
 * or the document's `lang` changes, or a language is registered. Languages other than English
 * load on demand: the host awaits {@link LocalizeController.ready} before it renders, so that it
 * never shows English first.
 *
 * @example
 * class MyElement extends LitElement {
 *   private readonly localize = new LocalizeController(this);
 *   protected override async scheduleUpdate() {
 *     await this.localize.ready();
 *     super.scheduleUpdate();
 *   }
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

  /** The language wanted: the closest `lang`, else the page's, if the element can speak it. */
  private get wanted(): string {
    const fromTree = this.host.closest('[lang]')?.getAttribute('lang');
    return (
      matchLanguage(fromTree) ?? matchLanguage(this.host.ownerDocument.documentElement.lang) ?? 'en'
    );
  }

  /** The language in use: the wanted one once it is loaded, else English. */
  get lang(): string {
    const wanted = this.wanted;
    return languageOf(wanted) ? wanted : 'en';
  }

  /** The texts of the language in use. */
  get t(): Translation {
    return languageOf(this.lang)!.texts;
  }

  /** Core's validation messages and hint words in the language in use (English when absent). */
  get messages(): LocaleBundle | undefined {
    return languageOf(this.lang)!.messages;
  }

  /** Resolves once the wanted language is loaded (or failed to load: then English). */
  ready(): Promise<void> {
    return loadLanguage(this.wanted);
  }

  hostConnected(): void {
    this.hostObserver = new MutationObserver(() => this.host.requestUpdate());
    this.hostObserver.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    documentHosts.add(this.host);
    if (!documentObserver) {
      documentObserver = new MutationObserver(updateAll);
      documentObserver.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang'],
      });
      unsubscribe = onLanguageRegistered(updateAll);
    }
  }

  hostDisconnected(): void {
    this.hostObserver?.disconnect();
    this.hostObserver = undefined;
    documentHosts.delete(this.host);
    if (documentHosts.size === 0) {
      documentObserver?.disconnect();
      documentObserver = undefined;
      unsubscribe?.();
      unsubscribe = undefined;
    }
  }
}
