/**
 * `<serial-lookup>` in React 19's JSX, typed by `@serialkit/widget/jsx/react` (generated from
 * the custom elements manifest). `tsc -p test-types/tsconfig.json` must pass: each
 * `@ts-expect-error` fails the check if the types stop rejecting what follows it.
 */

import type { SerialLookupResultEvent } from '@serialkit/widget';
import type {} from '@serialkit/widget/jsx/react';

export function ReturnCheck({ sku }: { sku: string }) {
  return (
    <serial-lookup
      endpoint="https://shop.example/serialkit"
      sku={sku}
      mode="return"
      timeout={5000}
      no-scan
      onserial-lookup-result={(event) => {
        const detail: SerialLookupResultEvent['detail'] = event.detail;
        if (detail.mode === 'return') console.log(detail.orderId, detail.result.verdict);
      }}
      onserial-lookup-error={(event) => console.warn(event.detail.kind)}
    >
      <a slot="footer" href="/support">
        Contact support
      </a>
    </serial-lookup>
  );
}

export function WrongMode() {
  // @ts-expect-error: `mode` is 'verify', 'return' or 'register'
  return <serial-lookup mode="refund" />;
}

export function WrongTimeout() {
  // @ts-expect-error: `timeout` is a number of milliseconds
  return <serial-lookup timeout="soon" />;
}

export function WrongListener() {
  return (
    <serial-lookup
      // @ts-expect-error: a result event's detail has no `status` of its own
      onserial-lookup-result={(event) => console.log(event.detail.status)}
    />
  );
}
