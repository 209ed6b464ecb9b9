/**
 * The lenient path: aligns what a person typed with the pattern, forgiving case, separators and
 * left-out separator literals, and optionally correcting look-alikes or charging for wrong
 * characters. A dynamic program over (input character, pattern slot) finds the alignment with
 * the fewest corrections; it only runs when the canonical matcher has failed.
 *
 * Cost is O(input length × pattern length); inputs are capped by `Program.inputCap` first.
 */
import { CHECK, DATA, LITERAL, type Program } from './build-program.js';
import type { PreparedInput } from './char-classes.js';

export interface AlignOptions {
  /** Correct a look-alike where the position leaves one reading ('O' in a digit position). */
  lookalikes: boolean;
  /** Accept any character anywhere, at a cost of one: used to locate errors. */
  substitutions: boolean;
}

/** A character of the alignment that is not what the pattern accepts as typed. */
export interface Correction {
  /** Index in the canonical string. */
  index: number;
  /** Index of the typed character in the prepared input. */
  source: number;
  kind: 'lookalike' | 'mismatch';
}

export interface Alignment {
  /** Number of corrections. */
  cost: number;
  /** Canonical text: literals restored, case folded; mismatched characters kept (upper-cased). */
  canonical: string;
  /** Canonical offset of each segment, then the length. */
  starts: Int32Array;
  /** For each canonical character, its prepared-input index, or -1 for a restored literal. */
  sources: Int32Array;
  /** Pattern slot of each canonical character. */
  slotOf: Int32Array;
  corrections: Correction[];
}

/**
 * Cost of one correction. Skipping a typed separator costs 1, so among the alignments with the
 * fewest corrections the one that reads the most typed characters wins: in `P{S:3-5}/{D:2}`,
 * "PAB;= -/15" keeps the '-' in the S field rather than reading the space as the '/'. Skips
 * never add up to one correction because inputs are capped below this many characters.
 */
const CORRECTION = 1024;
const SKIPPED = 1;
const INFINITE = 0xffffffff;

// Transition kinds, in the order they are preferred when several alignments cost the same.
const ACCEPT = 0;
const LOOKALIKE = 1;
const MISMATCH = 2;
const END = 3;
const OMIT = 4;
const SKIP = 5;

// Scratch space, reused: validation is synchronous, so one buffer serves every call.
let costs = new Uint32Array(4096);
const targetInput = new Int32Array(8);
const targetSlot = new Int32Array(8);
const stepCost = new Uint32Array(8);
const stepKind = new Uint8Array(8);
let stepCount = 0;

function push(ti: number, ts: number, cost: number, kind: number): void {
  targetInput[stepCount] = ti;
  targetSlot[stepCount] = ts;
  stepCost[stepCount] = cost;
  stepKind[stepCount] = kind;
  stepCount++;
}

/**
 * Fills the scratch arrays with the transitions out of (i, s), most preferred first; returns
 * their number.
 */
function transitions(
  p: Program,
  input: PreparedInput,
  options: AlignOptions,
  i: number,
  s: number,
): number {
  const slots = p.slots;
  const c = i < input.length ? input.codes[i]! : -1;
  const isSeparator = c >= 0 && c < 128 && p.separators[c] === 1;
  stepCount = 0;
  let dataHere = false;
  if (s < slots.count) {
    if (slots.kind[s] === LITERAL) {
      if (c >= 0) {
        const code = slots.code[s]!;
        const folded = slots.exactCase[s] === 0 && c >= 97 && c <= 122 ? c - 32 : c;
        if (folded === code || (isSeparator && slots.separator[s] === 1))
          push(i + 1, s + 1, 0, ACCEPT);
        else if (options.substitutions && !isSeparator) push(i + 1, s + 1, CORRECTION, MISMATCH);
      }
      if (slots.optional[s] === 1) push(i, s + 1, 0, OMIT);
    } else {
      const spec = slots.spec[s]!;
      if (c >= 0) {
        const accepted = c < 128 ? spec.accept[c]! : -1;
        if (accepted >= 0) {
          dataHere = true;
          push(i + 1, s + 1, 0, ACCEPT);
        } else if (options.lookalikes && c < 128 && spec.lookalike[c]! >= 0) {
          push(i + 1, s + 1, CORRECTION, LOOKALIKE);
        } else if (options.substitutions && !isSeparator) {
          // A separator is never taken for a wrong character: "SN-2024-000123" is one digit
          // short, not a dash where a digit belongs.
          push(i + 1, s + 1, CORRECTION, MISMATCH);
        }
      }
      const end = slots.endSlot[s]!;
      if (end >= 0) push(i, end, 0, END);
    }
  }
  // A separator is skipped wherever it cannot be data (in a GS1 `S` field '-' is data).
  if (isSeparator && !dataHere) push(i + 1, s, SKIPPED, SKIP);
  return stepCount;
}

/**
 * The cheapest alignment of `input` with the pattern, or `null` when none exists (the number of
 * characters cannot fit).
 */
export function alignInput(
  p: Program,
  input: PreparedInput,
  options: AlignOptions,
): Alignment | null {
  const n = input.length;
  const slotCount = p.slots.count;
  const width = slotCount + 1;
  const size = (n + 1) * width;
  if (costs.length < size) costs = new Uint32Array(Math.max(size, costs.length * 2));

  for (let i = n; i >= 0; i--) {
    for (let s = slotCount; s >= 0; s--) {
      let best = i === n && s === slotCount ? 0 : INFINITE;
      const count = transitions(p, input, options, i, s);
      for (let t = 0; t < count; t++) {
        const next = costs[targetInput[t]! * width + targetSlot[t]!]!;
        if (next !== INFINITE && next + stepCost[t]! < best) best = next + stepCost[t]!;
      }
      costs[i * width + s] = best;
    }
  }
  const total = costs[0]!;
  if (total === INFINITE) return null;

  const out: number[] = [];
  const sources: number[] = [];
  const slotOf: number[] = [];
  const corrections: Correction[] = [];
  let i = 0;
  let s = 0;
  while (i < n || s < slotCount) {
    const here = costs[i * width + s]!;
    const count = transitions(p, input, options, i, s);
    let chosen = -1;
    for (let t = 0; t < count; t++) {
      const next = costs[targetInput[t]! * width + targetSlot[t]!]!;
      if (next !== INFINITE && next + stepCost[t]! === here) {
        chosen = t;
        break;
      }
    }
    // Unreachable: the backward pass guarantees a transition that keeps the cost.
    if (chosen < 0) return null;
    const kind = stepKind[chosen]!;
    if (kind === ACCEPT || kind === LOOKALIKE || kind === MISMATCH || kind === OMIT) {
      const c = input.codes[i] ?? -1;
      let code: number;
      if (p.slots.kind[s] === LITERAL) code = p.slots.code[s]!;
      else if (kind === ACCEPT) code = p.slots.spec[s]!.accept[c]!;
      else if (kind === LOOKALIKE) code = p.slots.spec[s]!.lookalike[c]!;
      else code = c >= 97 && c <= 122 ? c - 32 : c;
      if (kind === MISMATCH && p.slots.kind[s] === LITERAL) code = c;
      if (kind === LOOKALIKE || kind === MISMATCH) {
        corrections.push({
          index: out.length,
          source: i,
          kind: kind === LOOKALIKE ? 'lookalike' : 'mismatch',
        });
      }
      out.push(code);
      sources.push(kind === OMIT ? -1 : i);
      slotOf.push(s);
    }
    i = targetInput[chosen]!;
    s = targetSlot[chosen]!;
  }

  const segmentCount = p.segments.length;
  const starts = new Int32Array(segmentCount + 1);
  let k = 0;
  for (let j = 0; j < out.length; j++) {
    const segment = p.slots.segment[slotOf[j]!]!;
    while (k <= segment) starts[k++] = j;
  }
  while (k <= segmentCount) starts[k++] = out.length;

  return {
    cost: Math.floor(total / CORRECTION),
    canonical: String.fromCodePoint(...out),
    starts,
    sources: Int32Array.from(sources),
    slotOf: Int32Array.from(slotOf),
    corrections,
  };
}

/**
 * A one-pass alignment for fixed-length formats, when the input needs no correction; `null`
 * otherwise (then {@link alignInput} decides). With every length fixed, the k-th character read
 * as data always lands in the k-th data slot, so reading greedily gives the aligner's answer.
 */
export function alignFixedGreedily(p: Program, input: PreparedInput): Alignment | null {
  if (p.fixedTable === null) return null;
  const slots = p.slots;
  const count = slots.count;
  const out = new Int32Array(count);
  const sources = new Int32Array(count);
  let s = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.codes[i]!;
    const isSeparator = c < 128 && p.separators[c] === 1;
    for (;;) {
      if (s < count && slots.kind[s] === LITERAL) {
        const code = slots.code[s]!;
        const folded = slots.exactCase[s] === 0 && c >= 97 && c <= 122 ? c - 32 : c;
        if (folded === code || (isSeparator && slots.separator[s] === 1)) {
          out[s] = code;
          sources[s++] = i;
          break;
        }
        if (!isSeparator && slots.optional[s] === 1) {
          out[s] = code;
          sources[s++] = -1;
          continue;
        }
      } else if (s < count) {
        const accepted = c < 128 ? slots.spec[s]!.accept[c]! : -1;
        if (accepted >= 0) {
          out[s] = accepted;
          sources[s++] = i;
          break;
        }
      }
      if (isSeparator) break;
      return null;
    }
  }
  for (; s < count; s++) {
    if (slots.optional[s] !== 1) return null;
    out[s] = slots.code[s]!;
    sources[s] = -1;
  }
  const slotOf = new Int32Array(count);
  for (let j = 0; j < count; j++) slotOf[j] = j;
  return {
    cost: 0,
    canonical: String.fromCharCode(...out),
    starts: p.fixedStarts!,
    sources,
    slotOf,
    corrections: [],
  };
}

/** Whether the slot of a canonical character is a data (or check) position. */
export function isDataSlot(p: Program, slot: number): boolean {
  const kind = p.slots.kind[slot];
  return kind === DATA || kind === CHECK;
}
