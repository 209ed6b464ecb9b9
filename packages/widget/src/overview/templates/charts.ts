import { html, svg } from 'lit';

/** A colour per series, each at least 4.5:1 on white. */
export const SERIES_COLOURS: Readonly<Record<string, string>> = {
  genuine: '#116329',
  unknown: '#57606a',
  recalled: '#8a4b00',
  suspicious: '#b42318',
  invalid: '#6639ba',
  in_stock: '#0b57d0',
  allocated: '#6639ba',
  shipped: '#116329',
  returned: '#8a4b00',
  quarantined: '#b42318',
  scrapped: '#57606a',
};
const colour = (name: string) => SERIES_COLOURS[name] ?? '#1f2328';

/** One bar of a stacked bar chart: its label and a value per series. */
export interface StackedBar {
  label: string;
  values: Record<string, number>;
}

/**
 * A stacked bar chart (verifications per day by outcome) as SVG, with a legend; `summary` is
 * what screen readers hear (the data is also in a table beside it).
 */
export function stackedBars(
  bars: StackedBar[],
  series: string[],
  names: Record<string, string>,
  summary: string,
) {
  const width = 720;
  const height = 180;
  const max = Math.max(
    1,
    ...bars.map((bar) => Object.values(bar.values).reduce((a, b) => a + b, 0)),
  );
  const step = width / Math.max(1, bars.length);
  const barWidth = Math.max(2, step * 0.7);
  return html`<svg
      viewBox="0 0 ${width} ${height + 20}"
      role="img"
      aria-label=${summary}
      part="chart"
      class="chart"
    >
      ${bars.map((bar, i) => {
        let y = height;
        return svg`${series.map((name) => {
          const value = bar.values[name] ?? 0;
          if (!value) return svg``;
          const h = (value / max) * height;
          y -= h;
          return svg`<rect x=${i * step + (step - barWidth) / 2} y=${y} width=${barWidth} height=${h} fill=${colour(name)}><title>${bar.label}: ${names[name] ?? name} ${value}</title></rect>`;
        })}`;
      })}
      <line x1="0" y1=${height} x2=${width} y2=${height} stroke="#57606a" />
      ${
        bars.length
          ? svg`<text x="0" y=${height + 16} font-size="12" fill="#57606a">${bars[0]!.label}</text>
          <text x=${width} y=${height + 16} font-size="12" fill="#57606a" text-anchor="end">${bars.at(-1)!.label}</text>`
          : svg``
      }
    </svg>
    <ul class="legend">
      ${series.map(
        (name) =>
          html`<li><span class="swatch" style=${`background:${colour(name)}`}></span>${names[name] ?? name}</li>`,
      )}
    </ul>`;
}

/** Horizontal bars, one per category (units by status). */
export function horizontalBars(values: [string, number][], names: Record<string, string>) {
  const max = Math.max(1, ...values.map(([, v]) => v));
  return html`<ul class="hbars" part="hbars">
    ${values.map(
      ([name, value]) => html`<li>
        <span class="hbar-label">${names[name] ?? name}</span>
        <span class="hbar-track"
          ><span
            class="hbar"
            style=${`width:${(value / max) * 100}%;background:${colour(name)}`}
          ></span
        ></span>
        <span class="hbar-value">${value.toLocaleString()}</span>
      </li>`,
    )}
  </ul>`;
}
