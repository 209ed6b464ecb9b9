/**
 * The format engine: local validation, suggestions and hints (with core's format compiler and GS1
 * reader), the cached format hints, and Digital Link reading. The element loads it as its own
 * chunk as soon as it connects, in parallel with nothing it needs to render: until the engine
 * and the service's hints are here, the element has no format to check against anyway, and a
 * check sent meanwhile is validated by the service.
 */
export { readCachedHints, revalidateHints } from '../cache/format-cache.js';
export { readDigitalLink } from '../digital-link/read-digital-link.js';
export { checkInput } from './check-input.js';

/** The engine's module. */
export type FormatEngine = typeof import('./format-engine.js');
