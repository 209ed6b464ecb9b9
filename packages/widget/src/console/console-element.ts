import { LitElement } from 'lit';
import { AdminClient } from '../api/admin-client.js';
import { consoleTexts } from '../localize/console/console-texts.js';
import type { ConsoleTranslation } from '../localize/console/console-translation.js';
import { LocalizeController } from '../localize/localize-controller.js';
import { readSessionKey } from './session-key.js';

/**
 * What every console element shares: the service it talks to (`endpoint`, same origin by
 * default), the API key (given as a property, else the one `<serialkit-console>` keeps in
 * sessionStorage), its texts in the page's language, and a live region for announcements.
 * Each element also works alone on any admin page.
 */
export class ConsoleElement extends LitElement {
  static override properties = {
    endpoint: {},
    apiKey: { attribute: false },
    announcement: { state: true },
  };

  readonly #localize = new LocalizeController(this);

  /** What the live region says (read by screen readers). */
  declare protected announcement: string;

  /** Base URL of the serialkit service; empty (the default) for the page's own origin. */
  declare endpoint: string;

  /** An API key with read or write scope. Default: the key of this tab's console session. */
  declare apiKey: string | undefined;

  constructor() {
    super();
    this.endpoint = '';
    this.announcement = '';
  }

  /** A client for the admin routes, with the current endpoint and key. */
  protected get api(): AdminClient {
    return new AdminClient({
      endpoint: this.endpoint,
      apiKey: this.apiKey ?? readSessionKey() ?? '',
    });
  }

  /** The texts in the element's language. */
  protected get t(): ConsoleTranslation {
    return consoleTexts[this.#localize.lang] ?? consoleTexts.en!;
  }

  /** The element's language code, for dates and numbers. */
  protected get lang_(): string {
    return this.#localize.lang;
  }

  protected override async scheduleUpdate(): Promise<void> {
    await this.#localize.ready();
    super.scheduleUpdate();
  }

  /** Says `text` to screen readers (the region is re-rendered, so a repeat is said again). */
  protected announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  /** A date and time in the element's language. */
  protected formatDate(iso: string | undefined): string {
    if (!iso) return '';
    return new Date(iso).toLocaleString(this.#localize.lang, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  }
}
