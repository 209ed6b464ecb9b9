/** A unit's every owner: each shipment it left in, oldest first, read from its history. */
import { z } from 'zod';
import { channelSchema, identifierSchema, isoDateTime } from './domain.js';

/** One shipment a unit left in (no customer: lookups and traces carry the current one). */
export const unitShipmentSchema = z.object({
  orderId: identifierSchema,
  shipmentId: identifierSchema.optional(),
  channel: channelSchema,
  /** The B2B account it was sold to. */
  accountId: identifierSchema.optional(),
  shippedAt: isoDateTime,
  /** When it came back from this shipment (absent: it did not, or not yet). */
  returnedAt: isoDateTime.optional(),
});

export type UnitShipment = z.infer<typeof unitShipmentSchema>;
