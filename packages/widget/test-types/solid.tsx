/** @jsxImportSource solid-js */
/** `<serial-lookup>` in Solid's JSX, typed by `@serialkit/widget/jsx/solid`. */
import type {} from '@serialkit/widget/jsx/solid';

export function GenuineCheck() {
  return (
    <serial-lookup
      endpoint=""
      mode="return"
      sku="HP-200"
      on:serial-lookup-result={(event) => console.log(event.detail.mode)}
    />
  );
}

export function WrongMode() {
  // @ts-expect-error: `mode` is 'verify', 'return' or 'register'
  return <serial-lookup mode="refund" />;
}
