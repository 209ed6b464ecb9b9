export { lookalikeGroup } from './char-classes.js';
export { compileFormat } from './compile.js';
export { createIssue } from './create-issue.js';
export { DATE_PART_LENGTH, type DatePart, formatDateParts } from './date-parts.js';
export { formatHint } from './format-hint.js';
export { FormatSyntaxError } from './format-syntax-error.js';
export { compileValidator, describeFormat } from './pattern-validator.js';
export type * from './types.js';
