import { css } from 'lit';
import shared from '../console/console.styles.js';

export default [
  shared,
  css`
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 1rem;
    }
    .tile {
      border: 1px solid #d0d7de;
      border-radius: 8px;
      padding: 0.8rem 1rem;
    }
    .tile .number {
      font-size: 2rem;
      font-weight: 700;
      display: block;
    }
    figure {
      margin: 1rem 0;
      border: 1px solid #d0d7de;
      border-radius: 8px;
      padding: 1rem;
    }
    figcaption {
      font-weight: 600;
      margin-bottom: 0.5rem;
    }
    .chart {
      width: 100%;
      height: auto;
      max-height: 16rem;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      list-style: none;
      padding: 0;
    }
    .swatch {
      display: inline-block;
      width: 0.9rem;
      height: 0.9rem;
      margin-right: 0.35rem;
      vertical-align: middle;
      border-radius: 2px;
    }
    .hbars {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .hbars li {
      display: grid;
      grid-template-columns: 9rem 1fr 6rem;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 0.35rem;
    }
    .hbar-track {
      background: var(--_surface);
      height: 1rem;
      border-radius: 3px;
    }
    .hbar {
      display: block;
      height: 100%;
      border-radius: 3px;
    }
    .hbar-value {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    progress {
      width: 100%;
    }
  `,
];
