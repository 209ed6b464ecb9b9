export {
  type AiCharset,
  type AiCheck,
  type AiComponent,
  type AiDefinition,
  applicationIdentifiers,
  type Gs1Element,
  getAiDefinition,
  PREDEFINED_LENGTHS,
} from './ai.js';
export { GS1_SET_39, GS1_SET_64, GS1_SET_82 } from './character-sets.js';
export { gs1DateToIso } from './dates.js';
export {
  type BuildDigitalLinkOptions,
  buildDigitalLink,
  GS1_RESOLVER,
  type ParsedDigitalLink,
  parseDigitalLink,
} from './digital-link.js';
export {
  GROUP_SEPARATOR,
  type ParsedElementString,
  parseElementString,
} from './element-string.js';
export { computeGtinCheckDigit, isValidGtin, normalizeGtin } from './gtin.js';
export { type Gs1IssueReason, gs1IssueMessage } from './issues.js';
export { type Gs1Data, isGs1Input, type ParseGs1Options, parseGs1 } from './parse.js';
export { type Gs1Unit, readGs1Unit } from './read-unit.js';
