/**
 * The units every store case registers: one SKU with a realistic check-digit format, serials in
 * manufacturing order, ten lots of equal size, and a reproducible sample of serials to look up.
 * Generated once, before any timing, and shared by ours and the baselines.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export const SKU = 'KB-100';
/** Ten million serials a year with a Luhn check digit over the year and the number. */
export const FORMAT = 'SN-{YYYY}-{D:7}{check:luhn}';
export const LOTS = 10;
/** What the rows' `registeredAt` and the baselines' timestamps look like. */
export const REGISTERED_AT = '2024-05-01T08:00:00.000Z';

export interface Fixture {
  units: number;
  /** Canonical serials, ascending (the order they are registered in). */
  serials: string[];
  /** The register input: `{ serial, lot }` per unit. */
  rows: { serial: string; lot: string }[];
  /** Serials to look up, drawn at random (seeded) from `serials`. */
  sample: string[];
  /** A serial range holding exactly a tenth of the units. */
  range: { from: string; to: string };
  /** A lot holding exactly a tenth of the units. */
  lot: string;
}

/** The lot of the unit at `index` out of `units`. */
export function lotOf(index: number, units: number): string {
  return `L${String(Math.floor((index * LOTS) / units) + 1).padStart(2, '0')}`;
}

/** Unit keys as the client computes them for 'sku' uniqueness (see `SerialInsert.uniqueKey`). */
export function uniqueKeyOf(serial: string): string {
  return `${SKU}\u001f${serial}`;
}

/** A small seeded PRNG (mulberry32): the same sample on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFixture(
  generate: (sequence: number) => string,
  units: number,
  sampleSize: number,
): Fixture {
  const generated: string[] = new Array(units);
  for (let i = 0; i < units; i++) generated[i] = generate(i + 1);
  // Serials arrive flat from files and databases, not as the ropes concatenation leaves.
  const serials = JSON.parse(JSON.stringify(generated)) as string[];
  const rows = serials.map((serial, i) => ({ serial, lot: lotOf(i, units) }));
  const next = random(0x5e71a1);
  const sample = Array.from(
    { length: sampleSize },
    () => serials[Math.floor(next() * units)] as string,
  );
  const tenth = Math.floor(units / LOTS);
  const first = 3 * tenth;
  return {
    units,
    serials,
    rows,
    sample,
    range: { from: serials[first] as string, to: serials[first + tenth - 1] as string },
    lot: lotOf(first, units),
  };
}

/** Writes the fixture as a units CSV (`sku,serial,lot`) for the import case. */
export async function writeCsv(path: string, fixture: Fixture): Promise<void> {
  const out = createWriteStream(path);
  out.write('sku,serial,lot\n');
  const chunk = 10_000;
  for (let start = 0; start < fixture.units; start += chunk) {
    let text = '';
    const end = Math.min(fixture.units, start + chunk);
    for (let i = start; i < end; i++) {
      const row = fixture.rows[i] as { serial: string; lot: string };
      text += `${SKU},${row.serial},${row.lot}\n`;
    }
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
