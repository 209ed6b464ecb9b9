/**
 * The candidate index: a trie on the skeleton groups of each format's leading literals, whose
 * nodes bucket their formats by skeleton length. A probe walks the trie along its own skeleton and
 * reads one bucket per node it passes, so it only ever sees formats whose literal prefix it carries
 * and whose length range holds its length.
 */
import type { Signature } from './signature.js';

/** Formats whose length range spans more lengths than this sit in a node's `wide` list instead. */
const BUCKET_SPAN = 32;

/** Something the trie can hold: a signature and the node it was put in. */
export interface Indexed {
  readonly signature: Signature;
}

export class PrefixNode<T extends Indexed> {
  /** Children by the group *bit* (`1 << group`) of the next prefix character. */
  readonly children = new Map<number, PrefixNode<T>>();
  /** `buckets[n]`: the formats ending here that can have a skeleton of length `n`. */
  readonly buckets: (T[] | undefined)[] = [];
  /** Formats ending here with a length range too wide to bucket (checked against the range). */
  readonly wide: T[] = [];
}

/** Put `item` in the node of its prefix, creating nodes as needed. */
export function insert<T extends Indexed>(root: PrefixNode<T>, item: T): void {
  const node = nodeFor(root, item.signature.prefix, true)!;
  const { min, max } = item.signature;
  if (max - min >= BUCKET_SPAN) {
    node.wide.push(item);
    return;
  }
  for (let n = min; n <= max; n++) {
    const bucket = node.buckets[n];
    if (bucket) bucket.push(item);
    else node.buckets[n] = [item];
  }
}

/** Take `item` out of the trie again. Emptied nodes stay: they cost a map entry each. */
export function remove<T extends Indexed>(root: PrefixNode<T>, item: T): void {
  const node = nodeFor(root, item.signature.prefix, false);
  if (!node) return;
  const { min, max } = item.signature;
  if (max - min >= BUCKET_SPAN) {
    removeFrom(node.wide, item);
    return;
  }
  for (let n = min; n <= max; n++) {
    const bucket = node.buckets[n];
    if (bucket) removeFrom(bucket, item);
  }
}

function nodeFor<T extends Indexed>(
  root: PrefixNode<T>,
  prefix: readonly number[],
  create: boolean,
): PrefixNode<T> | undefined {
  let node = root;
  for (const group of prefix) {
    const bit = 1 << group;
    let child = node.children.get(bit);
    if (!child) {
      if (!create) return undefined;
      child = new PrefixNode<T>();
      node.children.set(bit, child);
    }
    node = child;
  }
  return node;
}

function removeFrom<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
