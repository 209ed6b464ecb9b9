import { expect } from '@open-wc/testing';
import type { SerialkitConsole } from '../../src/console.js';
import type { ConsoleSignInEvent } from '../../src/events/console-sign-in.js';
import {
  accessible,
  HttpResponse,
  html,
  KEY,
  mockAdmin,
  mount,
  part,
  press,
  skus,
  text,
  type,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

describe('<serialkit-console>', () => {
  useMockService();

  function service() {
    const endpoint = uniqueEndpoint();
    const calls = mockAdmin(endpoint, {
      'GET /v1/skus': ({ headers }) =>
        headers.get('authorization') === `Bearer ${KEY}`
          ? HttpResponse.json({ items: skus, nextCursor: null })
          : HttpResponse.json(
              { error: { code: 'unauthorized', message: 'Invalid API key' } },
              { status: 401 },
            ),
      'GET /v1/stats': () =>
        HttpResponse.json({
          from: '2024-05-31T00:00:00.000Z',
          to: '2024-06-01T23:59:59.999Z',
          unitsByStatus: {},
          verificationsByDay: [],
          flagged: 0,
          returnMismatches: 0,
          openRecalls: [],
        }),
    });
    return { endpoint, calls };
  }

  it('signs in by keyboard, keeps the key in this tab only, and signs out', async () => {
    const { endpoint } = service();
    const el = await mount<SerialkitConsole>(
      html`<serialkit-console endpoint=${endpoint} screen="skus"></serialkit-console>`,
    );
    await accessible(el);
    const signs: boolean[] = [];
    el.addEventListener('serialkit-sign-in', (e: ConsoleSignInEvent) =>
      signs.push(e.detail.signedIn),
    );
    part<HTMLInputElement>(el, 'key-input')!.focus();
    await type('sk_wrong_key_000000000000');
    await press('Enter');
    await until(() => part(el, 'sign-in-error'), 'refused');
    expect(text(part(el, 'sign-in-error'))).to.equal('The service did not accept this key.');
    expect(sessionStorage.length).to.equal(0);
    part<HTMLInputElement>(el, 'key-input')!.value = '';
    part<HTMLInputElement>(el, 'key-input')!.focus();
    await type(KEY);
    await press('Enter');
    await until(() => part(el, 'nav'), 'signed in');
    expect(sessionStorage.getItem('serialkit-console-key')).to.equal(KEY);
    expect(localStorage.getItem('serialkit-console-key')).to.equal(null);
    expect(signs).to.deep.equal([true]);
    await accessible(el);
    part<HTMLButtonElement>(el, 'sign-out')!.click();
    await el.updateComplete;
    expect(sessionStorage.getItem('serialkit-console-key')).to.equal(null);
    expect(part(el, 'key-input')).to.exist;
    expect(signs).to.deep.equal([true, false]);
  });

  it('moves between screens by keyboard, and the focus follows to the screen', async () => {
    const { endpoint } = service();
    sessionStorage.setItem('serialkit-console-key', KEY);
    const el = await mount<SerialkitConsole>(
      html`<serialkit-console endpoint=${endpoint}></serialkit-console>`,
    );
    await until(() => el.shadowRoot!.querySelector('serialkit-overview'), 'overview first');
    const skusItem = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-screen="skus"]')!;
    skusItem.focus();
    await press('Enter');
    await until(() => el.shadowRoot!.querySelector('serialkit-sku-list'), 'SKU screen');
    expect(skusItem.getAttribute('aria-current')).to.equal('page');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'main'));
    expect(location.hash).to.equal('#skus');
    const list = el.shadowRoot!.querySelector('serialkit-sku-list')!;
    await until(() => list.shadowRoot!.querySelector('tr[data-sku="MANUAL-1"]'), 'listed');
    list
      .shadowRoot!.querySelector<HTMLButtonElement>('tr[data-sku="MANUAL-1"] [part~="edit"]')!
      .click();
    await until(() => el.shadowRoot!.querySelector('serialkit-sku-editor'), 'editor');
    history.replaceState(null, '', location.pathname);
  });

  it('speaks German where the page does', async () => {
    const { endpoint } = service();
    const el = await mount<SerialkitConsole>(
      html`<div lang="de"><serialkit-console endpoint=${endpoint}></serialkit-console></div>`,
    ).then((div) => div.querySelector('serialkit-console') as SerialkitConsole);
    await until(() => text(part(el, 'sign-in-button')) === 'Anmelden', 'German');
    expect(text(el.shadowRoot!.querySelector('label[for="key"]'))).to.equal('API-Schlüssel');
  });
});
