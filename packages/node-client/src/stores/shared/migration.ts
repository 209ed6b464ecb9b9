/** A versioned schema change. Applied once, recorded in `serialkit_migrations`, never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
