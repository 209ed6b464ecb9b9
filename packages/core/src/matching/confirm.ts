/**
 * Confirming a candidate: the answer is always what the format's own `validate(serial)` returns,
 * but most of the time it is reached without the lenient aligner, which costs ten to a hundred
 * times the canonical path. See `canonical-layout.ts` for why the skeleton decides the canonical
 * serial of most formats.
 */
import { upperAscii } from '../formats/char-classes.js';
import type { ParsedSerial, SerialFormat, ValidationResult } from '../formats/types.js';
import { canonicalOf, type Layout, layoutOf } from './canonical-layout.js';
import type { Probe } from './probe.js';

// Local bindings: some loaders turn imported bindings into getters, which costs on a hot path.
const rebuild = canonicalOf;
const upperCased = upperAscii;

/**
 * How often confirming fell back to the format's lenient path (`validate` of the input as typed,
 * when it is not canonical), by why. For tests, which check that typed input of indexed formats
 * stays on the fast paths; not part of the public API.
 */
export const lenientFallbacks = { noLayout: 0, unsure: 0 };

export class Confirmer {
  readonly format: SerialFormat;
  readonly #layout: Layout | null;
  /**
   * What the format was seen to do with a typed character between two others, by ASCII code:
   * 1 skips it as a separator, -1 refuses it, 0 not asked yet.
   */
  #separators: Int8Array | undefined;
  /** 1 when the format accepts its example with every symbol left out, -1 not, 0 not asked. */
  #bare = 0;

  constructor(format: SerialFormat) {
    this.format = format;
    this.#layout = format.tokens.length > 0 ? layoutOf(format.tokens, format.caseSensitive) : null;
  }

  /** `format.validate(serial).data` when it succeeds, else `null`. */
  confirm(serial: string, probe: Probe): ParsedSerial | null {
    const format = this.format;
    const layout = this.#layout;
    if (layout === null || probe.length < 0 || readsSymbolOf(layout, probe)) {
      lenientFallbacks.noLayout++;
      return dataOf(format.validate(serial));
    }
    const canonical = rebuild(layout, probe.codes, probe.length, probe.trimmed);
    if (canonical === null) return null;
    // Typed in canonical form (scanned serials are): validation takes its fast path.
    if (canonical === probe.trimmed) return dataOf(format.validate(probe.trimmed));
    // Whatever validation accepts, it turns into this canonical serial; if that is not valid
    // (wrong check character, impossible date), neither is the input.
    if (!format.test(canonical)) return null;
    // The input is accepted for sure: the canonical serial gives the same answer, cheaply.
    if (this.#accepts(probe, canonical)) return dataOf(format.validate(canonical));
    lenientFallbacks.unsure++;
    return dataOf(format.validate(serial));
  }

  /**
   * Whether validation is sure to accept a probe whose canonical serial is valid: the probe is that
   * serial up to case, or its other characters are all separators and the format's symbols may all
   * be left out. Otherwise the format decides the long way.
   */
  #accepts(probe: Probe, canonical: string): boolean {
    const typed = probe.trimmed;
    const format = this.format;
    // Validation refuses input past twice the longest serial (and some more) without reading it.
    if (typed.length > 2 * format.maxLength) return false;
    if (!format.caseSensitive && upperCased(typed) === canonical) return true;
    if (probe.manyOthers) return false;
    for (let k = 0; k < probe.otherCount; k++) {
      if (!this.#isSeparator(probe.others[k]!)) return false;
    }
    return this.#bareAccepted();
  }

  #isSeparator(code: number): boolean {
    if (code >= 128) return false;
    this.#separators ??= new Int8Array(128);
    let known = this.#separators[code]!;
    if (known === 0) {
      const example = asciiExample(this.format);
      // Typed between the first two characters, where no literal or field can take it.
      const typed =
        example.length >= 2 ? example[0] + String.fromCharCode(code) + example.slice(1) : '';
      known = typed !== '' && this.format.validate(typed).success ? 1 : -1;
      this.#separators[code] = known;
    }
    return known === 1;
  }

  #bareAccepted(): boolean {
    if (this.#bare === 0) {
      const example = asciiExample(this.format);
      const bare = example.replace(/[^0-9A-Za-z]+/g, '');
      this.#bare = example !== '' && this.format.validate(bare).success ? 1 : -1;
    }
    return this.#bare === 1;
  }
}

/** May a field of the format read one of the probe's non-skeleton characters as data? */
function readsSymbolOf(layout: Layout, probe: Probe): boolean {
  if (!layout.readsSymbols) return false;
  if (probe.manyOthers) return true;
  const symbols = layout.fieldSymbols;
  for (let k = 0; k < probe.otherCount; k++) {
    const c = probe.others[k]!;
    if (c < 128 && symbols[c] === 1) return true;
  }
  return false;
}

function dataOf(result: ValidationResult): ParsedSerial | null {
  return result.success ? result.data : null;
}

/** The format's example when it is plain ASCII (so that it can be cut anywhere), else ''. */
function asciiExample(format: SerialFormat): string {
  const example = format.example;
  return /^[\x20-\x7e]*$/.test(example) ? example : '';
}
