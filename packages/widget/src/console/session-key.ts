/**
 * The console's API key lives in sessionStorage only: it survives a reload of the tab and is
 * gone when the tab closes; it never reaches localStorage, cookies or the URL.
 */
const KEY = 'serialkit-console-key';

/** The key of this tab's session, if signed in. */
export function readSessionKey(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `key` for this tab's session, or forgets it (`undefined`). */
export function writeSessionKey(key: string | undefined): void {
  try {
    if (key === undefined) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, key);
  } catch {
    // Storage blocked: the key lives in the element only.
  }
}
