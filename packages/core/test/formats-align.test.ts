/**
 * The lenient aligner's one-pass shortcut for fixed-length formats must agree with the dynamic
 * program wherever it answers.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { alignFixedGreedily, alignInput, isDataSlot } from '../src/formats/align-input.js';
import { buildProgram, separatorTable } from '../src/formats/build-program.js';
import { prepareInput } from '../src/formats/char-classes.js';
import { compileFormat } from '../src/formats/index.js';
import { parsePattern } from '../src/formats/parse-pattern.js';

const PATTERNS = [
  'SN-{YYYY}-{D:6}{check:luhn}',
  '{A:3}{D:7}',
  '{D:2}-{S:3}',
  'P{S:4}/{D:2}',
  '{lot=X:4}-{YYYY}{MM}{DD}-{seq:5}',
  'AB {H:4}.{C:3}{check:crockford}',
];

describe('alignFixedGreedily agrees with alignInput', () => {
  for (const pattern of PATTERNS) {
    test(pattern, () => {
      const program = buildProgram(
        pattern,
        parsePattern(pattern, false),
        false,
        separatorTable(' -_./'),
      );
      const format = compileFormat(pattern);
      const typed = fc
        .tuple(
          fc.integer(),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '-', '/', '', 'x', 'O')), {
            maxLength: 4,
          }),
          fc.boolean(),
        )
        .map(([seed, edits, lower]) => {
          let state = seed >>> 0 || 1;
          let serial = format.generate({
            random: true,
            getRandomValues: (array) => {
              for (let i = 0; i < array.length; i++) {
                state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
                array[i] = state;
              }
              return array;
            },
          });
          for (const [at, ch] of edits) {
            const i = at % (serial.length + 1);
            // '' deletes a character; anything else is inserted.
            serial = ch
              ? serial.slice(0, i) + ch + serial.slice(i)
              : serial.slice(0, i) + serial.slice(i + 1);
          }
          return lower ? serial.toLowerCase() : serial;
        });
      fc.assert(
        fc.property(typed, (input) => {
          const prepared = prepareInput(input, 0, input.length);
          const greedy = alignFixedGreedily(program, prepared);
          const exact = alignInput(program, prepared, { lookalikes: false, substitutions: false });
          if (greedy === null) return;
          expect(exact).not.toBeNull();
          expect(greedy.canonical).toBe(exact!.canonical);
          expect([...greedy.starts]).toEqual([...exact!.starts]);
          // The same typed character in every data slot (separators may match literals either way).
          for (let j = 0; j < greedy.canonical.length; j++) {
            if (isDataSlot(program, greedy.slotOf[j]!)) {
              expect(greedy.sources[j]).toBe(exact!.sources[j]);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
