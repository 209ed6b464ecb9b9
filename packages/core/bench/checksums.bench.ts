/**
 * Check character validation: ours against a hand-written loop of the same algorithm (target: no
 * more than 1.25× slower) and against the fastest npm package for it (target: 2× faster). Every
 * contender validates the same precomputed array of valid strings.
 *
 * Luhn is the exception: the fastest package (fast-luhn) already reads each character once, which
 * is the limit for any validator, so 2× is out of reach by construction. Its targets are 1.1× that
 * package and 1× the hand-written loop.
 */
import { createRequire } from 'node:module';
import * as cdigit from 'cdigit';
import { measureInTurns, type Report, seededRandom } from '../../../scripts/bench/report.js';
import { type CheckAlgorithmName, checksums } from '../src/checksums/index.js';
import { GS1_SET_82 } from '../src/gs1/character-sets.js';

const require = createRequire(import.meta.url);
const fastLuhn = require('fast-luhn') as (s: string) => boolean;
const luhnJs = require('luhn-js') as { isValid(s: string): boolean };
const iso7064 = require('iso-7064') as { compute(s: string): number };
const dammPkg = require('damm') as { verify(s: string): boolean };
const verhoeffPkg = require('verhoeff') as { validate(s: string): boolean };
const gtinPkg = require('gtin') as { isValid(s: string): boolean };

const SIZE = 1024;

function validInputs(name: CheckAlgorithmName, chars: string, length: number): string[] {
  const next = seededRandom(name.length * 7919 + length);
  const algorithm = checksums[name];
  const inputs: string[] = [];
  for (let k = 0; k < SIZE; k++) {
    let data = '';
    for (let i = 0; i < length; i++) data += chars[Math.floor(next() * chars.length)];
    inputs.push(data + algorithm.compute(data));
  }
  // Concatenation leaves ropes; serials read from JSON, CSV or a database arrive flat.
  return JSON.parse(JSON.stringify(inputs)) as string[];
}

// ---- Hand-written baselines: the loop a competent engineer writes for each algorithm. ----

const LUHN_DOUBLE = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
function baselineLuhn(s: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += double ? LUHN_DOUBLE[d]! : d;
    double = !double;
  }
  return s.length > 1 && sum % 10 === 0;
}

function baselineGs1(s: string): boolean {
  let sum = 0;
  let weight = 1;
  for (let i = s.length - 1; i >= 0; i--) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * weight;
    weight = 4 - weight;
  }
  return s.length > 1 && sum % 10 === 0;
}

/** 0-9 → 0-9, A-Z → 10-35 (upper case only, as the inputs are), else -1. */
function alnum(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

function baselineMod11_2(s: string): boolean {
  const n = s.length;
  if (n < 2) return false;
  let p = 0;
  for (let i = 0; i < n - 1; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    p = (p * 2 + d) % 11;
  }
  const last = s.charCodeAt(n - 1);
  const check = last === 88 ? 10 : last - 48;
  if (check < 0 || check > 10) return false;
  return (p * 2 + check) % 11 === 1;
}

function baselineMod37_2(s: string): boolean {
  const n = s.length;
  if (n < 2) return false;
  let p = 0;
  for (let i = 0; i < n - 1; i++) {
    const v = alnum(s.charCodeAt(i));
    if (v < 0) return false;
    p = (p * 2 + v) % 37;
  }
  const last = s.charCodeAt(n - 1);
  const check = last === 42 ? 36 : alnum(last);
  if (check < 0) return false;
  return (p * 2 + check) % 37 === 1;
}

function baselineMod97_10(s: string): boolean {
  if (s.length < 3) return false;
  let p = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    p = (p * 10 + d) % 97;
  }
  return p === 1;
}

function baselineHybrid(s: string, m: number, value: (c: number) => number): boolean {
  if (s.length < 2) return false;
  let p = m;
  for (let i = 0; i < s.length; i++) {
    const v = value(s.charCodeAt(i));
    if (v < 0 || v >= m) return false;
    const t = (p + v) % m || m;
    if (i === s.length - 1) return t === 1;
    p = (t * 2) % (m + 1);
  }
  return false;
}
const digit = (c: number) => (c >= 48 && c <= 57 ? c - 48 : -1);
const baselineMod11_10 = (s: string) => baselineHybrid(s, 10, digit);
const baselineMod37_36 = (s: string) => baselineHybrid(s, 36, alnum);

const DAMM = new Uint8Array([
  0, 3, 1, 7, 5, 9, 8, 6, 4, 2, 7, 0, 9, 2, 1, 5, 4, 8, 6, 3, 4, 2, 0, 6, 8, 7, 1, 3, 5, 9, 1, 7, 5,
  0, 9, 8, 3, 4, 2, 6, 6, 1, 2, 3, 0, 4, 5, 9, 7, 8, 3, 6, 7, 4, 2, 0, 9, 5, 8, 1, 5, 8, 6, 9, 7, 2,
  0, 1, 3, 4, 8, 9, 4, 5, 3, 6, 2, 0, 1, 7, 9, 4, 3, 8, 6, 1, 7, 2, 0, 5, 2, 5, 8, 1, 4, 3, 6, 7, 9,
  0,
]);
function baselineDamm(s: string): boolean {
  let interim = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    interim = DAMM[interim * 10 + d]!;
  }
  return s.length > 1 && interim === 0;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
function baselineVerhoeff(s: string): boolean {
  let c = 0;
  for (let i = s.length - 1, pos = 0; i >= 0; i--, pos++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    c = VERHOEFF_D[c]![VERHOEFF_P[pos & 7]![d]!]!;
  }
  return s.length > 1 && c === 0;
}

const CROCKFORD_CHECK = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';
const CROCKFORD_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CROCKFORD_CHECK.length; i++) CROCKFORD_VALUE[CROCKFORD_CHECK.charCodeAt(i)] = i;
function baselineCrockford(s: string): boolean {
  const n = s.length;
  if (n < 2) return false;
  let r = 0;
  for (let i = 0; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? CROCKFORD_VALUE[c]! : -1;
    if (v < 0 || v > 31) return false;
    r = (r * 32 + v) % 37;
  }
  const c = s.charCodeAt(n - 1);
  return c < 128 && CROCKFORD_VALUE[c] === r;
}

const SET_82_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < GS1_SET_82.length; i++) SET_82_VALUE[GS1_SET_82.charCodeAt(i)] = i;
const PRIMES = [
  2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
];
const SET_32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function baselineGs1Pair(s: string): boolean {
  const end = s.length - 2;
  if (end < 1 || end > PRIMES.length) return false;
  let sum = 0;
  for (let i = end - 1, w = 0; i >= 0; i--, w++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? SET_82_VALUE[c]! : -1;
    if (v < 0) return false;
    sum += v * PRIMES[w]!;
  }
  sum %= 1021;
  return s[end] === SET_32[sum >> 5] && s[end + 1] === SET_32[sum & 31];
}

/** Reads every character and nothing else: no validator can beat this. */
function readAll(s: string): boolean {
  let x = 0;
  for (let i = 0; i < s.length; i++) x += s.charCodeAt(i);
  return x > 0;
}

// ---- Cases ----

const NUMERIC = '0123456789';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

interface Case {
  name: CheckAlgorithmName;
  /** Data characters and length of the generated inputs (before the check characters). */
  chars: string;
  length: number;
  baseline: (s: string) => boolean;
  packages: [string, (s: string) => boolean][];
  /** Targets as ratios (≥ 1 is faster): against the hand-written loop and the fastest package. */
  targets?: { baseline: number; packages: number };
}

const DEFAULT_TARGETS = { baseline: 0.8, packages: 2 };

const CASES: Case[] = [
  {
    name: 'luhn',
    chars: NUMERIC,
    length: 15,
    baseline: baselineLuhn,
    // fast-luhn reads each character once, as we do: that is the limit, not a 2× margin.
    targets: { baseline: 1, packages: 1.1 },
    packages: [
      ['fast-luhn', fastLuhn],
      ['luhn-js', (s) => luhnJs.isValid(s)],
      ['cdigit', (s) => cdigit.luhn.validate(s)],
    ],
  },
  {
    name: 'gs1',
    chars: NUMERIC,
    length: 13,
    baseline: baselineGs1,
    packages: [
      ['gtin', (s) => gtinPkg.isValid(s)],
      ['cdigit', (s) => cdigit.gtin.validate(s)],
    ],
  },
  {
    name: 'mod11-2',
    chars: NUMERIC,
    length: 15,
    baseline: baselineMod11_2,
    packages: [['cdigit', (s) => cdigit.mod11_2.validate(s)]],
  },
  {
    name: 'mod37-2',
    chars: ALPHANUMERIC,
    length: 12,
    baseline: baselineMod37_2,
    packages: [['cdigit', (s) => cdigit.mod37_2.validate(s)]],
  },
  {
    name: 'mod97-10',
    chars: NUMERIC,
    length: 22,
    baseline: baselineMod97_10,
    packages: [
      ['iso-7064', (s) => iso7064.compute(s) === 1],
      ['cdigit', (s) => cdigit.mod97_10.validate(s)],
    ],
  },
  {
    name: 'mod11-10',
    chars: NUMERIC,
    length: 15,
    baseline: baselineMod11_10,
    packages: [['cdigit', (s) => cdigit.mod11_10.validate(s)]],
  },
  {
    name: 'mod37-36',
    chars: ALPHANUMERIC,
    length: 12,
    baseline: baselineMod37_36,
    packages: [['cdigit', (s) => cdigit.mod37_36.validate(s)]],
  },
  {
    name: 'damm',
    chars: NUMERIC,
    length: 15,
    baseline: baselineDamm,
    packages: [
      ['damm', (s) => dammPkg.verify(s)],
      ['cdigit', (s) => cdigit.damm.validate(s)],
    ],
  },
  {
    name: 'verhoeff',
    chars: NUMERIC,
    length: 15,
    baseline: baselineVerhoeff,
    packages: [
      ['verhoeff', (s) => verhoeffPkg.validate(s)],
      ['cdigit', (s) => cdigit.verhoeff.validate(s)],
    ],
  },
  {
    name: 'crockford',
    chars: '0123456789ABCDEFGHJKMNPQRSTVWXYZ',
    length: 13,
    baseline: baselineCrockford,
    packages: [],
  },
  {
    name: 'gs1-pair',
    chars: GS1_SET_82,
    length: 20,
    baseline: baselineGs1Pair,
    packages: [],
  },
];

export default function checksumsBench(report: Report): void {
  for (const c of CASES) {
    const targets = c.targets ?? DEFAULT_TARGETS;
    const inputs = validInputs(c.name, c.chars, c.length);
    const contenders: [string, (s: string) => boolean][] = [
      ['ours', checksums[c.name].validate],
      ['baseline', c.baseline],
      ...c.packages,
    ];
    // Every contender must accept every input, or the comparison means nothing.
    for (const [who, fn] of contenders) {
      for (const s of inputs) if (!fn(s)) throw new Error(`${who} rejects valid ${c.name} ${s}`);
    }
    const mask = SIZE - 1;
    // The floor only reads every character of the same strings, as each contender must.
    const [floor = 0, ours = 0, baseline = 0, ...packageNs] = measureInTurns(
      ...[readAll, ...contenders.map(([, fn]) => fn)].map(
        (fn) => (i: number) => fn(inputs[i & mask]!),
      ),
    );
    report.add({
      group: 'checksums',
      case: `${c.name} validate`,
      ours,
      baseline,
      baselineName: 'hand-written loop',
      unit: 'ns/op',
      minRatio: targets.baseline,
    });
    if (c.packages.length === 0) continue;
    const timed = c.packages.map(([who], k) => ({ who, ns: packageNs[k]! }));
    const fastest = timed.reduce((a, b) => (b.ns < a.ns ? b : a));
    report.add({
      group: 'checksums',
      case: `${c.name} validate vs npm`,
      ours,
      baseline: fastest.ns,
      baselineName: fastest.who,
      unit: 'ns/op',
      minRatio: targets.packages,
      note: `${timed.map((t) => `${t.who} ${t.ns.toFixed(1)} ns`).join(', ')}; floor (charCodeAt of every character) ${floor.toFixed(1)} ns`,
    });
  }
}
