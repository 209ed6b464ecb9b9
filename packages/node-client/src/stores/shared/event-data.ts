/** An event's `data` as the JSON text SQL stores keep. */
import { BadRequestError } from '../../errors.js';

/**
 * The JSON text of an event's data (null for none). Throws `BadRequestError` for data JSON cannot
 * hold (a cycle, a bigint), so a write that carries it fails as a whole, as bad input.
 */
export function eventDataJson(data: Record<string, unknown> | undefined): string | null {
  if (data === undefined) return null;
  let text: string | undefined;
  try {
    text = JSON.stringify(data);
  } catch (cause) {
    throw new BadRequestError('Event data must be JSON (no cycles, no bigints)', { cause });
  }
  if (text === undefined) throw new BadRequestError('Event data must be a JSON object');
  return text;
}
