/**
 * Serial generation: sequential, random (CSPRNG, uniform, non-guessable) or the fixed sample used
 * for `SerialFormat.example`.
 */
import { getCheckAlgorithm } from '../checksums/index.js';
import type { CharClass } from '../issues.js';
import { CHECK, LITERAL, type Program, type Segment } from './build-program.js';
import { type DatePart, formatDateParts } from './date-parts.js';
import { checkInput, testCanonical } from './match-canonical.js';
import type { GenerateOptions } from './types.js';

/** How free characters (not a field given, not the sequence, not a date) are filled. */
export type FillMode = 'random' | 'sample';

/** Readable fillers for examples; every character is canonical in its class. */
const SAMPLES: Readonly<Record<CharClass, string>> = {
  D: '1234567890',
  A: 'ABCDEFGHJK',
  X: 'A1B2C3D4E5',
  H: '1A2B3C4D5E',
  C: '1A2B3C4D5E',
  S: 'A1b2C3d4E5',
};

/** Length of a sampled variable-length field: about six, within its range. */
const SAMPLE_LENGTH = 6;

type RandomSource = (array: Uint32Array) => Uint32Array;

function defaultRandomSource(): RandomSource {
  const crypto = (globalThis as { crypto?: { getRandomValues?: RandomSource } }).crypto;
  if (!crypto?.getRandomValues) {
    throw new Error('random serials need globalThis.crypto.getRandomValues');
  }
  return (array) => crypto.getRandomValues!(array);
}

/** `length` characters drawn uniformly from `alphabet` (rejection sampling: no modulo bias). */
export function randomString(alphabet: string, length: number, random: RandomSource): string {
  const size = alphabet.length;
  const limit = 0x1_0000_0000 - (0x1_0000_0000 % size);
  const values = random(new Uint32Array(length));
  const retry = new Uint32Array(1);
  let out = '';
  for (let i = 0; i < length; i++) {
    let value = values[i]!;
    while (value >= limit) value = random(retry)[0]!;
    out += alphabet[value % size];
  }
  return out;
}

function sequenceDigits(sequence: number | bigint, segment: Segment): string {
  const valid =
    typeof sequence === 'bigint' ? sequence >= 0n : Number.isSafeInteger(sequence) && sequence >= 0;
  if (!valid) throw new RangeError(`sequence must be a non-negative integer, got ${sequence}`);
  const digits = String(sequence);
  if (digits.length > segment.max) {
    throw new RangeError(`sequence ${digits} does not fit in ${segment.max} digits`);
  }
  return digits.padStart(segment.min, '0');
}

/** A field value given by the caller, in canonical form, or a RangeError. */
function fieldValue(name: string, value: unknown, segment: Segment): string {
  const spec = segment.spec!;
  if (typeof value !== 'string') throw new RangeError(`field '${name}' must be a string`);
  if (value.length < segment.min || value.length > segment.max) {
    const length = segment.min === segment.max ? segment.min : `${segment.min}-${segment.max}`;
    throw new RangeError(`field '${name}' must have ${length} characters, got '${value}'`);
  }
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const canonical = c < 128 ? spec.accept[c]! : -1;
    if (canonical < 0) {
      throw new RangeError(`field '${name}' has a character its class does not allow: '${value}'`);
    }
    out += String.fromCharCode(canonical);
  }
  return out;
}

/**
 * Generates a canonical serial. `fill` decides the free characters when `options.random` is not
 * set: 'sample' for deterministic examples, 'random' otherwise.
 */
export function generateSerial(p: Program, options: GenerateOptions, fill: FillMode): string {
  const random = options.random === true || fill === 'random';
  const source = random ? (options.getRandomValues ?? defaultRandomSource()) : null;
  const date = options.date ?? new Date();
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError('date must be a valid Date');
  }
  const given = options.fields ?? {};
  const fieldNames = new Set(p.segments.flatMap((s) => (s.field ? [s.field] : [])));
  for (const name of Object.keys(given)) {
    if (!fieldNames.has(name)) {
      throw new RangeError(
        `unknown field '${name}' (this format has: ${[...fieldNames].join(', ') || 'none'})`,
      );
    }
  }
  if (options.sequence !== undefined && p.sequenceSegment < 0) {
    throw new RangeError('this format has no sequence field ({seq:N}) or digit class to number');
  }

  const dateParts = formatDateParts(
    date,
    new Set(p.segments.flatMap((s) => (s.datePart ? [s.datePart] : []))) as Set<DatePart>,
  );
  const texts: string[] = [];
  for (let k = 0; k < p.segments.length; k++) {
    const seg = p.segments[k]!;
    if (seg.kind === LITERAL) texts.push(seg.text);
    else if (seg.kind === CHECK) texts.push('');
    else if (seg.field !== null && Object.hasOwn(given, seg.field)) {
      texts.push(fieldValue(seg.field, given[seg.field], seg));
    } else if (seg.datePart) texts.push(dateParts[seg.datePart]);
    else if (k === p.sequenceSegment && options.sequence !== undefined) {
      texts.push(sequenceDigits(options.sequence, seg));
    } else if (source) texts.push(randomString(seg.spec!.alphabet, seg.max, source));
    else {
      const token = seg.token;
      const sample = SAMPLES[token.kind === 'class' ? token.charClass : 'D'];
      const length = Math.min(seg.max, Math.max(seg.min, SAMPLE_LENGTH));
      texts.push(sample.repeat(Math.ceil(length / sample.length)).slice(0, length));
    }
  }

  let serial = texts.join('');
  const starts = new Int32Array(p.segments.length + 1);
  const place = (): void => {
    let offset = 0;
    for (let k = 0; k < texts.length; k++) {
      starts[k] = offset;
      offset += texts[k]!.length;
    }
    starts[texts.length] = offset;
  };
  if (p.check) {
    place();
    const data = checkInput(p, serial, starts);
    texts[p.check.segment] = getCheckAlgorithm(p.check.algorithm.name).compute(data);
    serial = texts.join('');
  }
  place();
  if (!testCanonical(p, serial, starts)) {
    throw new RangeError(`the fields and date give an invalid serial: '${serial}'`);
  }
  return serial;
}
