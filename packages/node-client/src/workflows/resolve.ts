/**
 * Reading a serial as a person typed or scanned it: with a SKU, through every tracked SKU's
 * format, or from a GS1 Digital Link / element string (GTIN → SKU, AI 21 → serial).
 */
import type { Issue, SerialRecord, Sku } from '@serialkit/core';
import { isGs1Input, parseGs1 } from '@serialkit/core';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Candidate, ClientContext } from './context.js';

export type Resolution =
  /** The input cannot be a serial of the given SKU or of any tracked SKU. */
  | { kind: 'invalid'; issues: Issue[] }
  /** `options.sku` does not exist. */
  | { kind: 'unknown_sku'; sku: string }
  /** The input reads as a serial, but no such unit is registered. */
  | { kind: 'unknown'; serial: string; skus: Sku[] }
  /** Registered units the input denotes (several only when SKUs share a serial). */
  | { kind: 'found'; serial: string; units: SerialRecord[] };

/**
 * Resolves typed input to registered units. Never throws for bad input: the verdict says what
 * was wrong.
 */
export async function resolveSerial(
  ctx: ClientContext,
  input: string,
  options: { sku?: string | undefined } = {},
): Promise<Resolution> {
  const trimmed = input.trim();
  if (trimmed.length === 0) {
    return {
      kind: 'invalid',
      issues: [{ code: 'empty', message: 'Enter a serial number', input }],
    };
  }

  let candidates: Candidate[];
  // Exact serials of SKUs whose tracking is off are still found when typed exactly.
  let exact: string | undefined;

  if (options.sku !== undefined) {
    const sku = await ctx.store.getSku(options.sku);
    if (!sku) return { kind: 'unknown_sku', sku: options.sku };
    const result = ctx.formats.of(sku).validate(input);
    if (!result.success) return { kind: 'invalid', issues: result.issues.map((i) => ({ ...i })) };
    candidates = [{ sku, serial: result.data.serial }];
  } else if (isGs1Input(trimmed)) {
    const gs1 = readGs1(trimmed);
    if ('issues' in gs1) return { kind: 'invalid', issues: gs1.issues };
    const snapshot = await ctx.catalog.snapshot();
    const skus = snapshot.byGtin(gs1.gtin);
    if (skus.length === 0) return { kind: 'unknown', serial: gs1.serial, skus: [] };
    candidates = [];
    let issues: Issue[] = [];
    for (const sku of skus) {
      const result = ctx.formats.of(sku).validate(gs1.serial);
      if (result.success) candidates.push({ sku, serial: result.data.serial });
      else issues = result.issues.map((i) => ({ ...i }));
    }
    if (candidates.length === 0) return { kind: 'invalid', issues };
  } else {
    const snapshot = await ctx.catalog.snapshot();
    const matched = snapshot.match(input);
    candidates = matched.candidates;
    exact = trimmed;
    const units = await findUnits(ctx, candidates, exact, (sku) => snapshot.get(sku) === undefined);
    if (units.length > 0) return { kind: 'found', serial: units[0]!.serial, units };
    if (candidates.length === 0) return { kind: 'invalid', issues: matched.issues };
    return unknown(candidates);
  }

  const units = await findUnits(ctx, candidates, exact, () => false);
  if (units.length > 0) return { kind: 'found', serial: units[0]!.serial, units };
  return unknown(candidates);
}

function unknown(candidates: Candidate[]): Resolution {
  return {
    kind: 'unknown',
    serial: candidates[0]!.serial,
    skus: candidates.map((candidate) => candidate.sku),
  };
}

/** Units of the candidates, plus exact matches of SKUs `acceptExact` admits. */
async function findUnits(
  ctx: ClientContext,
  candidates: Candidate[],
  exact: string | undefined,
  acceptExact: (sku: string) => boolean,
): Promise<SerialRecord[]> {
  const wanted = new Set(candidates.map((c) => `${c.sku.sku}\u001f${c.serial}`));
  const serials = new Set(candidates.map((c) => c.serial));
  if (exact !== undefined) serials.add(exact);
  const units: SerialRecord[] = [];
  for (const serial of serials) {
    for (const record of await ctx.store.findSerial(serial)) {
      const key = `${record.sku}\u001f${record.serial}`;
      if (wanted.has(key) || (record.serial === exact && acceptExact(record.sku))) {
        wanted.delete(key); // the same unit can be reached through two candidates
        units.push(record);
      }
    }
  }
  return units;
}

/** GTIN and serial (AI 21) of a GS1 input, or why it cannot identify a unit. */
function readGs1(input: string): { gtin: string; serial: string } | { issues: Issue[] } {
  const parsed = parseGs1(input);
  if (!parsed.success) return { issues: parsed.issues.map((i) => ({ ...i })) };
  const { gtin, serial } = parsed.data;
  if (gtin === undefined || serial === undefined) {
    return {
      issues: [
        {
          code: 'invalid_gs1',
          message:
            'This code identifies a product, not one unit: it needs a GTIN and a serial (AI 21)',
          input,
          reason: gtin === undefined ? 'missing_gtin' : 'missing_serial',
        },
      ],
    };
  }
  return { gtin, serial };
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
