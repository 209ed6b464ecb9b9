/**
 * A serial being matched, read once: its skeleton (letters and digits, as typed, as group bits and
 * as trie keys) and the other characters it holds. Reused from probe to probe.
 */
import { inputCode } from '../formats/char-classes.js';
import { GROUP, KEY } from './signature.js';

// Local bindings: some loaders turn imported bindings into getters, too slow per character.
const groupOf: Int8Array = GROUP;
const keyOf: Int16Array = KEY;

/** More distinct non-skeleton characters than this, and the probe stops listing them. */
const MAX_OTHERS = 8;

export class Probe {
  /** The serial, trimmed as validation trims it. */
  trimmed = '';
  /** Skeleton length, or -1 when longer than the limit given to {@link Probe.read}. */
  length = 0;
  /** Group bit (`1 << group`) of each skeleton character. */
  bits = new Int32Array(64);
  /** Trie key (upper-cased code) of each skeleton character. */
  keys = new Uint8Array(64);
  /** Input code of each skeleton character, case as typed. */
  codes = new Uint8Array(64);
  /** The distinct other characters (separators, symbols…), as validation maps them. */
  readonly others = new Int32Array(MAX_OTHERS);
  otherCount = 0;
  /** More distinct other characters than `others` holds. */
  manyOthers = false;

  /** Read `serial`, giving up on the skeleton (length -1) past `limit` characters. */
  read(serial: string, limit: number): void {
    const s = serial.trim();
    this.trimmed = s;
    this.otherCount = 0;
    this.manyOthers = false;
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 128) {
        // Rare: map it as validation does (full-width and other compatibility forms → ASCII).
        const low = c >= 0xd800 && c <= 0xdbff ? s.charCodeAt(i + 1) : 0;
        const width = low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
        c = inputCode(s.slice(i, i + width));
        i += width - 1;
        if (c < 0) continue;
      } else if (c >= 9 && c <= 13) {
        c = 32;
      }
      const group = c < 128 ? groupOf[c]! : -1;
      if (group < 0) {
        this.#other(c);
        continue;
      }
      if (n >= limit) {
        this.length = -1;
        return;
      }
      if (n === this.bits.length) this.#grow();
      this.bits[n] = 1 << group;
      this.keys[n] = keyOf[c]!;
      this.codes[n] = c;
      n++;
    }
    this.length = n;
  }

  #other(c: number): void {
    const others = this.others;
    for (let k = 0; k < this.otherCount; k++) if (others[k] === c) return;
    if (this.otherCount === MAX_OTHERS) this.manyOthers = true;
    else others[this.otherCount++] = c;
  }

  #grow(): void {
    const size = this.bits.length * 2;
    const bits = new Int32Array(size);
    bits.set(this.bits);
    this.bits = bits;
    const keys = new Uint8Array(size);
    keys.set(this.keys);
    this.keys = keys;
    const codes = new Uint8Array(size);
    codes.set(this.codes);
    this.codes = codes;
  }
}
