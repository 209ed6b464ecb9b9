/**
 * The format engine: local validation, suggestions and hints (with core's format compiler and GS1
 * reader), and Digital Link reading. The element loads it as its own chunk as soon as it
 * connects, in parallel with the service's format hints and with nothing it needs to render:
 * until both are here the element has no format to check against anyway.
 */
export { readDigitalLink } from '../digital-link/read-digital-link.js';
export { checkInput } from './check-input.js';

/** The engine's module. */
export type FormatEngine = typeof import('./format-engine.js');
