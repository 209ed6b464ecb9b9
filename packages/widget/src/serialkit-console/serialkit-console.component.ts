import { html, nothing, type TemplateResult } from 'lit';
import { AdminApiError, AdminClient } from '../api/admin-client.js';
import { ConsoleElement } from '../console/console-element.js';
import { readSessionKey, writeSessionKey } from '../console/session-key.js';
import { ConsoleSignInEvent } from '../events/console-sign-in.js';
import type { SkuSelectEvent } from '../events/sku-select.js';
import type { UnitOpenEvent } from '../events/unit-open.js';
import { fill } from '../localize/translation.js';
import '../csv-import/csv-import.js';
import '../overview/overview.js';
import '../pack-station/pack-station.js';
import '../recalls/recalls.js';
import '../returns-desk/returns-desk.js';
import '../serial-search/serial-search.js';
import '../sku-editor/sku-editor.js';
import '../sku-list/sku-list.js';
import '../unit-list/unit-list.js';
import '../webhooks/webhooks.js';
import type { SerialSearch } from '../serial-search/serial-search.component.js';
import { SCREENS, type Screen, screenName, screenOfHash } from './screens.js';
import styles from './serialkit-console.styles.js';

/**
 * The merchant console: signs in to a serialkit service with an API key (kept in this tab's
 * sessionStorage only, never elsewhere) and composes the console's elements, each of which also
 * works alone: the SKU list and editor, serial search, the Units list and the other screens. The
 * screen is kept in the location hash (`#skus`), so a reload or a bookmark opens it again.
 *
 * @summary The merchant console: sign in, then every merchant screen.
 * @tagname serialkit-console
 *
 * @attr {string} endpoint - Base URL of the serialkit service; empty (default) for this origin.
 * @attr {string} screen - The screen shown: `overview`, `skus`, `search`, `units`, `pack`,
 *   `returns`, `recalls`, `import` or `webhooks`.
 *
 * @event {ConsoleSignInEvent} serialkit-sign-in - The console signed in or out.
 *
 * @csspart header - The top bar.
 * @csspart nav - The navigation.
 * @csspart nav-item - Each screen's button.
 * @csspart sign-in - The sign-in form.
 * @csspart key-input - The API key field.
 * @csspart sign-in-button - The sign-in button.
 * @csspart sign-out - The sign-out button.
 * @csspart main - The screen.
 *
 * @cssproperty --serialkit-header - The top bar's background. Default `#0d1b2a`.
 * @cssproperty --serialkit-accent - Buttons, links and the focus ring. Default `#0b57d0`.
 *
 * @example
 * <script type="module" src="/admin/console.js"></script>
 * <serialkit-console></serialkit-console>
 */
export class SerialkitConsole extends ConsoleElement {
  static override styles = styles;

  static override properties = {
    ...ConsoleElement.properties,
    screen: { reflect: true },
    signedIn: { state: true },
    keyDraft: { state: true },
    signInError: { state: true },
    editing: { state: true },
  };

  declare private signedIn: boolean;
  declare private keyDraft: string;
  declare private signInError: string | undefined;
  declare private editing: string | undefined;

  /** The screen shown. */
  declare screen: Screen;

  #onHash = () => {
    const screen = screenOfHash(location.hash);
    if (screen && screen !== this.screen) this.screen = screen;
  };

  constructor() {
    super();
    this.screen = screenOfHash(globalThis.location?.hash ?? '') ?? 'overview';
    this.signedIn = readSessionKey() !== undefined;
    this.keyDraft = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
  }

  async #signIn(event: Event): Promise<void> {
    event.preventDefault();
    const key = this.keyDraft.trim();
    if (!key) return;
    try {
      await new AdminClient({ endpoint: this.endpoint, apiKey: key }).get('/v1/skus', { limit: 1 });
    } catch (error) {
      this.signInError =
        error instanceof AdminApiError && (error.status === 401 || error.status === 403)
          ? this.t.signInFailed
          : fill(this.t.failed, (error as Error).message);
      return;
    }
    writeSessionKey(key);
    this.keyDraft = '';
    this.signInError = undefined;
    this.signedIn = true;
    this.announce(this.t.signedIn);
    this.dispatchEvent(new ConsoleSignInEvent(true));
  }

  #signOut(): void {
    writeSessionKey(undefined);
    this.signedIn = false;
    this.dispatchEvent(new ConsoleSignInEvent(false));
  }

  /** Shows a screen and moves the focus to its heading's region. */
  async show(screen: Screen): Promise<void> {
    this.screen = screen;
    this.editing = undefined;
    if (globalThis.location && location.hash !== `#${screen}`)
      history.replaceState(null, '', `#${screen}`);
    this.announce(fill(this.t.screenShown, screenName(this.t, screen)));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  async #openUnit(event: UnitOpenEvent): Promise<void> {
    await this.show('search');
    const search = this.renderRoot.querySelector<SerialSearch>('serialkit-serial-search');
    await search?.find(event.detail.serial);
  }

  #screen(): TemplateResult | typeof nothing {
    const key = this.apiKey;
    switch (this.screen) {
      case 'skus':
        return this.editing
          ? html`<button type="button" class="back" @click=${() => (this.editing = undefined)}>
                ← ${this.t.nav.skus}
              </button>
              <serialkit-sku-editor
                .endpoint=${this.endpoint}
                .apiKey=${key}
                sku=${this.editing}
              ></serialkit-sku-editor>`
          : html`<serialkit-sku-list
              .endpoint=${this.endpoint}
              .apiKey=${key}
              @serialkit-sku-select=${(e: SkuSelectEvent) => (this.editing = e.detail.sku)}
            ></serialkit-sku-list>`;
      case 'search':
        return html`<serialkit-serial-search
          .endpoint=${this.endpoint}
          .apiKey=${key}
        ></serialkit-serial-search>`;
      case 'units':
        return html`<serialkit-unit-list
          .endpoint=${this.endpoint}
          .apiKey=${key}
          @serialkit-unit-open=${this.#openUnit}
        ></serialkit-unit-list>`;
      case 'overview':
        return html`<serialkit-overview .endpoint=${this.endpoint} .apiKey=${key}></serialkit-overview>`;
      case 'pack':
        return html`<serialkit-pack-station
          .endpoint=${this.endpoint}
          .apiKey=${key}
        ></serialkit-pack-station>`;
      case 'returns':
        return html`<serialkit-returns-desk
          .endpoint=${this.endpoint}
          .apiKey=${key}
        ></serialkit-returns-desk>`;
      case 'recalls':
        return html`<serialkit-recalls .endpoint=${this.endpoint} .apiKey=${key}></serialkit-recalls>`;
      case 'import':
        return html`<serialkit-import .endpoint=${this.endpoint} .apiKey=${key}></serialkit-import>`;
      case 'webhooks':
        return html`<serialkit-webhooks .endpoint=${this.endpoint} .apiKey=${key}></serialkit-webhooks>`;
      default:
        return nothing;
    }
  }

  #signInForm() {
    const t = this.t;
    return html`<form class="sign-in" part="sign-in" aria-labelledby="sign-in-title" @submit=${this.#signIn}>
      <h2 id="sign-in-title">${t.signInTitle}</h2>
      <p id="key-help" class="help">${t.signInHelp}</p>
      <div class="field">
        <label for="key">${t.apiKeyLabel}</label>
        <input
          id="key"
          type="password"
          part="key-input"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="key-help"
          .value=${this.keyDraft}
          @input=${(e: Event) => (this.keyDraft = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${
        this.signInError
          ? html`<p class="notice error" role="alert" part="sign-in-error">${this.signInError}</p>`
          : nothing
      }
      <button class="primary" type="submit" part="sign-in-button">${t.signIn}</button>
    </form>`;
  }

  override render() {
    const t = this.t;
    return html`<header part="header">
        <h1>${t.appTitle}</h1>
        ${
          this.signedIn
            ? html`<button type="button" part="sign-out" @click=${this.#signOut}>${t.signOut}</button>`
            : nothing
        }
      </header>
      ${
        this.signedIn
          ? html`<nav part="nav" aria-label=${t.appTitle}>
              <ul>
                ${SCREENS.map(
                  (screen) => html`<li>
                    <button
                      type="button"
                      part="nav-item"
                      data-screen=${screen}
                      aria-current=${this.screen === screen ? 'page' : 'false'}
                      @click=${() => this.show(screen)}
                    >
                      ${screenName(t, screen)}
                    </button>
                  </li>`,
                )}
              </ul>
            </nav>
            <main part="main" tabindex="-1" aria-label=${screenName(t, this.screen)}>${this.#screen()}</main>`
          : html`<main part="main" tabindex="-1">${this.#signInForm()}</main>`
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
