/**
 * Whether a link may be shown to people: it starts with `http://` or `https://` (any case), so a
 * browser opens it as a web page. A link in a recall notice ends up in a shopper's browser, where
 * `javascript:`, `data:` and the like would run. The rule behind `webUrlSchema` (which also
 * requires a well-formed URL), without zod, so that browser code can apply it too.
 *
 * @example
 * isWebUrl('https://brand.example/recall'); // true
 * isWebUrl('javascript:alert(1)'); // false
 */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}
