import type { Order } from '@serialkit/core';
import { html } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';
import { fill } from '../../localize/translation.js';

/** The order's lines with how many units are picked of each, complete lines marked. */
export function orderLines(t: ConsoleTranslation, order: Order) {
  return html`<table part="lines">
    <thead>
      <tr>
        <th scope="col">${t.skuColumn}</th>
        <th scope="col">${t.quantityColumn}</th>
        <th scope="col">${t.pickedColumn}</th>
        <th scope="col">${t.shippedColumn}</th>
      </tr>
    </thead>
    <tbody>
      ${order.lines.map((line) => {
        const done = line.picked + line.shipped >= line.quantity;
        return html`<tr data-sku=${line.sku} data-complete=${String(done)}>
          <td class="mono">${line.sku}</td>
          <td>${line.quantity}</td>
          <td>
            <span class="progress-text">${fill(t.lineProgress, line.picked + line.shipped, line.quantity)}</span>
            <progress max=${line.quantity} .value=${line.picked + line.shipped} aria-hidden="true"></progress>
          </td>
          <td>${line.shipped}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
