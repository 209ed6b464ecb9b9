/**
 * The candidate index: a trie on the skeleton characters of each format's leading literals, whose
 * nodes bucket their formats by skeleton length. A probe walks the trie along its own skeleton and
 * reads one bucket per node it passes, so it only ever sees formats whose literal prefix it carries
 * and whose length range holds its length. Within a bucket the length is known, so each format's
 * mask for every position sits in one flat array: a probe scans contiguous memory, one AND per
 * position, and stops at the first position that does not fit.
 */
import { ANY, type Signature } from './signature.js';

/** Formats whose length range spans more lengths than this sit in a node's `wide` list instead. */
const BUCKET_SPAN = 32;

/** Something the trie can hold. */
export interface Indexed {
  readonly signature: Signature;
}

/** The formats of one node that can have a skeleton of one length. */
export class Bucket<T extends Indexed> {
  readonly items: T[] = [];
  /** Positions checked per item: the skeleton length less the prefix the trie already checked. */
  readonly width: number;
  /** `masks[i * width + j]`: the groups `items[i]` allows at position `depth + j`. */
  #masks: Int32Array;

  constructor(width: number) {
    this.width = width;
    this.#masks = new Int32Array(Math.max(width, 1) * 4);
  }

  add(item: T, depth: number, length: number): void {
    const { width } = this;
    const at = this.items.length * width;
    if (at + width > this.#masks.length) {
      const grown = new Int32Array(Math.max(this.#masks.length * 2, at + width));
      grown.set(this.#masks);
      this.#masks = grown;
    }
    const { left, right } = item.signature;
    for (let j = 0; j < width; j++) {
      const p = depth + j;
      const q = length - 1 - p;
      this.#masks[at + j] =
        (p < left.length ? left[p]! : ANY) & (q < right.length ? right[q]! : ANY);
    }
    this.items.push(item);
  }

  remove(item: T): void {
    const i = this.items.indexOf(item);
    if (i < 0) return;
    const { width } = this;
    this.#masks.copyWithin(i * width, (i + 1) * width, this.items.length * width);
    this.items.splice(i, 1);
  }

  /** Push every item whose masks fit `bits[depth, depth + width)` onto `out`. */
  collect(bits: Int32Array, depth: number, out: T[]): void {
    const { width, items } = this;
    const masks = this.#masks;
    for (let i = 0, base = 0; i < items.length; i++, base += width) {
      let j = 0;
      while (j < width && (masks[base + j]! & bits[depth + j]!) !== 0) j++;
      if (j === width) out.push(items[i]!);
    }
  }
}

export class PrefixNode<T extends Indexed> {
  /** Children by the key (upper-cased character code) of the next prefix character. */
  readonly children = new Map<number, PrefixNode<T>>();
  /** `buckets[n]`: the formats ending here that can have a skeleton of length `n`. */
  readonly buckets: (Bucket<T> | undefined)[] = [];
  /** Formats ending here with a length range too wide to bucket (checked against the range). */
  readonly wide: T[] = [];
}

/** Put `item` in the node of its prefix, creating nodes as needed. */
export function insert<T extends Indexed>(root: PrefixNode<T>, item: T): void {
  const { prefix, min, max } = item.signature;
  const node = nodeFor(root, prefix, true)!;
  if (max - min >= BUCKET_SPAN) {
    node.wide.push(item);
    return;
  }
  for (let n = min; n <= max; n++) {
    let bucket = node.buckets[n];
    if (!bucket) {
      bucket = new Bucket<T>(n - prefix.length);
      node.buckets[n] = bucket;
    }
    bucket.add(item, prefix.length, n);
  }
}

/** Take `item` out of the trie again. Emptied nodes stay: they cost a map entry each. */
export function remove<T extends Indexed>(root: PrefixNode<T>, item: T): void {
  const { prefix, min, max } = item.signature;
  const node = nodeFor(root, prefix, false);
  if (!node) return;
  if (max - min >= BUCKET_SPAN) {
    const at = node.wide.indexOf(item);
    if (at >= 0) node.wide.splice(at, 1);
    return;
  }
  for (let n = min; n <= max; n++) node.buckets[n]?.remove(item);
}

function nodeFor<T extends Indexed>(
  root: PrefixNode<T>,
  prefix: readonly number[],
  create: boolean,
): PrefixNode<T> | undefined {
  let node = root;
  for (const key of prefix) {
    let child = node.children.get(key);
    if (!child) {
      if (!create) return undefined;
      child = new PrefixNode<T>();
      node.children.set(key, child);
    }
    node = child;
  }
  return node;
}
