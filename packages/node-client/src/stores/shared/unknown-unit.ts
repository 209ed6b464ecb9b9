import { NotFoundError } from '../../errors.js';

/**
 * The error `appendEvents` rejects with when an event names a unit the store does not hold: the
 * event log is a unit's history, so an event of no unit would be a history of nothing (and would
 * surface in exports, EPCIS and webhooks as a unit that does not exist). Nothing of the batch is
 * kept.
 */
export function unknownUnitError(sku: string, serial: string): NotFoundError {
  return new NotFoundError(`No unit ${serial} of SKU ${sku} is stored: its event is refused`, {
    details: { sku, serial },
  });
}
