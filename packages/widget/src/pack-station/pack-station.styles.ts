import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    button {
      min-height: 3.25rem;
      font-size: 1.1rem;
    }
    .scan input {
      font-size: 1.5rem;
      min-height: 3.5rem;
      width: 100%;
    }
    .scan-row {
      display: flex;
      gap: 0.5rem;
    }
    .scan-row input {
      flex: 1 1 auto;
      min-width: 0;
    }
    .row input {
      flex: 1 1 18rem;
      font-size: 1.2rem;
      min-height: 3.25rem;
    }
    .answer {
      font-size: 1.5rem;
      font-weight: 700;
      padding: 1rem 1.25rem;
      border-radius: 8px;
      margin: 1rem 0;
      color: #fff;
      background: var(--_error);
    }
    .answer[data-outcome='accepted'] {
      background: var(--_ok);
    }
    .answer[data-outcome='mistyped'],
    .answer[data-outcome='line_full'],
    .answer[data-outcome='already_picked'] {
      background: var(--_warn);
    }
    .answer .serial {
      display: block;
      font-size: 1.1rem;
      font-weight: 400;
      font-family: ui-monospace, monospace;
    }
    .suggestions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-top: 0.75rem;
    }
    .suggestions button {
      background: #fff;
      color: #1f2328;
      border-color: #fff;
      font-family: ui-monospace, monospace;
    }
    tr[data-complete='true'] td {
      color: var(--_ok);
      font-weight: 600;
    }
    progress {
      width: 8rem;
      margin-left: 0.5rem;
      vertical-align: middle;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-top: 1rem;
    }
    .sound {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      font-weight: 400;
    }
  `,
];
