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
    textarea {
      width: 100%;
      min-height: 4rem;
    }
    .count {
      font-size: 1.2rem;
      font-weight: 700;
    }
    .by-status {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      list-style: none;
      padding: 0;
    }
    .spaced {
      margin-top: 0.75rem;
    }
    select[multiple] {
      min-width: 16rem;
    }
    progress {
      width: 100%;
      min-width: 8rem;
      height: 0.9rem;
      accent-color: var(--_ok);
    }
    .figures {
      margin: 0.2rem 0 0;
      font-size: 0.9rem;
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
  `,
];
