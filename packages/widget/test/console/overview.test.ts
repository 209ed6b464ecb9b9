import { expect } from '@open-wc/testing';
import type { Overview } from '../../src/console.js';
import {
  accessible,
  HttpResponse,
  html,
  KEY,
  mockAdmin,
  mount,
  part,
  text,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

describe('<serialkit-overview>', () => {
  useMockService();

  it('draws the numbers as charts, with the data for screen readers', async () => {
    const endpoint = uniqueEndpoint();
    const calls = mockAdmin(endpoint, {
      'GET /v1/stats': () =>
        HttpResponse.json({
          from: '2024-05-31T00:00:00.000Z',
          to: '2024-06-01T23:59:59.999Z',
          unitsByStatus: { in_stock: 70, shipped: 30 },
          verificationsByDay: [
            { date: '2024-05-31', outcomes: { genuine: 5, suspicious: 1 } },
            { date: '2024-06-01', outcomes: { genuine: 2 } },
          ],
          flagged: 1,
          returnMismatches: 3,
          openRecalls: [
            {
              id: 'rcl_1',
              sku: 'BAT-18650',
              notice: 'May overheat',
              createdAt: '2024-05-01T00:00:00.000Z',
              affected: 100,
              outstanding: 60,
            },
          ],
        }),
    });
    const el = await mount<Overview>(
      html`<serialkit-overview endpoint=${endpoint} .apiKey=${KEY} days="2" to="2024-06-01"></serialkit-overview>`,
    );
    await until(() => part(el, 'tiles'), 'numbers');
    expect(Object.fromEntries(calls[0]!.query)).to.deep.equal({
      days: '2',
      to: '2024-06-01T23:59:59.999Z',
    });
    expect(el.shadowRoot!.querySelectorAll('svg rect')).to.have.length(3);
    expect(part(el, 'chart')!.getAttribute('aria-label')).to.equal(
      'Verifications per day, last 2 days: 8',
    );
    expect(text(el.shadowRoot!.querySelector('[data-tile="mismatches"]'))).to.equal(
      '3Return mismatches',
    );
    expect(text(part(el, 'hbars'))).to.contain('In stock');
    expect(text(part(el, 'recalls'))).to.contain('60 of 100 units still with customers');
    await accessible(el);
  });
});
