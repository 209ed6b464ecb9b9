import { css } from 'lit';

/**
 * Styles every console element shares: type, fields and buttons with large targets (a packing
 * bench's tablet), tables, notices, and the visible focus ring. Colours come from custom
 * properties with defaults that pass WCAG AA contrast on white.
 */
export default css`
  :host {
    display: block;
    font-family: var(--serialkit-font, system-ui, sans-serif);
    color: var(--serialkit-text, #1f2328);
    --_accent: var(--serialkit-accent, #0b57d0);
    --_muted: var(--serialkit-muted, #57606a);
    --_border: var(--serialkit-border, #8c959f);
    --_ok: var(--serialkit-ok, #116329);
    --_warn: var(--serialkit-warn, #8a4b00);
    --_error: var(--serialkit-error, #b42318);
    --_surface: var(--serialkit-surface, #f6f8fa);
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    font-size: 1.35rem;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 1.1rem;
    margin: 1rem 0 0.5rem;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .help {
    color: var(--_muted);
    font-size: 0.9rem;
    margin: 0.25rem 0;
  }
  .field {
    margin-bottom: 0.9rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: 2.75rem;
    box-sizing: border-box;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: #fff;
    color: inherit;
    max-width: 100%;
  }
  input[type='checkbox'] {
    min-height: auto;
    width: 1.4rem;
    height: 1.4rem;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.4rem 1rem;
    border-radius: 6px;
    border: 1px solid var(--_accent);
    background: #fff;
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: #fff;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-end;
  }
  .row > .field {
    margin-bottom: 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin-top: 0.75rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.45rem 0.6rem;
    border-bottom: 1px solid #d0d7de;
    vertical-align: top;
  }
  th {
    background: var(--_surface);
  }
  .notice {
    padding: 0.6rem 0.8rem;
    border-radius: 6px;
    border-left: 4px solid var(--_accent);
    background: var(--_surface);
    margin: 0.75rem 0;
  }
  .notice.error {
    border-color: var(--_error);
    color: var(--_error);
  }
  .notice.ok {
    border-color: var(--_ok);
    color: var(--_ok);
  }
  .notice.warn {
    border-color: var(--_warn);
    color: var(--_warn);
  }
  .badge {
    display: inline-block;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-size: 0.85rem;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  code,
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
  }
  .scanner {
    width: min(28rem, calc(100vw - 2rem));
    padding: 1rem;
    border: none;
    border-radius: 8px;
  }
  .scanner::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  .scanner[open] {
    display: grid;
    gap: 0.75rem;
  }
  .scanner p {
    margin: 0;
  }
  .scanner .title {
    font-weight: 600;
  }
  .scanner video {
    display: block;
    width: 100%;
    aspect-ratio: 1;
    object-fit: cover;
    border-radius: 4px;
    background: #000;
  }
  .scanner button {
    justify-self: end;
  }
`;
