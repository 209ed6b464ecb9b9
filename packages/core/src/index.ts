/**
 * @serialkit/core: serial formats, validation, normalization, check digits, matching, GS1 and
 * the zod schemas of every serialkit payload. Isomorphic: no Node or DOM imports.
 */

export * from './checksums/index.js';
export * from './corrections/index.js';
export * from './formats/index.js';
export * from './gs1/index.js';
export type * from './issues.js';
export * from './locales/index.js';
export * from './matching/index.js';
export * from './schemas/index.js';
export { isWebUrl } from './web-url.js';
