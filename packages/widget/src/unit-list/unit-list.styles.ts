import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    .row input,
    .row select {
      width: 11rem;
    }
    button.link {
      border: none;
      background: none;
      padding: 0.2rem;
      min-height: 2rem;
      text-decoration: underline;
    }
    .pager {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      margin-top: 0.75rem;
    }
  `,
];
