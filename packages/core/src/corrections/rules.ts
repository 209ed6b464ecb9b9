/**
 * Which unit states allow each correction, written once: the service refuses a correction the
 * rules forbid (409 with `details.reason`), and the merchant console offers only those they allow.
 */
import type { SerialRecord, SerialStatus } from '../schemas/domain.js';

/** The corrections a warehouse makes to a unit. */
export type Correction = 'release' | 'liftRecall' | 'void' | 'edit';

/** Every status but `voided`: a voided unit is history, not stock to correct. */
const LIVE: readonly SerialStatus[] = [
  'in_stock',
  'allocated',
  'shipped',
  'returned',
  'quarantined',
  'scrapped',
];

/**
 * The unit states each correction accepts. `recalled: true`: the unit must be under a recall.
 * A unit registered by mistake has never left: only units in stock or quarantine can be voided
 * (a shipped unit is returned, not voided). `refusal` is the service's `details.reason`.
 */
export const CORRECTION_RULES: Readonly<
  Record<Correction, { from: readonly SerialStatus[]; recalled?: true; refusal: string }>
> = {
  release: { from: ['quarantined'], refusal: 'not_quarantined' },
  liftRecall: { from: LIVE, recalled: true, refusal: 'not_recalled' },
  void: { from: ['in_stock', 'quarantined'], refusal: 'not_voidable' },
  edit: { from: LIVE, refusal: 'voided' },
};

/**
 * True when the unit's state allows the correction.
 *
 * @example
 * correctionAllowed('release', { ...unit, status: 'quarantined' }); // true
 */
export function correctionAllowed(
  correction: Correction,
  unit: Pick<SerialRecord, 'status' | 'recallId'>,
): boolean {
  const rule = CORRECTION_RULES[correction];
  return rule.from.includes(unit.status) && (rule.recalled !== true || unit.recallId !== undefined);
}
