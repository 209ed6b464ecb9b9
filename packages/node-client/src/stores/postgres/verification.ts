/**
 * Verification counters on PostgreSQL, each one statement (prepared once per connection): the
 * count of a verification, and the compare-and-set of a unit's recorded outcome with its events.
 */
import type { VerificationInput, VerificationOutcomeChange } from '../../store.js';
import { eventDataJson } from '../shared/event-data.js';

/** The tables the statements read and write (quoted, schema-qualified). */
export interface VerificationTables {
  verifications: string;
  outcomes: string;
  events: string;
}

export function recordVerificationQuery(
  t: VerificationTables,
  input: VerificationInput,
): { text: string; values: unknown[] } {
  // One statement: the upsert, plus the unit's other fingerprints as of the statement's start.
  return {
    text: `WITH seen AS (
         INSERT INTO ${t.verifications} AS v (sku, serial, fingerprint, first_at, last_at, count)
         VALUES ($1, $2, $3, $4, $4, 1)
         ON CONFLICT (sku, serial, fingerprint) DO UPDATE SET
           count = v.count + 1,
           first_at = LEAST(v.first_at, EXCLUDED.first_at),
           last_at = GREATEST(v.last_at, EXCLUDED.last_at)
         RETURNING last_at, count
       ),
       others AS (
         SELECT count(*) FILTER (WHERE last_at >= $5) AS recent, coalesce(sum(count), 0) AS total
         FROM ${t.verifications} WHERE sku = $1 AND serial = $2 AND fingerprint <> $3
       )
       SELECT others.recent + CASE WHEN seen.last_at >= $5 THEN 1 ELSE 0 END AS distinct_fingerprints,
              others.total + seen.count AS total,
              (SELECT outcome FROM ${t.outcomes} WHERE sku = $1 AND serial = $2) AS outcome
       FROM seen, others`,
    values: [input.sku, input.serial, input.fingerprint, input.at, input.windowStart],
  };
}

export function setOutcomeQuery(
  t: VerificationTables,
  change: VerificationOutcomeChange,
): { text: string; values: unknown[] } {
  // One statement: the compare-and-set (an upsert whose update applies only over `from`, so a
  // concurrent change makes it a no-op), and the events, inserted only if it applied.
  const { events } = change;
  return {
    text: `WITH current AS (
         SELECT outcome FROM ${t.outcomes} WHERE sku = $1 AND serial = $2
       ),
       changed AS (
         INSERT INTO ${t.outcomes} AS o (sku, serial, outcome, at)
         SELECT $1, $2, $4, $5
         WHERE ($3::text IS NULL AND NOT EXISTS (SELECT 1 FROM current))
            OR EXISTS (SELECT 1 FROM current WHERE outcome = $3::text)
         ON CONFLICT (sku, serial) DO UPDATE SET outcome = EXCLUDED.outcome, at = EXCLUDED.at
           WHERE o.outcome = $3::text
         RETURNING 1
       ),
       logged AS (
         INSERT INTO ${t.events} (sku, serial, type, at, data)
         SELECT v.sku, v.serial, v.type, v.at, v.data::jsonb
         FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY
           AS v(sku, serial, type, at, data, n)
         WHERE EXISTS (SELECT 1 FROM changed)
         ORDER BY v.n
         RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM changed) AS applied, (SELECT count(*) FROM logged) AS logged`,
    values: [
      change.sku,
      change.serial,
      change.from,
      change.to,
      change.at,
      events.map((e) => e.sku),
      events.map((e) => e.serial),
      events.map((e) => e.type),
      events.map((e) => e.at),
      events.map((e) => eventDataJson(e.data)),
    ],
  };
}
