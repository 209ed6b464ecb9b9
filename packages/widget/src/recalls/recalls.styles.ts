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
  `,
];
