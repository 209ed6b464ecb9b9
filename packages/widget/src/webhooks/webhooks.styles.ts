import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    form {
      border: 1px solid #d0d7de;
      border-radius: 8px;
      padding: 1rem;
    }
    fieldset {
      border: none;
      margin: 0 0 0.9rem;
      padding: 0;
    }
    legend {
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
    }
    .choices label {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      font-weight: 400;
      min-height: 2.75rem;
    }
    input[type='url'],
    input[type='text'] {
      width: min(36rem, 100%);
    }
    .secret {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .secret code {
      padding: 0.3rem 0.5rem;
      background: #fff;
      border: 1px solid var(--_border);
      border-radius: 4px;
      word-break: break-all;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .confirm {
      border-left: 4px solid var(--_warn);
      background: var(--_surface);
      padding: 0.5rem;
      border-radius: 6px;
    }
    .confirm p {
      margin: 0 0 0.5rem;
    }
    .confirm button + button {
      margin-left: 0.5rem;
    }
    .ok-text {
      color: var(--_ok);
    }
    .error-text {
      color: var(--_error);
    }
    ul.plain {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    h4 {
      font-size: 1rem;
      margin: 1rem 0 0.25rem;
    }
    .log {
      margin-top: 1rem;
      border-top: 1px solid #d0d7de;
    }
  `,
];
