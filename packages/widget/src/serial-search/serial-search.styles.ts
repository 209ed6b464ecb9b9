import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    form .row input {
      flex: 1 1 24rem;
      font-size: 1.15rem;
    }
    .card {
      border: 1px solid #d0d7de;
      border-radius: 8px;
      padding: 1rem;
      margin-top: 1rem;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0.5rem 1rem;
      margin: 0;
    }
    dt {
      color: var(--_muted);
      font-size: 0.85rem;
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
    h4 {
      margin: 1rem 0 0.4rem;
    }
    .timeline {
      list-style: none;
      padding: 0 0 0 1rem;
      border-left: 3px solid var(--_border);
    }
    .timeline li {
      margin: 0 0 0.5rem;
      position: relative;
    }
    .timeline li::before {
      content: '';
      position: absolute;
      left: -1.45rem;
      top: 0.35rem;
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
      background: var(--_accent);
    }
    .timeline time {
      color: var(--_muted);
      margin-right: 0.5rem;
    }
    .confirm {
      border-left: 4px solid var(--_warn);
      background: var(--_surface);
      padding: 0.75rem;
      border-radius: 6px;
      margin-top: 0.75rem;
    }
    .confirm input[type='text'] {
      width: min(28rem, 100%);
    }
    .warn-text {
      color: var(--_warn);
    }
    .suggestions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .suggestions .label {
      flex-basis: 100%;
      margin: 0;
    }
    .status[data-status='shipped'] {
      color: var(--_ok);
      border-color: var(--_ok);
    }
  `,
];
