import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    form {
      max-width: 44rem;
    }
    input[type='text'] {
      width: 100%;
    }
    .check {
      display: flex;
      gap: 0.6rem;
      align-items: center;
      font-weight: 600;
    }
    .error-text {
      color: var(--_error);
    }
    .ok-text {
      color: var(--_ok);
    }
    .samples {
      list-style: none;
      padding: 0;
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .samples li {
      background: var(--_surface);
      padding: 0.2rem 0.5rem;
      border-radius: 4px;
    }
    fieldset {
      border: 1px solid #d0d7de;
      border-radius: 6px;
      margin: 0 0 0.9rem;
    }
    .actions {
      display: flex;
      gap: 0.75rem;
    }
  `,
];
