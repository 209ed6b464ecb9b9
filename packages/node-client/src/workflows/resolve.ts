/**
 * Reading a serial as a person typed or scanned it: with a SKU, through every tracked SKU's
 * format, or from a GS1 Digital Link / element string (GTIN → SKU, AI 21 → serial).
 */
import { createIssue, type Issue, type SerialRecord, type Sku } from '@serialkit/core';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Candidate, CatalogSnapshot, ClientContext } from './context.js';
import { wireIssues } from './input.js';
import { compositeKey } from './keys.js';
import { readScanned } from './scanned.js';

export type Resolution =
  /** The input cannot be a serial of the given SKU or of any tracked SKU. */
  | { kind: 'invalid'; issues: Issue[] }
  /** `options.sku` does not exist. */
  | { kind: 'unknown_sku'; sku: string }
  /** The input reads as a serial, but no such unit is registered. */
  | { kind: 'unknown'; serial: string; skus: Sku[] }
  /** Registered units the input denotes (several only when SKUs share a serial). */
  | { kind: 'found'; serial: string; units: SerialRecord[] };

/** How the input reads: candidate units, or why none. */
type Reading =
  | Extract<Resolution, { kind: 'invalid' | 'unknown_sku' | 'unknown' }>
  | {
      kind: 'candidates';
      candidates: Candidate[];
      /** Why no format reads the input, for when no unit is found either. */
      issues: Issue[];
      /**
       * Units of SKUs missing from this snapshot (those with tracking off) also match the
       * trimmed input verbatim.
       */
      untrackedIn?: CatalogSnapshot;
    };

/**
 * Resolves typed input to registered units. Never throws for bad input: the verdict says what
 * was wrong.
 */
export async function resolveSerial(
  ctx: ClientContext,
  input: string,
  options: { sku?: string | undefined } = {},
): Promise<Resolution> {
  const reading = await read(ctx, input, options.sku);
  if (reading.kind !== 'candidates') return reading;
  const { candidates, untrackedIn } = reading;
  const units = await findUnits(
    ctx,
    candidates,
    untrackedIn && { serial: input.trim(), untrackedIn },
  );
  if (units.length > 0) return { kind: 'found', serial: units[0]!.serial, units };
  if (candidates.length === 0) return { kind: 'invalid', issues: reading.issues };
  return {
    kind: 'unknown',
    serial: candidates[0]!.serial,
    skus: candidates.map((candidate) => candidate.sku),
  };
}

async function read(
  ctx: ClientContext,
  input: string,
  skuId: string | undefined,
): Promise<Reading> {
  const trimmed = input.trim();
  if (trimmed.length === 0) {
    return {
      kind: 'invalid',
      issues: wireIssues([createIssue({ code: 'empty', input }, ctx.locale)]),
    };
  }
  if (skuId !== undefined) {
    const sku = await ctx.store.getSku(skuId);
    if (!sku) return { kind: 'unknown_sku', sku: skuId };
    // A scanned code is read first: its AI 21 is the serial, its GTIN must be the SKU's.
    const scanning = readScanned(ctx, trimmed, sku);
    let typed = input;
    if (scanning) {
      const scanned = await scanning;
      if (!scanned.ok) return { kind: 'invalid', issues: scanned.issues };
      typed = scanned.serial;
    }
    const result = ctx.formats.of(sku).validate(typed);
    if (!result.success) return { kind: 'invalid', issues: wireIssues(result.issues) };
    return { kind: 'candidates', candidates: [{ sku, serial: result.data.serial }], issues: [] };
  }
  const scanning = readScanned(ctx, trimmed);
  if (scanning) {
    const scanned = await scanning;
    if (!scanned.ok) {
      return scanned.reason === 'unknown_gtin'
        ? { kind: 'unknown', serial: scanned.serial, skus: [] }
        : { kind: 'invalid', issues: scanned.issues };
    }
    if (scanned.gtin !== undefined) {
      const candidates: Candidate[] = [];
      let issues: Issue[] = [];
      for (const sku of scanned.skus) {
        const result = ctx.formats.of(sku).validate(scanned.serial);
        if (result.success) candidates.push({ sku, serial: result.data.serial });
        else issues = wireIssues(result.issues);
      }
      return { kind: 'candidates', candidates, issues };
    }
  }
  const snapshot = await ctx.catalog.snapshot();
  const { candidates, issues } = snapshot.match(input);
  // Units of SKUs whose tracking was turned off have no format in the catalog: find them when
  // typed exactly.
  return { kind: 'candidates', candidates, issues, untrackedIn: snapshot };
}

/** Units of the candidates, plus verbatim matches of SKUs missing from `exact.untrackedIn`. */
async function findUnits(
  ctx: ClientContext,
  candidates: Candidate[],
  exact: { serial: string; untrackedIn: CatalogSnapshot } | undefined,
): Promise<SerialRecord[]> {
  const wanted = new Set(candidates.map((c) => compositeKey(c.sku.sku, c.serial)));
  const serials = new Set(candidates.map((c) => c.serial));
  if (exact) serials.add(exact.serial);
  const units: SerialRecord[] = [];
  for (const serial of serials) {
    for (const record of await ctx.store.findSerial(serial)) {
      const key = compositeKey(record.sku, record.serial);
      if (
        wanted.has(key) ||
        (record.serial === exact?.serial && exact.untrackedIn.get(record.sku) === undefined)
      ) {
        wanted.delete(key); // the same unit can be reached through two candidates
        units.push(record);
      }
    }
  }
  return units;
}

/**
 * Exactly one unit for merchant workflows: `NotFoundError`-free shape where the caller decides,
 * but several SKUs sharing the serial need the caller to name the SKU.
 */
export function singleUnit(units: SerialRecord[], input: string): SerialRecord {
  const skus = [...new Set(units.map((unit) => unit.sku))];
  if (skus.length > 1) {
    throw new ValidationError('This serial number exists in several SKUs: give the SKU', {
      issues: [
        {
          code: 'ambiguous_serial',
          message: `This serial number exists in SKUs ${skus.join(', ')}: give the SKU`,
          input,
          path: ['sku'],
          skus,
        },
      ],
      details: { skus },
    });
  }
  return units[0]!;
}

/**
 * The one unit the input denotes, for merchant workflows. Throws `ValidationError` for input
 * that is not a serial (or is ambiguous across SKUs) and `NotFoundError` for unknown units.
 */
export async function requireUnit(
  ctx: ClientContext,
  input: string,
  sku?: string | undefined,
): Promise<SerialRecord> {
  const resolution = await resolveSerial(ctx, input, { sku });
  switch (resolution.kind) {
    case 'invalid':
      throw new ValidationError('This is not a valid serial number', {
        issues: resolution.issues.map((issue) => ({ ...issue, path: ['serial'] })),
      });
    case 'unknown_sku':
      throw new NotFoundError(`SKU ${resolution.sku} not found`, {
        details: { sku: resolution.sku },
      });
    case 'unknown':
      throw new NotFoundError(`Serial ${resolution.serial} not found`, {
        details: { serial: resolution.serial, ...(sku === undefined ? {} : { sku }) },
      });
    case 'found':
      return singleUnit(resolution.units, input);
  }
}
