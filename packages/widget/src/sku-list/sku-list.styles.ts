import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    .tracking[data-on='true'] {
      color: var(--_ok);
      border-color: var(--_ok);
    }
  `,
];
