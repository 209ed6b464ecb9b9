/**
 * @serialkit/core: serial formats, validation, normalization, check digits, matching, GS1 and
 * the zod schemas of every serialkit payload. Isomorphic: no Node or DOM imports.
 */

export type * from './checksums/types.js';
export type * from './formats/types.js';
export type * from './issues.js';
export * from './schemas/index.js';
