/**
 * Positions in the event log (`readEventLog`, webhook cursors): the id of the last event read,
 * a non-negative integer in decimal, or null before the first event.
 */
import { BadRequestError } from '../../errors.js';

/** The position as a number (0 for null). Throws `BadRequestError` for anything else. */
export function eventPosition(position: string | null): number {
  if (position === null) return 0;
  if (!/^\d{1,15}$/.test(position)) {
    throw new BadRequestError('Invalid event log position', { details: { position } });
  }
  return Number(position);
}
