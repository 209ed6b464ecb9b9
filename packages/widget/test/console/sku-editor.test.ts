import { expect } from '@open-wc/testing';
import type { SkuEditor } from '../../src/console.js';
import type { SkuSavedEvent } from '../../src/events/sku-saved.js';
import {
  accessible,
  fill,
  HttpResponse,
  html,
  KEY,
  mockAdmin,
  mount,
  part,
  press,
  sku,
  text,
  uniqueEndpoint,
  until,
  useMockService,
} from './support.js';

describe('<serialkit-sku-editor>', () => {
  useMockService();

  async function editor(id = 'MANUAL-1', save?: Parameters<typeof mockAdmin>[1][string]) {
    const endpoint = uniqueEndpoint();
    const stored = sku({
      sku: id,
      name: 'Printed user manual',
      serialTracking: { enabled: false, uniqueness: 'sku' },
    });
    const calls = mockAdmin(endpoint, {
      [`GET /v1/skus/${id}`]: () => HttpResponse.json(stored),
      [`PUT /v1/skus/${id}`]:
        save ??
        ((_request, { body }) =>
          HttpResponse.json({ ...stored, ...(body as object), updatedAt: stored.updatedAt })),
    });
    const el = await mount<SkuEditor>(
      html`<serialkit-sku-editor endpoint=${endpoint} .apiKey=${KEY} sku=${id}></serialkit-sku-editor>`,
    );
    await until(() => part(el, 'save'), 'SKU loaded');
    return { el, calls };
  }

  it('is accessible, also with live help and a refused sample', async () => {
    const { el } = await editor();
    await accessible(el);
    part<HTMLInputElement>(el, 'tracking-toggle')!.click();
    fill(part<HTMLInputElement>(el, 'format-input')!, 'MAN-{D:5}{check:luhn}');
    await el.updateComplete;
    fill(part<HTMLInputElement>(el, 'sample-input')!, 'MAN-1');
    await el.updateComplete;
    await accessible(el);
  });

  it('explains a format as it is typed: hint, example, or where it cannot be read', async () => {
    const { el } = await editor();
    part<HTMLInputElement>(el, 'tracking-toggle')!.click();
    fill(part<HTMLInputElement>(el, 'format-input')!, 'MAN-{D:5}{check:luhn}');
    await el.updateComplete;
    expect(text(part(el, 'format-hint'))).to.match(/Reads as: MAN-NNNNN/);
    expect(text(part(el, 'format-example'))).to.match(/^MAN-\d{6}$/);
    fill(part<HTMLInputElement>(el, 'format-input')!, 'MAN-{Q:5}');
    await el.updateComplete;
    expect(text(part(el, 'format-error'))).to.contain('This format cannot be read');
    expect(part<HTMLInputElement>(el, 'format-input')!.getAttribute('aria-invalid')).to.equal(
      'true',
    );
    expect(part<HTMLButtonElement>(el, 'save')!.disabled).to.equal(true);
  });

  it('checks sample serials as they are typed, and generates samples that pass', async () => {
    const { el } = await editor();
    part<HTMLInputElement>(el, 'tracking-toggle')!.click();
    fill(part<HTMLInputElement>(el, 'format-input')!, 'MAN-{D:5}{check:luhn}');
    await el.updateComplete;
    const example = text(part(el, 'format-example'));
    fill(part<HTMLInputElement>(el, 'sample-input')!, example.toLowerCase().replace('-', ' '));
    await el.updateComplete;
    expect(text(part(el, 'sample-verdict'))).to.equal(`Valid: ${example}`);
    fill(
      part<HTMLInputElement>(el, 'sample-input')!,
      `${example.slice(0, -1)}${(Number(example.at(-1)) + 1) % 10}`,
    );
    await el.updateComplete;
    expect(part(el, 'sample-verdict')!.querySelector('[data-valid="false"]')).to.exist;
    part<HTMLButtonElement>(el, 'generate')!.click();
    await el.updateComplete;
    const samples = [...part(el, 'samples')!.querySelectorAll('code')].map((c) => text(c));
    expect(samples).to.have.length(3);
    for (const sample of samples) expect(sample).to.match(/^MAN-\d{6}$/);
  });

  it('saves tracking, format, uniqueness and GTIN from the keyboard, and says so', async () => {
    const { el, calls } = await editor();
    const saved: string[] = [];
    el.addEventListener('serialkit-sku-saved', (e: SkuSavedEvent) => saved.push(e.detail.sku.sku));
    part<HTMLInputElement>(el, 'tracking-toggle')!.click();
    fill(part<HTMLInputElement>(el, 'format-input')!, 'MAN-{D:5}');
    fill(part<HTMLInputElement>(el, 'gtin-input')!, '4012345000016');
    part<HTMLInputElement>(el, 'gtin-input')!.focus();
    await press('Enter');
    await until(() => part(el, 'outcome'), 'saved');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).to.deep.equal({
      name: 'Printed user manual',
      gtin: '4012345000016',
      serialTracking: { enabled: true, uniqueness: 'sku', format: 'MAN-{D:5}' },
    });
    expect(text(part(el, 'outcome'))).to.equal('SKU MANUAL-1 saved.');
    expect(saved).to.deep.equal(['MANUAL-1']);
  });

  it('shows why a format change is refused, with the number of units it would break', async () => {
    const { el } = await editor('HP-200', () =>
      HttpResponse.json(
        {
          error: {
            code: 'conflict',
            message: 'SKU HP-200 has units that the new serial format does not accept',
            details: {
              sku: 'HP-200',
              reason: 'format_incompatible',
              count: 1234,
              incompatible: [{ serial: 'SN-2024-0001238', issues: [] }],
            },
          },
        },
        { status: 409 },
      ),
    );
    fill(part<HTMLInputElement>(el, 'format-input')!, 'HP-{D:8}');
    part<HTMLButtonElement>(el, 'save')!.click();
    await until(() => part(el, 'outcome'), 'refused');
    expect(part(el, 'outcome')!.dataset.ok).to.equal('false');
    expect(text(part(el, 'outcome'))).to.equal(
      'Not saved: 1234 stored units do not fit the new format (for example SN-2024-0001238). Keep the old format or correct those units first.',
    );
  });
});
