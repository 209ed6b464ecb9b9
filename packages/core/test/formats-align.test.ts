/**
 * The lenient aligner's one-pass shortcut for fixed-length formats must agree with the dynamic
 * program wherever it answers, and answer wherever the input needs no correction and reads only
 * one way. The property counts the inputs it really compared, so a shortcut that always gives up
 * (and so never disagrees) fails it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { alignFixedGreedily, alignInput, isDataSlot } from '../src/formats/align-input.js';
import { buildProgram, type Program, separatorTable } from '../src/formats/build-program.js';
import { prepareInput } from '../src/formats/char-classes.js';
import { compileFormat } from '../src/formats/index.js';
import { parsePattern } from '../src/formats/parse-pattern.js';

const RUNS = 300;
/** Generated inputs are valid serials with at most four edits: the shortcut answers ~40 % of them. */
const MIN_ANSWERED = RUNS / 4;

/**
 * Whether a typed separator could also be read as data (an `S` class takes `-` and `/`): then
 * the shortcut, which reads each separator one way, may give up where the dynamic program
 * finds another reading.
 */
function separatorCouldBeData(p: Program, input: string): boolean {
  for (const ch of input) {
    const c = ch.charCodeAt(0);
    if (c >= 128 || p.separators[c] !== 1) continue;
    for (let s = 0; s < p.slots.count; s++) {
      if ((p.slots.spec[s]?.accept[c] ?? -1) >= 0) return true;
    }
  }
  return false;
}

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
      let answered = 0;
      fc.assert(
        fc.property(typed, (input) => {
          const prepared = prepareInput(input, 0, input.length);
          const greedy = alignFixedGreedily(program, prepared);
          const exact = alignInput(program, prepared, { lookalikes: false, substitutions: false });
          if (exact?.cost === 0 && !separatorCouldBeData(program, input)) {
            expect(greedy, `the shortcut gave up on ${JSON.stringify(input)}`).not.toBeNull();
          }
          if (greedy === null) return;
          answered++;
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
        { numRuns: RUNS },
      );
      expect(answered).toBeGreaterThanOrEqual(MIN_ANSWERED);
    });
  }
});
