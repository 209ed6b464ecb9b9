/**
 * Registered owners: customers who register a unit they own (often bought through a reseller).
 * Owners are personal data: their records are merchant-only, and the public registration
 * answer says nothing about them or about earlier registrations.
 */
import { z } from 'zod';
import { identifierSchema, isoDateTime } from './domain.js';

/** A person's name as typed: printable, at most 200 characters, no bidirectional overrides. */
const personName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((value) => !/[\p{Cc}\p{Cs}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u.test(value), {
    message: 'must not contain control or invisible formatting characters',
  })
  .transform((value) => value.normalize('NFC'));

/**
 * Public input: register the unit one owns. `consent` must be true (the owner agrees that the
 * merchant keeps their name and email to reach them, e.g. for a recall).
 *
 * @example
 * ownerRegistrationRequestSchema.parse({
 *   input: 'SN-2024-0000016', name: 'Ada Lovelace', email: 'ada@example.com', consent: true,
 * });
 */
export const ownerRegistrationRequestSchema = z.strictObject({
  /** A serial as typed or scanned, or a GS1 Digital Link / element string. */
  input: z.string().min(1).max(2000),
  sku: z.string().min(1).max(200).optional(),
  name: personName,
  email: z.email().max(320),
  consent: z.literal(true, { error: 'consent is required' }),
});

/**
 * The public answer: `received` for any registered unit, whether it had an owner or not (the
 * merchant reviews a second owner), `unknown` when no such unit is registered, `invalid` when
 * the input reads as no serial. Same keys for every status; no personal data.
 */
export const ownerRegistrationResultSchema = z.object({
  status: z.enum(['received', 'unknown', 'invalid']),
  serial: z.string().nullable(),
});

/**
 * `active`: the unit's owner (at most one per unit); `pending_review`: a registration of a unit
 * that already had an owner, kept for the merchant to review; `erased`: removed on request (its
 * name and email are gone).
 */
export const ownerStatusSchema = z.enum(['active', 'pending_review', 'erased']);

/** A registered owner (merchant only). */
export const ownerSchema = z.object({
  id: z.string(),
  sku: identifierSchema,
  serial: z.string(),
  status: ownerStatusSchema,
  name: z.string().optional(),
  email: z.string().optional(),
  /** When the owner registered (and consented). */
  registeredAt: isoDateTime,
  erasedAt: isoDateTime.optional(),
});

export type OwnerRegistrationRequest = z.input<typeof ownerRegistrationRequestSchema>;
export type OwnerRegistrationResult = z.infer<typeof ownerRegistrationResultSchema>;
export type OwnerStatus = z.infer<typeof ownerStatusSchema>;
export type Owner = z.infer<typeof ownerSchema>;
