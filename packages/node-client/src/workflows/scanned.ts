/**
 * Scanned codes wherever a serial is entered. A GS1 element string, a bracketed string
 * (`(01)…(21)…`) or a GS1 Digital Link URI names the product by its GTIN (AI 01) and the unit by
 * its serial (AI 21). Every workflow that takes a serial reads it here first, before any format
 * check, so the rule lives in one place: register, CSV import, ship, pick, returns, recalls,
 * sightings, corrections, lookups and verification.
 */
import {
  createIssue,
  type Issue,
  isGs1Input,
  type Locale,
  parseGs1,
  type Sku,
} from '@serialkit/core';
import { type ClientContext, gtin14 } from './context.js';
import { wireIssues } from './input.js';
import { isFreeForm } from './sku-formats.js';

/** What an entered value that looks like a GS1 code comes to. */
export type Scanned =
  /**
   * The SKU(s) and the serial to read through their format: the SKU given, or the tracked SKUs
   * with the code's GTIN. `gtin` is absent when the value reads as a plain serial after all.
   */
  | { ok: true; skus: Sku[]; serial: string; gtin?: string }
  /** Not a code that names one unit (no GTIN, no AI 21, a bad check digit…). */
  | { ok: false; reason: 'invalid_gs1'; issues: Issue[] }
  /** The code's GTIN is not the GTIN of the SKU given; the issue names both SKUs. */
  | { ok: false; reason: 'gtin_mismatch'; issues: Issue[] }
  /** No SKU given, and no tracked SKU has the code's GTIN. */
  | { ok: false; reason: 'unknown_gtin'; gtin: string; serial: string; issues: Issue[] };

/**
 * Reads an entered serial as a scanned code. Returns `undefined`, synchronously and at the
 * cost of `isGs1Input`, when the value does not look like GS1 data: the caller reads it as
 * typed, exactly as before. Bulk paths (registration, CSV import) therefore pay nothing for plain
 * serials.
 *
 * With a SKU given, the code must carry that SKU's GTIN (a SKU without a GTIN takes a code whose
 * GTIN no other tracked SKU has); without one, the SKU is found by the GTIN. An all-digit value
 * that the given SKU's format reads as it stands (or, with no SKU given and a GTIN no SKU has,
 * that a tracked SKU's format reads) stays a plain serial: numeric serials can look like element
 * strings.
 *
 * @example
 * const scanning = readScanned(ctx, '(01)04012345000016(21)HP-2024-0000016', sku);
 * const scanned = scanning ? await scanning : undefined;
 * // { ok: true, skus: [sku], serial: 'HP-2024-0000016', gtin: '04012345000016' }
 */
export function readScanned(
  ctx: ClientContext,
  input: string,
  sku?: Sku,
): Promise<Scanned> | undefined {
  if (!isGs1Input(input)) return undefined;
  return readCode(ctx, input, sku);
}

async function readCode(ctx: ClientContext, input: string, sku: Sku | undefined): Promise<Scanned> {
  const scanned = await readUnitCode(ctx, input, sku);
  if (scanned.ok || !allDigits(input)) return scanned;
  // Numeric serials can look like element strings: digits a format reads as they stand are a
  // plain serial after all.
  if (sku) {
    return !isFreeForm(sku) && ctx.formats.of(sku).validate(input).success
      ? { ok: true, skus: [sku], serial: input }
      : scanned;
  }
  const typed = (await ctx.catalog.snapshot()).match(input).candidates;
  return typed.length > 0 ? { ok: true, skus: typed.map((c) => c.sku), serial: input } : scanned;
}

async function readUnitCode(
  ctx: ClientContext,
  input: string,
  sku: Sku | undefined,
): Promise<Scanned> {
  const code = readGs1(input, ctx.locale);
  if ('issues' in code) return { ok: false, reason: 'invalid_gs1', issues: code.issues };
  const { gtin, serial } = code;
  if (sku) {
    if (sku.gtin !== undefined && gtin14(sku.gtin) === gtin) {
      return { ok: true, skus: [sku], serial, gtin };
    }
    const owners = (await ctx.catalog.snapshot()).byGtin(gtin).filter((s) => s.sku !== sku.sku);
    // A SKU without a GTIN takes a code whose GTIN no other SKU claims.
    if (sku.gtin === undefined && owners.length === 0) {
      return { ok: true, skus: [sku], serial, gtin };
    }
    return {
      ok: false,
      reason: 'gtin_mismatch',
      issues: [gtinMismatch(input, gtin, sku, owners, ctx.locale)],
    };
  }
  const skus = (await ctx.catalog.snapshot()).byGtin(gtin);
  if (skus.length > 0) return { ok: true, skus, serial, gtin };
  return {
    ok: false,
    reason: 'unknown_gtin',
    gtin,
    serial,
    issues: [{ code: 'unknown_gtin', message: `No SKU has the scanned GTIN ${gtin}`, input, gtin }],
  };
}

/** Only digits (and surrounding white space): the one GS1 form a numeric serial can take. */
function allDigits(input: string): boolean {
  return /^\s*\d+\s*$/.test(input);
}

/**
 * A scanned code whose GTIN is not the GTIN of the SKU given. Names the SKU given and the SKU(s)
 * the GTIN belongs to, also in `skus` (given first).
 */
export function gtinMismatch(
  input: string,
  gtin: string,
  sku: Sku,
  owners: readonly Sku[],
  locale: Locale,
): Issue {
  const issue = createIssue(
    { code: 'invalid_gs1', input, reason: 'gtin_mismatch', ai: '01' },
    locale,
  );
  const own = sku.gtin === undefined ? 'has no GTIN' : `has the GTIN ${sku.gtin}`;
  const theirs =
    owners.length === 0
      ? 'no SKU has it'
      : `it is the GTIN of SKU ${owners.map((owner) => owner.sku).join(', ')}`;
  return {
    ...wireIssues([issue])[0]!,
    message: `The scanned GTIN ${gtin} is not SKU ${sku.sku}'s: SKU ${sku.sku} ${own}, ${theirs}`,
    gtin,
    skus: [sku.sku, ...owners.map((owner) => owner.sku)],
  };
}

/** GTIN and serial (AI 21) of a GS1 input, or why it cannot identify a unit. */
function readGs1(
  input: string,
  locale: Locale,
): { gtin: string; serial: string } | { issues: Issue[] } {
  const parsed = parseGs1(input);
  if (!parsed.success) return { issues: wireIssues(parsed.issues) };
  const { gtin, serial } = parsed.data;
  // A GTIN alone names a product, not one unit.
  if (gtin === undefined) {
    return {
      issues: wireIssues([
        createIssue({ code: 'invalid_gs1', input, reason: 'no_primary_key' }, locale),
      ]),
    };
  }
  if (serial === undefined) {
    return {
      issues: wireIssues([
        createIssue({ code: 'invalid_gs1', input, reason: 'missing_value', ai: '21' }, locale),
      ]),
    };
  }
  return { gtin, serial };
}
