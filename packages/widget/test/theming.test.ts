import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import {
  errorCard,
  fill,
  genuineSerial,
  HttpResponse,
  html,
  mockService,
  mount,
  part,
  result,
  serialInput,
  swappedSerial,
  uniqueEndpoint,
  useMockService,
  verifyResult,
} from './support.js';

describe('theming', () => {
  useMockService();

  it('exposes the documented parts in each state', async () => {
    const endpoint = uniqueEndpoint();
    let answer = verifyResult({
      status: 'recalled',
      recall: { notice: 'Battery may overheat.', url: 'https://shop.example/recall' },
    });
    mockService(endpoint, {
      verify: () => (answer ? HttpResponse.json(answer) : HttpResponse.json({}, { status: 500 })),
    });
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    const present = (names: string[]) =>
      expect(
        names.filter((name) => !part(el, name)),
        'missing parts',
      ).to.deep.equal([]);
    present([
      'base',
      'form',
      'field',
      'serial-field',
      'label',
      'help',
      'input',
      'serial-input',
      'hint',
      'submit',
      'scanner',
      'scanner-video',
      'scanner-cancel',
    ]);

    fill(serialInput(el), swappedSerial);
    await el.updateComplete;
    present(['issue', 'suggestions', 'suggestion']);

    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await result(el);
    present([
      'result',
      'result-recalled',
      'result-icon',
      'result-title',
      'result-body',
      'recall-notice',
      'result-link',
    ]);

    answer = verifyResult({ status: 'suspicious', reasons: ['not_shipped'] });
    part(el, 'submit')!.click();
    await waitUntil(() => part(el, 'reasons'));

    answer = undefined as unknown as typeof answer;
    part(el, 'submit')!.click();
    await errorCard(el);
    present(['error', 'retry']);
  });

  it('exposes the return mode fields as parts', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} mode="return"></serial-lookup>`,
    );
    for (const name of ['order-field', 'order-input', 'contact-field', 'contact-input']) {
      expect(part(el, name), name).to.exist;
    }
  });

  it('takes its colours, radius and font from custom properties', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup
        endpoint=${endpoint}
        sku="ARIA-700"
        style="--serial-lookup-accent: rgb(1, 2, 3); --serial-lookup-radius: 0px; --serial-lookup-font: Georgia, serif; --serial-lookup-genuine: rgb(0, 90, 0)"
      ></serial-lookup>`,
    );
    const submit = getComputedStyle(part(el, 'submit')!);
    expect(submit.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(submit.borderRadius).to.equal('0px');
    expect(getComputedStyle(part(el, 'base')!).fontFamily).to.equal('Georgia, serif');
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await result(el);
    expect(getComputedStyle(part(el, 'result-title')!).color).to.equal('rgb(0, 90, 0)');
  });

  it('can be styled from outside through ::part', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const wrapper = await fixture(html`<div>
      <style>
        .themed::part(submit) { text-transform: uppercase; }
        .themed::part(result-genuine) { border-width: 3px; }
      </style>
      <serial-lookup class="themed" endpoint=${endpoint} sku="ARIA-700"></serial-lookup>
    </div>`);
    const el = wrapper.querySelector('serial-lookup')!;
    await waitUntil(() => part(el, 'hint'));
    expect(getComputedStyle(part(el, 'submit')!).textTransform).to.equal('uppercase');
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await result(el);
    expect(getComputedStyle(part(el, 'result')!).borderTopWidth).to.equal('3px');
  });

  it('shows merchant texts through slots', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(html`<serial-lookup endpoint=${endpoint} sku="ARIA-700">
      <span slot="label">Serial (on the headband)</span>
      <span slot="genuine">Register your warranty</span>
    </serial-lookup>`);
    const label = el.shadowRoot!.querySelector('label')!;
    expect(label.querySelector('slot')!.assignedNodes()[0]!.textContent).to.equal(
      'Serial (on the headband)',
    );
    // The slotted label still names the input.
    expect(serialInput(el).labels![0]).to.equal(label);
    fill(serialInput(el), genuineSerial);
    part(el, 'submit')!.click();
    await result(el);
    const slot = part(el, 'result')!.querySelector<HTMLSlotElement>('slot[name="genuine"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Register your warranty');
  });

  it('does not animate when the customer prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const endpoint = uniqueEndpoint();
      mockService(endpoint);
      const el = await mount(
        html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
      );
      fill(serialInput(el), genuineSerial);
      part(el, 'submit')!.click();
      await waitUntil(() => part(el, 'result'));
      expect(getComputedStyle(part(el, 'result')!).animationName).to.equal('none');
      expect(el.shadowRoot!.getAnimations()).to.have.length(0);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('shows a visible focus ring on keyboard focus', async () => {
    const endpoint = uniqueEndpoint();
    mockService(endpoint);
    const el = await mount(
      html`<serial-lookup endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    const { sendKeys } = await import('@web/test-runner-commands');
    serialInput(el).focus();
    await sendKeys({ press: 'Tab' });
    const submit = part(el, 'submit')!;
    expect(el.shadowRoot!.activeElement).to.equal(submit);
    expect(submit.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(submit);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('2px');
  });
});
