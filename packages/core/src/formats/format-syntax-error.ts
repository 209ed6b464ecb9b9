/**
 * Thrown by `compileFormat` for a pattern that cannot be compiled: a programmer error, never a
 * user-input one. The message shows the pattern with a caret under the offending column.
 *
 * @example
 * try {
 *   compileFormat('SN-{Q:4}');
 * } catch (error) {
 *   if (error instanceof FormatSyntaxError) console.log(error.column); // 4
 * }
 */
export class FormatSyntaxError extends Error {
  override readonly name = 'FormatSyntaxError';
  /** 0-based index in `pattern` of the character the error is about. */
  readonly column: number;
  readonly pattern: string;
  /** The message without the pattern excerpt, e.g. "unknown character class 'Q'". */
  readonly reason: string;

  constructor(reason: string, pattern: string, column: number) {
    const at = Math.max(0, Math.min(column, pattern.length));
    super(`${reason} (column ${at})\n  ${pattern}\n  ${' '.repeat(at)}^`);
    this.reason = reason;
    this.pattern = pattern;
    this.column = at;
  }

  /** True for a `FormatSyntaxError`, also one from another copy of this package. */
  static isInstance(value: unknown): value is FormatSyntaxError {
    return (
      value instanceof FormatSyntaxError ||
      (value instanceof Error &&
        value.name === 'FormatSyntaxError' &&
        typeof (value as { column?: unknown }).column === 'number')
    );
  }
}
