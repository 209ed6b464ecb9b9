/** @jsxImportSource preact */
/** `<serial-lookup>` in Preact's JSX, typed by `@serialkit/widget/jsx/preact`. */
import type {} from '@serialkit/widget/jsx/preact';

export function GenuineCheck() {
  return (
    <serial-lookup
      endpoint=""
      mode="verify"
      prefill-from-url
      autocheck
      onserial-lookup-result={(event) => console.log(event.detail.mode)}
    />
  );
}

export function WrongMode() {
  // @ts-expect-error: `mode` is 'verify', 'return' or 'register'
  return <serial-lookup mode="refund" />;
}
