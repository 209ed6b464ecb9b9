import { expect, waitUntil } from '@open-wc/testing';
import {
  fill,
  genuineSerial,
  html,
  mockService,
  mount,
  part,
  press,
  result,
  serialInput,
  uniqueEndpoint,
  useMockService,
  verifyResult,
} from './support.js';

describe('coverage line', () => {
  useMockService();

  async function check(coverage: { covered: boolean; until: string | null } | null, lang = 'en') {
    const endpoint = uniqueEndpoint();
    mockService(endpoint, { verify: verifyResult({ coverage }) });
    const el = await mount(
      html`<serial-lookup lang=${lang} endpoint=${endpoint} sku="ARIA-700"></serial-lookup>`,
    );
    fill(serialInput(el), genuineSerial);
    serialInput(el).focus();
    await press('Enter');
    await result(el);
    return el;
  }

  it('says until which month the unit is covered', async () => {
    const el = await check({ covered: true, until: '2026-05' });
    const line = part(el, 'coverage');
    expect(line?.textContent?.trim()).to.equal('Covered until May 2026');
    expect(line?.hasAttribute('data-covered')).to.equal(true);
  });

  it('says when the warranty ended, in the page language', async () => {
    const el = await check({ covered: false, until: '2024-01' }, 'de');
    await waitUntil(() => part(el, 'coverage')?.textContent?.includes('Garantie'), 'German texts');
    expect(part(el, 'coverage')?.textContent?.trim()).to.equal(
      'Garantie abgelaufen im Januar 2024',
    );
  });

  it('shows nothing without a warranty or before it starts', async () => {
    expect(part(await check(null), 'coverage')).to.equal(null);
    expect(part(await check({ covered: false, until: null }), 'coverage')).to.equal(null);
  });
});
