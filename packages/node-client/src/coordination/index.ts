export type {
  Coordination,
  IdempotencyRunner,
  RateLimitDecision,
  RateLimiter,
  SharedIdempotencyOptions,
} from './coordination.js';
export { memoryCoordination } from './memory.js';
export { type PostgresCoordinationOptions, postgresCoordination } from './postgres.js';
export { type SqliteCoordinationOptions, sqliteCoordination } from './sqlite.js';
