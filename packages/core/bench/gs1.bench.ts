/**
 * GS1 parsing: raw element strings against bark-js (the reader 3× faster, the public `parseGs1`
 * 2×), Digital Link URIs against digital-link.js (reported in URIs per second) and an absolute
 * floor of 500,000 URIs per second for `parseDigitalLink` and for `parseGs1`.
 */
import { createRequire } from 'node:module';
import {
  measureInTurns,
  nsPerOp,
  type Report,
  seededRandom,
} from '../../../scripts/bench/report.js';
import {
  computeGtinCheckDigit,
  parseDigitalLink,
  parseElementString,
  parseGs1,
} from '../src/gs1/index.js';

const require = createRequire(import.meta.url);
const bark = require('bark-js') as (barcode: string) => { elements: unknown[] };
const { DigitalLink } = require('digital-link.js') as {
  DigitalLink: (uri: string) => { getIdentifier(): Record<string, string> };
};

const SIZE = 1024;

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Unit identifiers as labels carry them: GTIN, expiry, lot and serial. */
function units(): { gtin: string; expiry: string; lot: string; serial: string }[] {
  const next = seededRandom(82);
  const pick = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += ALNUM[Math.floor(next() * ALNUM.length)];
    return s;
  };
  return Array.from({ length: SIZE }, () => {
    let data = '0';
    for (let i = 0; i < 12; i++) data += Math.floor(next() * 10);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    return {
      gtin: data + computeGtinCheckDigit(data),
      expiry: `${26 + Math.floor(next() * 5)}${month}00`,
      lot: pick(3 + Math.floor(next() * 6)),
      serial: pick(6 + Math.floor(next() * 10)),
    };
  });
}

/** Flat copies, as strings arrive from a scanner or a request. */
const flat = (strings: string[]) => JSON.parse(JSON.stringify(strings)) as string[];

export default function gs1Bench(report: Report): void {
  const list = units();
  const mask = SIZE - 1;

  const raw = flat(
    list.map(
      (u, k) => `${k % 2 ? ']C1' : ''}01${u.gtin}17${u.expiry}10${u.lot}\u001d21${u.serial}`,
    ),
  );
  for (const s of raw) {
    if (!parseElementString(s).success) throw new Error(`ours rejects ${s}`);
    if (bark(s).elements.length !== 4) throw new Error(`bark-js misreads ${s}`);
  }
  const [oursRaw = 0, barkRaw = 0, oursGs1Raw = 0] = measureInTurns(
    (i) => parseElementString(raw[i & mask]!),
    (i) => bark(raw[i & mask]!),
    (i) => parseGs1(raw[i & mask]!),
  );
  report.add({
    group: 'gs1',
    case: 'element string parse (raw, 4 AIs)',
    ours: oursRaw,
    baseline: barkRaw,
    baselineName: 'bark-js',
    unit: 'ns/op',
    minRatio: 3,
  });
  report.add({
    group: 'gs1',
    case: 'parseGs1 (raw element string, 4 AIs)',
    ours: oursGs1Raw,
    baseline: barkRaw,
    baselineName: 'bark-js',
    unit: 'ns/op',
    minRatio: 2,
    note: 'ours also checks duplicates and builds the ais record and the ISO expiry date',
  });

  const uris = flat(
    list.map(
      (u, k) =>
        `https://${k % 2 ? 'id.gs1.org' : 'brand.example.com/p'}/01/${u.gtin}/10/${u.lot}/21/${u.serial}?17=${u.expiry}`,
    ),
  );
  for (const s of uris) if (!parseDigitalLink(s).success) throw new Error(`ours rejects ${s}`);
  const [oursNs = 0, gs1Ns = 0] = measureInTurns(
    (i) => parseDigitalLink(uris[i & mask]!),
    (i) => parseGs1(uris[i & mask]!),
  );
  // digital-link.js takes about a millisecond per URI: a few hundred are enough.
  const theirsNs = nsPerOp((i) => DigitalLink(uris[i & mask]!).getIdentifier(), 300, 3);
  const perSecond = (ns: number) => 1e9 / ns;
  report.add({
    group: 'gs1',
    case: 'Digital Link parse',
    ours: perSecond(oursNs),
    baseline: perSecond(theirsNs),
    baselineName: 'digital-link.js',
    unit: 'ops/s',
  });
  report.absolute({
    group: 'gs1',
    case: 'Digital Link parse throughput',
    value: perSecond(oursNs),
    unit: 'ops/s',
    target: '≥ 500,000/s',
    met: perSecond(oursNs) >= 500_000,
  });
  report.absolute({
    group: 'gs1',
    case: 'parseGs1 (Digital Link) throughput',
    value: perSecond(gs1Ns),
    unit: 'ops/s',
    target: '≥ 500,000/s',
    met: perSecond(gs1Ns) >= 500_000,
  });
}
