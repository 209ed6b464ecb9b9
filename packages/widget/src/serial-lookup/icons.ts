import { type SVGTemplateResult, svg } from 'lit';

/** Icons as inline SVG (24×24, stroked with currentColor): no requests, themeable by `color`. */
const icon = (content: SVGTemplateResult, size = 24) => svg`<svg
  width=${size} height=${size} viewBox="0 0 24 24" fill="none" stroke="currentColor"
  stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${content}</svg>`;

export const checkIcon = (size?: number) =>
  icon(svg`<circle cx="12" cy="12" r="10"/><path d="m8 12 3 3 5-6"/>`, size);
export const warningIcon = () =>
  icon(
    svg`<path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z"/><path d="M12 9v4M12 17h.01"/>`,
  );
export const crossIcon = () =>
  icon(svg`<circle cx="12" cy="12" r="10"/><path d="m15 9-6 6M9 9l6 6"/>`);
export const questionIcon = () =>
  icon(
    svg`<circle cx="12" cy="12" r="10"/><path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01"/>`,
  );
export const offlineIcon = () =>
  icon(
    svg`<path d="m2 2 20 20M8.5 16.4a5 5 0 0 1 7 0M5 12.9a10 10 0 0 1 5.2-2.8M19 12.9a10 10 0 0 0-2-1.5M2 8.8a15 15 0 0 1 4.2-2.6M22 8.8A15 15 0 0 0 10.7 5M12 20h.01"/>`,
  );
export const clockIcon = () => icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>`);
export const cameraIcon = () =>
  icon(
    svg`<path d="M3 7V5a2 2 0 0 1 2-2h2M17 3h2a2 2 0 0 1 2 2v2M21 17v2a2 2 0 0 1-2 2h-2M7 21H5a2 2 0 0 1-2-2v-2"/><rect x="7" y="7" width="10" height="10" rx="1"/>`,
  );
export const spinnerIcon = () =>
  svg`<svg class="spinner" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="3" aria-hidden="true"><circle cx="12" cy="12" r="9" opacity="0.3"/><path d="M21 12a9 9 0 0 0-9-9" stroke-linecap="round"/></svg>`;
