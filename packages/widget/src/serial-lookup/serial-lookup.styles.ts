import { css } from 'lit';

/**
 * The element's styles. Every colour, the radius, the font and the spacing come from custom
 * properties on `:host`, so a theme sets a few variables (or styles `::part`s) and never needs
 * to know the internal structure. Default colours meet WCAG AA on the default surface.
 */
export default css`
  :host {
    --serial-lookup-accent: #2453c7;
    --serial-lookup-accent-hover: #1b3f99;
    --serial-lookup-on-accent: #ffffff;
    --serial-lookup-text: #1a1d23;
    --serial-lookup-muted: #555e6b;
    --serial-lookup-surface: #ffffff;
    --serial-lookup-field: #ffffff;
    --serial-lookup-border: #79828f;
    --serial-lookup-focus: var(--serial-lookup-accent);
    --serial-lookup-radius: 0.5rem;
    --serial-lookup-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --serial-lookup-mono-font: ui-monospace, 'SF Mono', 'Cascadia Mono', Menlo, Consolas, monospace;
    --serial-lookup-spacing: 1rem;
    --serial-lookup-genuine: #17703a;
    --serial-lookup-unknown: #4b5563;
    --serial-lookup-recalled: #b42318;
    --serial-lookup-suspicious: #8a4b00;
    --serial-lookup-invalid: #b42318;
    --serial-lookup-error: #b42318;

    display: block;
    container-type: inline-size;
    color: var(--serial-lookup-text);
    font-family: var(--serial-lookup-font);
    font-size: 1rem;
    line-height: 1.5;
    -webkit-text-size-adjust: 100%;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .base {
    display: grid;
    gap: var(--serial-lookup-spacing);
  }

  form {
    display: grid;
    gap: var(--serial-lookup-spacing);
    margin: 0;
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  label {
    font-weight: 600;
  }

  .help,
  .hint {
    margin: 0;
    color: var(--serial-lookup-muted);
    font-size: 0.875rem;
  }

  .hint[data-valid] {
    color: var(--serial-lookup-genuine);
  }

  .hint svg {
    vertical-align: -0.15em;
    margin-inline-end: 0.25rem;
  }

  .control {
    display: flex;
    align-items: stretch;
    gap: 0.5rem;
  }

  input {
    flex: 1 1 auto;
    min-width: 0;
    min-height: 2.75rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--serial-lookup-border);
    border-radius: var(--serial-lookup-radius);
    background: var(--serial-lookup-field);
    color: inherit;
    /* 16px at least, or iOS zooms the page when the field gets focus. */
    font: inherit;
    font-size: max(1rem, 16px);
  }

  .consent {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    font-weight: 400;
  }

  .consent input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin-block-start: 0.1em;
    accent-color: var(--serial-lookup-accent);
  }

  input.serial {
    font-family: var(--serial-lookup-mono-font);
    letter-spacing: 0.02em;
  }

  input[aria-invalid='true'] {
    border-color: var(--serial-lookup-error);
    box-shadow: inset 0 0 0 1px var(--serial-lookup-error);
  }

  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    min-width: 2.75rem;
    margin: 0;
    padding: 0.5rem 1.25rem;
    border: 1px solid transparent;
    border-radius: var(--serial-lookup-radius);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    transition:
      background-color 120ms ease,
      border-color 120ms ease,
      color 120ms ease;
  }

  :is(input, button, a, .result):focus-visible {
    outline: 2px solid var(--serial-lookup-focus);
    outline-offset: 2px;
  }

  input:focus-visible {
    outline-offset: 0;
    border-color: var(--serial-lookup-focus);
  }

  .submit {
    justify-self: start;
    background: var(--serial-lookup-accent);
    color: var(--serial-lookup-on-accent);
  }

  .submit:hover {
    background: var(--serial-lookup-accent-hover);
  }

  .submit[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.65;
  }

  .secondary {
    background: transparent;
    border-color: var(--serial-lookup-border);
    color: var(--serial-lookup-text);
  }

  .secondary:hover {
    border-color: var(--serial-lookup-text);
  }

  .scan {
    flex: none;
    padding: 0.5rem;
  }

  .issue {
    margin: 0;
    color: var(--serial-lookup-error);
    font-size: 0.875rem;
  }

  .suggestions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875rem;
  }

  .suggestion {
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem;
    font-family: var(--serial-lookup-mono-font);
    font-weight: 500;
    letter-spacing: 0.02em;
  }

  .suggestion mark {
    padding: 0 0.05em;
    border-radius: 0.2em;
    background: color-mix(in srgb, var(--serial-lookup-accent) 18%, transparent);
    color: inherit;
    font-weight: 700;
    text-decoration: underline;
  }

  .result,
  .error {
    --status: var(--serial-lookup-unknown);
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.75rem;
    padding: var(--serial-lookup-spacing);
    border: 1px solid color-mix(in srgb, var(--status) 35%, transparent);
    border-inline-start: 4px solid var(--status);
    border-radius: var(--serial-lookup-radius);
    background: color-mix(in srgb, var(--status) 7%, var(--serial-lookup-surface));
    animation: appear 180ms ease-out;
  }

  .result[data-status='genuine'],
  .result[data-status='match'],
  .result[data-status='received'] {
    --status: var(--serial-lookup-genuine);
  }

  .result[data-status='recalled'],
  .result[data-status='mismatch'] {
    --status: var(--serial-lookup-recalled);
  }

  .result[data-status='suspicious'],
  .result[data-status='already_returned'] {
    --status: var(--serial-lookup-suspicious);
  }

  .result[data-status='invalid'] {
    --status: var(--serial-lookup-invalid);
  }

  .error {
    --status: var(--serial-lookup-error);
  }

  .error[data-kind='offline'],
  .error[data-kind='rate_limited'] {
    --status: var(--serial-lookup-unknown);
  }

  .icon {
    color: var(--status);
    line-height: 0;
  }

  .content {
    display: grid;
    gap: 0.375rem;
    min-width: 0;
  }

  .content > p,
  .content > ul {
    margin: 0;
  }

  .title {
    color: var(--status);
    font-size: 1.0625rem;
    font-weight: 700;
  }

  .eyebrow {
    color: var(--serial-lookup-muted);
    font-size: 0.8125rem;
  }

  .serial {
    font-family: var(--serial-lookup-mono-font);
    overflow-wrap: anywhere;
  }

  .notice {
    padding-inline-start: 0.75rem;
    border-inline-start: 2px solid color-mix(in srgb, var(--status) 45%, transparent);
    white-space: pre-line;
  }

  .content ul {
    padding-inline-start: 1.25rem;
  }

  a {
    color: var(--serial-lookup-accent);
    font-weight: 600;
    text-underline-offset: 0.15em;
  }

  .content .secondary {
    justify-self: start;
  }

  .spinner {
    animation: spin 0.8s linear infinite;
  }

  .scanner {
    width: min(28rem, calc(100vw - 2rem));
    padding: var(--serial-lookup-spacing);
    border: none;
    border-radius: var(--serial-lookup-radius);
    background: var(--serial-lookup-surface);
    color: var(--serial-lookup-text);
    font-family: var(--serial-lookup-font);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.3);
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

  .scanner video {
    display: block;
    width: 100%;
    aspect-ratio: 1;
    object-fit: cover;
    border-radius: calc(var(--serial-lookup-radius) / 2);
    background: #000;
  }

  .scanner .secondary {
    justify-self: end;
  }

  .nowrap {
    white-space: nowrap;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @container (max-width: 22rem) {
    .submit {
      justify-self: stretch;
    }
  }

  @keyframes appear {
    from {
      opacity: 0;
      transform: translateY(0.25rem);
    }
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }

  @media (forced-colors: active) {
    .result,
    .error {
      border: 1px solid CanvasText;
    }

    .suggestion mark {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
