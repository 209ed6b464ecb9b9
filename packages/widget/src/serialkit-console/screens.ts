import type { ConsoleTranslation } from '../localize/console/console-translation.js';

/** The console's screens, in the order of its navigation. */
export const SCREENS = [
  'overview',
  'skus',
  'search',
  'units',
  'pack',
  'returns',
  'recalls',
  'import',
  'webhooks',
] as const;
export type Screen = (typeof SCREENS)[number];

/** The screen a location hash names (`#skus`), or undefined. */
export function screenOfHash(hash: string): Screen | undefined {
  const name = hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : undefined;
}

export function screenName(t: ConsoleTranslation, screen: Screen): string {
  return t.nav[screen];
}
