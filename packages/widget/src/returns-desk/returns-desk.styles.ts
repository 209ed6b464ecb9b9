import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    .row input {
      flex: 1 1 16rem;
      font-size: 1.1rem;
    }
    .verdict {
      font-size: 1.15rem;
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: flex-end;
      margin-top: 0.75rem;
    }
  `,
];
