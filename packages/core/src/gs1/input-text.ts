/** The edges of GS1 input: where it starts and ends once blank, and its symbology identifier. */

/** Index of the first character of `input` that is not a space, tab or line break. */
export function trimStart(input: string): number {
  let start = 0;
  while (start < input.length && isBlank(input.charCodeAt(start))) start++;
  return start;
}

/** Index after the last character of `input[start…]` that is not a space, tab or line break. */
export function trimEnd(input: string, start: number): number {
  let end = input.length;
  while (end > start && isBlank(input.charCodeAt(end - 1))) end--;
  return end;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Is `input[i]` the start of `]` + symbology letter + modifier digit? */
export function isSymbologyId(input: string, i: number): boolean {
  const letter = input.charCodeAt(i + 1) | 32;
  const modifier = input.charCodeAt(i + 2);
  return (
    input.charCodeAt(i) === 93 && letter >= 97 && letter <= 122 && modifier >= 48 && modifier <= 57
  );
}
