export type { Matcher, MatcherEntry, MatcherOptions, SerialMatch } from './matcher.js';
export { createMatcher } from './matcher.js';
