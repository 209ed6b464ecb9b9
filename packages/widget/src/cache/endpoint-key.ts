/** A stable key for an endpoint: '' and relative endpoints resolve against the page. */
export function endpointKey(endpoint: string): string {
  try {
    return new URL(endpoint || '/', document.baseURI).href.replace(/\/+$/, '');
  } catch {
    return endpoint;
  }
}
