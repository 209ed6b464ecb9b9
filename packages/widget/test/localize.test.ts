import { expect, fixture, waitUntil } from '@open-wc/testing';
import { de as deMessages } from '@serialkit/core/validate';
import { matchLanguage, registerTranslation } from '../src/localize/languages.js';
import de from '../src/localize/translations/de.js';
import en from '../src/localize/translations/en.js';
import es from '../src/localize/translations/es.js';
import fr from '../src/localize/translations/fr.js';
import {
  fill,
  html,
  mockService,
  mount,
  part,
  serialInput,
  swappedSerial,
  uniqueEndpoint,
  useMockService,
} from './support.js';

describe('localization', () => {
  useMockService();

  const submitText = (el: Element) =>
    el.shadowRoot!.querySelector('[part~="submit"]')!.textContent!.trim();

  const translations = { en, de, fr, es };

  it('has the same keys in every locale', () => {
    const keys = (o: object) => Object.keys(o).sort();
    for (const locale of Object.values(translations)) {
      expect(keys(locale)).to.deep.equal(keys(translations.en));
      expect(keys(locale.reasons)).to.deep.equal(keys(translations.en.reasons));
      expect(keys(locale.verdicts)).to.deep.equal(keys(translations.en.verdicts));
      expect(keys(locale.nextSteps)).to.deep.equal(keys(translations.en.nextSteps));
    }
  });

  it('matches language tags to the supported locales', () => {
    expect(matchLanguage('de-CH')).to.equal('de');
    expect(matchLanguage('ES_mx')).to.equal('es');
    expect(matchLanguage('ja')).to.equal(undefined);
    expect(matchLanguage('')).to.equal(undefined);
  });

  it('speaks the language of its lang attribute, and switches when it changes', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} lang="de" sku="ARIA-700"></serial-lookup>`,
    );
    expect(submitText(el)).to.equal('Seriennummer prüfen');
    expect(el.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('Seriennummer');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('de');
    for (const [lang, text] of [
      ['fr', 'Vérifier le numéro de série'],
      ['es', 'Comprobar número de serie'],
      ['en', 'Check serial number'],
    ]) {
      el.setAttribute('lang', lang!);
      await waitUntil(() => submitText(el) === text, `${lang} text`);
    }
  });

  it('shows the format issues in the customer’s language', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} lang="en" sku="ARIA-700"></serial-lookup>`,
    );
    fill(serialInput(el), swappedSerial);
    await el.updateComplete;
    const english = part(el, 'issue')!.textContent;
    el.lang = 'de';
    await waitUntil(() => part(el, 'issue')!.textContent !== english, 'issue translated');
    expect(part(el, 'suggestions')!.textContent).to.contain('Meinten Sie:');
  });

  it('follows the page’s language, and the closest lang of its ancestors', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const root = document.documentElement;
    const before = root.lang;
    try {
      root.lang = 'fr-FR';
      const el = await mount(html`<serial-lookup endpoint=${endpoint}></serial-lookup>`, {
        waitForHints: false,
      });
      expect(submitText(el)).to.equal('Vérifier le numéro de série');
      root.lang = 'es';
      await waitUntil(() => submitText(el) === 'Comprobar número de serie', 'follows <html lang>');
      const nested = await fixture(
        html`<div lang="de"><serial-lookup endpoint=${endpoint}></serial-lookup></div>`,
      );
      expect(submitText(nested.querySelector('serial-lookup')!)).to.equal('Seriennummer prüfen');
      root.lang = 'ja';
      await waitUntil(() => submitText(el) === 'Check serial number', 'falls back to English');
    } finally {
      root.lang = before;
    }
  });

  it('speaks a language a shop registers, also in elements already on the page', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} lang="it-CH" sku="ARIA-700"></serial-lookup>`,
    );
    expect(submitText(el)).to.equal('Check serial number');
    registerTranslation('it', { ...en, checkSerial: 'Verifica il numero di serie' });
    await waitUntil(() => submitText(el) === 'Verifica il numero di serie', 'switched to it');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('it');
    expect(matchLanguage('IT')).to.equal('it');
    // Without core's messages in that language, validation messages stay English.
    fill(serialInput(el), swappedSerial);
    await el.updateComplete;
    const english = part(el, 'issue')!.textContent!;
    expect(english).to.match(/[a-z]/);
    registerTranslation('it', { ...en, checkSerial: 'Verifica' }, deMessages);
    await waitUntil(() => part(el, 'issue')!.textContent !== english, 'issue from the messages');
    expect(submitText(el)).to.equal('Verifica');
  });

  it('lets a shop reword a built-in language, and a regional variant of one', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    registerTranslation('pt-BR', { ...en, checkSerial: 'Verificar número de série' });
    const brazil = await mount(
      html`<serial-lookup endpoint=${endpoint} lang="pt-br"></serial-lookup>`,
      { waitForHints: false },
    );
    expect(submitText(brazil)).to.equal('Verificar número de série');
    const portugal = await mount(
      html`<serial-lookup endpoint=${endpoint} lang="pt-PT"></serial-lookup>`,
      {
        waitForHints: false,
      },
    );
    expect(submitText(portugal)).to.equal('Check serial number');
    registerTranslation('es', { ...es, checkSerial: 'Comprobar' });
    const spanish = await mount(
      html`<serial-lookup endpoint=${endpoint} lang="es"></serial-lookup>`,
      {
        waitForHints: false,
      },
    );
    expect(submitText(spanish)).to.equal('Comprobar');
    registerTranslation('es', es);
  });
});
