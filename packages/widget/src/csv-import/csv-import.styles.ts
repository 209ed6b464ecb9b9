import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    progress {
      width: 100%;
      max-width: 30rem;
      height: 1.25rem;
    }
    input[type='file'] {
      padding: 0.5rem;
    }
  `,
];
