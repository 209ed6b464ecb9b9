/** Store adapters: one factory per backend. Each returns a `SerialStore`. */
export { memoryStore } from './memory.js';
export {
  type PgClientLike,
  type PgPoolLike,
  type PgQueryConfigLike,
  type PgQueryResultLike,
  type PostgresConnection,
  type PostgresStoreOptions,
  postgresStore,
} from './postgres.js';
export {
  type SqliteDatabaseLike,
  type SqliteStatementLike,
  type SqliteStoreOptions,
  sqliteStore,
} from './sqlite.js';
