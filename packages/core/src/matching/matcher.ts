import { compileFormat } from '../formats/compile.js';
import type { CompileOptions, ParsedSerial, SerialFormat } from '../formats/types.js';
import { Confirmer } from './confirm.js';
import { insert, PrefixNode, remove } from './prefix-trie.js';
import { Probe } from './probe.js';
import { type Signature, signatureOf } from './signature.js';

/** One SKU format to match against: the SKU's id and its format (compiled or as a pattern). */
export interface MatcherEntry<Id extends string = string> {
  id: Id;
  format: SerialFormat | string;
}

/** A format that accepts the serial: the entry's id and what its `validate` returned. */
export interface SerialMatch<Id extends string = string> {
  id: Id;
  data: ParsedSerial;
}

/** Options for {@link createMatcher}. */
export interface MatcherOptions {
  /** How entries given as pattern strings are compiled. */
  compile?: CompileOptions;
}

/**
 * Finds the entries whose format accepts a serial, out of thousands, without trying them all.
 * Results are exactly those of calling every entry's `format.validate(serial)` in the order the
 * entries were added, and keeping the successes. Adding and removing entries is cheap: no rebuild.
 */
export interface Matcher<Id extends string = string> {
  /** Number of entries. */
  readonly size: number;
  /**
   * Every entry whose format accepts `serial`, in the order the entries were added. Never throws;
   * anything that is not a string matches nothing.
   */
  match(serial: string): SerialMatch<Id>[];
  /**
   * The first entry, in the order they were added, whose format accepts `serial`: the same as
   * `match(serial)[0]`, without confirming the candidates after it.
   */
  matchFirst(serial: string): SerialMatch<Id> | undefined;
  /** Add an entry after the others. Several entries may share an id or a format. */
  add(entry: MatcherEntry<Id>): void;
  /** Remove every entry with this id; returns how many there were. */
  remove(id: Id): number;
}

/**
 * Index SKU formats for matching serials against all of them at once.
 *
 * The answer is always what trying every format would give: the entries whose
 * `format.validate(serial)` succeeds, in the order they were added, each with its parsed serial.
 * Typed input matches as it validates: `sn 2024 0001238` for `SN-{YYYY}-{D:6}{check:luhn}`.
 *
 * How: each probe is read once into its *skeleton* (letters and digits, case folded). Candidates
 * come from a trie on the formats' leading literals, bucketed by skeleton length, and are narrowed
 * by a mask per position of the characters each format allows (one AND per position). Most of the
 * remaining candidates are then settled through the canonical serial the skeleton makes for them:
 * the format's own `test` rules out wrong check characters and impossible dates, and `validate` of
 * that canonical serial gives the result, so the costly lenient path of `validate` runs only for
 * inputs it alone can judge (an unusual separator, a GS1 `S` field…).
 *
 * Regular expression formats (no tokens) cannot be indexed: they sit in a fallback list whose
 * formats are validated on every probe, once the index has given its candidates (results still
 * come in the order entries were added). Each costs a regular expression run per probe: keep that
 * list short, and prefer patterns for new formats.
 *
 * Entries sharing a format (the same `SerialFormat` object, or the same pattern string) are
 * validated once per probe. Formats are expected to come from `compileFormat`: the index reads
 * their tokens.
 *
 * @example
 * const matcher = createMatcher([
 *   { id: 'phone-x', format: 'SN-{YYYY}-{D:6}{check:luhn}' },
 *   { id: 'charger', format: 'CH{D:8}' },
 *   { id: 'legacy', format: compileFormat({ regex: /^L\d{5}$/ }) },
 * ]);
 * matcher.match('sn 2024 0001238'); // [{ id: 'phone-x', data: { serial: 'SN-2024-0001238', fields: {...} } }]
 * matcher.matchFirst('CH12345678')?.id; // 'charger'
 */
export function createMatcher<Id extends string = string>(
  entries: Iterable<MatcherEntry<Id>> = [],
  options: MatcherOptions = {},
): Matcher<Id> {
  const matcher = new IndexedMatcher<Id>(options);
  for (const entry of entries) matcher.add(entry);
  return matcher;
}

interface Entry<Id> {
  id: Id;
  /** Insertion order, to report matches in the order entries were added. */
  seq: number;
}

/** One distinct format and the entries that use it. */
interface FormatRecord<Id> {
  format: SerialFormat;
  confirmer: Confirmer;
  /** The pattern it was compiled from, when the entries gave a string. */
  pattern: string | undefined;
  /** By `seq`; never empty while the record is in the index. */
  entries: Entry<Id>[];
  /** Empty for fallback formats. */
  signature: Signature;
  indexed: boolean;
}

const NO_SIGNATURE: Signature = {
  prefix: [],
  min: 0,
  max: 0,
  left: new Int32Array(0),
  right: new Int32Array(0),
};

class IndexedMatcher<Id extends string> implements Matcher<Id> {
  readonly #compileOptions: CompileOptions | undefined;
  readonly #root = new PrefixNode<FormatRecord<Id>>();
  /** Formats without tokens, validated on every probe. */
  readonly #fallback: FormatRecord<Id>[] = [];
  readonly #records = new Map<SerialFormat, FormatRecord<Id>>();
  readonly #compiled = new Map<string, SerialFormat>();
  readonly #byId = new Map<Id, FormatRecord<Id>[]>();
  #size = 0;
  #seq = 0;
  /** Longest skeleton any indexed format accepts; longer probes skip the index. */
  #longest = 0;
  /** The serial being matched, read once; reused between probes. */
  readonly #probe = new Probe();

  constructor(options: MatcherOptions) {
    this.#compileOptions = options.compile;
  }

  get size(): number {
    return this.#size;
  }

  add(entry: MatcherEntry<Id>): void {
    const record = this.#recordFor(entry.format);
    record.entries.push({ id: entry.id, seq: this.#seq++ });
    const records = this.#byId.get(entry.id);
    if (!records) this.#byId.set(entry.id, [record]);
    else if (!records.includes(record)) records.push(record);
    this.#size++;
  }

  remove(id: Id): number {
    const records = this.#byId.get(id);
    if (!records) return 0;
    this.#byId.delete(id);
    let removed = 0;
    for (const record of records) {
      const before = record.entries.length;
      record.entries = record.entries.filter((entry) => entry.id !== id);
      removed += before - record.entries.length;
      if (record.entries.length === 0) this.#drop(record);
    }
    this.#size -= removed;
    return removed;
  }

  match(serial: string): SerialMatch<Id>[] {
    const hits = this.#candidates(serial);
    let first: FormatRecord<Id> | undefined;
    let firstData: ParsedSerial | undefined;
    let all: { seq: number; match: SerialMatch<Id> }[] | undefined;
    for (const record of hits) {
      const data = record.confirmer.confirm(serial, this.#probe);
      if (!data) continue;
      if (!first) {
        first = record;
        firstData = data;
        continue;
      }
      all ??= tagged(first, firstData!);
      for (const entry of record.entries) {
        all.push({ seq: entry.seq, match: { id: entry.id, data } });
      }
    }
    if (!first) return [];
    if (!all) return first.entries.map((entry) => ({ id: entry.id, data: firstData! }));
    all.sort((a, b) => a.seq - b.seq);
    return all.map((item) => item.match);
  }

  matchFirst(serial: string): SerialMatch<Id> | undefined {
    const hits = this.#candidates(serial);
    let found: SerialMatch<Id> | undefined;
    // Candidates are in the order of their first entry, so the first success is the answer.
    for (const record of hits) {
      const data = record.confirmer.confirm(serial, this.#probe);
      if (data) {
        found = { id: record.entries[0]!.id, data };
        break;
      }
    }
    return found;
  }

  #recordFor(format: SerialFormat | string): FormatRecord<Id> {
    let pattern: string | undefined;
    let compiled: SerialFormat;
    if (typeof format === 'string') {
      pattern = format;
      compiled = this.#compiled.get(format) ?? compileFormat(format, this.#compileOptions);
      this.#compiled.set(format, compiled);
    } else {
      compiled = format;
    }
    let record = this.#records.get(compiled);
    if (record) {
      record.pattern ??= pattern;
      return record;
    }
    const indexed = compiled.tokens.length > 0;
    record = {
      format: compiled,
      confirmer: new Confirmer(compiled),
      pattern,
      entries: [],
      signature: indexed ? signatureOf(compiled.tokens, compiled.caseSensitive) : NO_SIGNATURE,
      indexed,
    };
    this.#records.set(compiled, record);
    if (indexed) {
      insert(this.#root, record);
      this.#longest = Math.max(this.#longest, record.signature.max);
    } else {
      this.#fallback.push(record);
    }
    return record;
  }

  #drop(record: FormatRecord<Id>): void {
    this.#records.delete(record.format);
    if (record.pattern !== undefined) this.#compiled.delete(record.pattern);
    if (record.indexed) remove(this.#root, record);
    else this.#fallback.splice(this.#fallback.indexOf(record), 1);
    // #longest stays: it is only an upper bound that lets long probes skip the index.
  }

  /**
   * The formats that may accept `serial`, ordered by their first entry: index candidates whose
   * signature fits, then every fallback format. (A fresh array: emptying a reused one through
   * `length` costs more than a new one.)
   */
  #candidates(serial: string): FormatRecord<Id>[] {
    const hits: FormatRecord<Id>[] = [];
    if (typeof serial !== 'string') return hits;
    const probe = this.#probe;
    probe.read(serial, this.#longest);
    const n = probe.length;
    if (n >= 0) {
      const { bits, keys } = probe;
      let node: PrefixNode<FormatRecord<Id>> | undefined = this.#root;
      let depth = 0;
      while (node) {
        node.buckets[n]?.collect(bits, depth, hits);
        for (const record of node.wide) {
          const { min, max } = record.signature;
          if (n >= min && n <= max && fits(record.signature, bits, n)) hits.push(record);
        }
        if (depth === n) break;
        node = node.children.get(keys[depth++]!);
      }
    }
    for (const record of this.#fallback) hits.push(record);
    if (hits.length > 1) sortByFirstEntry(hits);
    return hits;
  }
}

/** Does a probe skeleton of length `n` (already within the signature's range) fit its masks? */
function fits(signature: Signature, probe: Int32Array, n: number): boolean {
  const { left, right } = signature;
  // The trie already checked the literal prefix.
  const end = Math.min(left.length, n);
  for (let p = signature.prefix.length; p < end; p++)
    if ((left[p]! & probe[p]!) === 0) return false;
  const back = Math.min(right.length, n);
  for (let q = 0; q < back; q++) if ((right[q]! & probe[n - 1 - q]!) === 0) return false;
  return true;
}

function sortByFirstEntry<Id>(records: FormatRecord<Id>[]): void {
  // Insertion sort: candidate lists are short and often already in order.
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    const seq = record.entries[0]!.seq;
    let j = i - 1;
    while (j >= 0 && records[j]!.entries[0]!.seq > seq) {
      records[j + 1] = records[j]!;
      j--;
    }
    records[j + 1] = record;
  }
}

function tagged<Id extends string>(
  record: FormatRecord<Id>,
  data: ParsedSerial,
): { seq: number; match: SerialMatch<Id> }[] {
  return record.entries.map((entry) => ({ seq: entry.seq, match: { id: entry.id, data } }));
}
