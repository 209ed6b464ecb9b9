import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    :host {
      min-height: 100vh;
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.5rem 1rem;
      background: var(--serialkit-header, #0d1b2a);
      color: #fff;
    }
    header h1 {
      font-size: 1.15rem;
      margin: 0;
    }
    header button {
      background: transparent;
      color: #fff;
      border-color: #fff;
    }
    nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      list-style: none;
      margin: 0;
      padding: 0.5rem 1rem;
      border-bottom: 1px solid #d0d7de;
    }
    nav button {
      border-color: transparent;
    }
    nav button[aria-current='page'] {
      border-color: var(--_accent);
      background: var(--_accent);
      color: #fff;
    }
    main {
      padding: 1rem;
      max-width: 80rem;
    }
    .sign-in {
      max-width: 30rem;
      margin: 3rem auto;
      padding: 1.5rem;
      border: 1px solid #d0d7de;
      border-radius: 8px;
    }
    .sign-in input {
      width: 100%;
    }
    .back {
      margin-bottom: 0.75rem;
    }
  `,
];
