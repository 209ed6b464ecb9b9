import { expect, waitUntil } from '@open-wc/testing';
import {
  announced,
  focused,
  genuineSerial,
  html,
  lookalikeSerial,
  mockService,
  mount,
  part,
  parts,
  press,
  result,
  serialInput,
  swappedSerial,
  typeInto,
  uniqueEndpoint,
  useMockService,
} from './support.js';

describe('keyboard and pointer', () => {
  useMockService();

  async function setup(attributes = 'sku="ARIA-700"') {
    const endpoint = uniqueEndpoint();
    const requests = mockService(endpoint);
    const container = document.createElement('div');
    container.innerHTML = `<serial-lookup endpoint="${endpoint}" ${attributes}></serial-lookup>`;
    const el = await mount(html`${container.firstElementChild}`);
    return { el, requests, verifies: () => requests.filter((r) => r.path === '/v1/verify') };
  }

  it('shows the format hint with an example while typing, and confirms a valid format', async () => {
    const { el } = await setup();
    expect(part(el, 'hint')!.textContent).to.contain('SN-YYYY-NNNNNN + check digit');
    expect(part(el, 'hint')!.textContent).to.contain(genuineSerial);
    await typeInto(serialInput(el), genuineSerial.toLowerCase());
    await el.updateComplete;
    expect(part(el, 'hint')!.textContent!.trim()).to.equal('The format looks right.');
    expect(part(el, 'hint')!.hasAttribute('data-valid')).to.equal(true);
  });

  it('types a serial and submits it with Enter', async () => {
    const { el, verifies } = await setup();
    await typeInto(serialInput(el), genuineSerial);
    await press('Enter');
    expect((await result(el)).dataset.status).to.equal('genuine');
    expect(verifies()).to.have.length(1);
  });

  it('reaches a suggestion with Tab, applies it with Enter, then checks with Enter', async () => {
    const { el, verifies } = await setup();
    await typeInto(serialInput(el), swappedSerial);
    await waitUntil(() => part(el, 'suggestion'), 'suggestion shown');
    expect(part(el, 'issue')).to.exist;
    expect(serialInput(el).getAttribute('aria-invalid')).to.equal('true');

    await press('Enter');
    // A serial that cannot be right is not sent: the issue is announced instead.
    expect(verifies()).to.have.length(0);
    expect(announced(el).assertive).to.not.equal('');

    await press('Tab');
    expect(focused(el)).to.equal(part(el, 'suggestion'));
    await press('Enter');
    await el.updateComplete;
    expect(serialInput(el).value).to.equal(genuineSerial);
    expect(focused(el)).to.equal(serialInput(el));
    expect(announced(el).polite).to.equal(`Changed to ${genuineSerial}.`);
    expect(part(el, 'suggestion')).to.equal(null);

    await press('Enter');
    await result(el);
    expect(verifies()[0]!.body).to.deep.equal({ input: genuineSerial, sku: 'ARIA-700' });
  });

  it('marks the changed characters in a suggestion', async () => {
    const { el } = await setup();
    await typeInto(serialInput(el), swappedSerial);
    await waitUntil(() => part(el, 'suggestion'));
    const mark = part(el, 'suggestion')!.querySelector('mark');
    expect(mark).to.exist;
    expect(part(el, 'suggestion')!.getAttribute('aria-label')).to.equal(`Use ${genuineSerial}`);
  });

  it('offers the fix of a look-alike letter, marked, and sends the canonical serial', async () => {
    const { el, verifies } = await setup();
    await typeInto(serialInput(el), lookalikeSerial);
    await waitUntil(() => part(el, 'suggestion'));
    expect(parts(el, 'suggestion')).to.have.length(1);
    expect(part(el, 'suggestion')!.querySelector('mark')!.textContent).to.equal('0');
    expect(part(el, 'issue')!.textContent).to.contain('digit');
    part(el, 'suggestion')!.click();
    await press('Enter');
    await result(el);
    expect(verifies()[0]!.body).to.deep.equal({ input: genuineSerial, sku: 'ARIA-700' });
  });

  it('accepts a serial typed with spaces and lower case, and sends it canonical', async () => {
    const { el, verifies } = await setup();
    await typeInto(serialInput(el), genuineSerial.toLowerCase().replaceAll('-', ' '));
    await press('Enter');
    await result(el);
    expect(verifies()[0]!.body).to.deep.equal({ input: genuineSerial, sku: 'ARIA-700' });
  });

  it('applies a suggestion and checks with the pointer', async () => {
    const { el, verifies } = await setup();
    serialInput(el).focus();
    await typeInto(serialInput(el), swappedSerial);
    await waitUntil(() => part(el, 'suggestion'));
    part(el, 'suggestion')!.click();
    await el.updateComplete;
    expect(serialInput(el).value).to.equal(genuineSerial);
    part(el, 'submit')!.click();
    await result(el);
    expect(verifies()).to.have.length(1);
  });

  it('reports an empty field instead of sending it', async () => {
    const { el, verifies } = await setup();
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(part(el, 'issue')!.textContent).to.equal('Enter the serial number.');
    expect(announced(el).assertive).to.equal('Enter the serial number.');
    expect(focused(el)).to.equal(serialInput(el));
    expect(verifies()).to.have.length(0);
  });

  it('waits for the whole serial before it shows an issue', async () => {
    const { el } = await setup();
    await typeInto(serialInput(el), genuineSerial.slice(0, 6));
    await el.updateComplete;
    expect(part(el, 'issue')).to.equal(null);
    serialInput(el).blur();
    await el.updateComplete;
    expect(part(el, 'issue')).to.exist;
  });

  it('hides suggestions with no-suggestions', async () => {
    const { el } = await setup('sku="ARIA-700" no-suggestions');
    await typeInto(serialInput(el), swappedSerial);
    await el.updateComplete;
    expect(part(el, 'issue')).to.exist;
    expect(parts(el, 'suggestion')).to.have.length(0);
  });

  it('clears the result when the serial is edited', async () => {
    const { el } = await setup();
    await typeInto(serialInput(el), genuineSerial);
    await press('Enter');
    await result(el);
    await press('Backspace');
    await el.updateComplete;
    expect(part(el, 'result')).to.equal(null);
  });

  it('names the product whose format matches when no sku is set', async () => {
    const { el } = await setup('');
    await typeInto(serialInput(el), 'NB00012345');
    await el.updateComplete;
    expect(part(el, 'hint')!.textContent).to.contain('Buds 2 earbuds');
  });

  it('focus() moves focus to the first field', async () => {
    const { el } = await setup();
    el.focus();
    expect(focused(el)).to.equal(serialInput(el));
  });
});
