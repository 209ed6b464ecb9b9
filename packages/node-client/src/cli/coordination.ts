/** `serve --coordination`: where several instances keep the state they share. */
import type { Coordination } from '../coordination/coordination.js';
import { memoryCoordination } from '../coordination/memory.js';
import { postgresCoordination } from '../coordination/postgres.js';
import { sqliteCoordination } from '../coordination/sqlite.js';
import { UsageError } from './io.js';
import type { StoreChoice } from './store-choice.js';

/**
 * `store` keeps rate limits and idempotency keys in the store's database (the default with
 * PostgreSQL, where instances usually run on several machines); `memory` keeps them in this
 * process (the default with SQLite, usually one process).
 */
export function openCoordination(choice: StoreChoice, given: string | undefined): Coordination {
  const where = given ?? (choice.kind === 'postgres' ? 'store' : 'memory');
  if (where === 'memory') return memoryCoordination();
  if (where !== 'store')
    throw new UsageError(`--coordination expects memory or store (got "${where}")`);
  return choice.kind === 'postgres'
    ? postgresCoordination({ connectionString: choice.connection })
    : sqliteCoordination({ filename: choice.connection });
}
