/** Store selection for every command: `--postgres URL` / SERIALKIT_DATABASE_URL, else SQLite. */
import { resolve } from 'node:path';
import type { SerialStore } from '../store.js';
import { type OptionValues, str } from './command.js';
import { UsageError } from './io.js';

export interface StoreChoice {
  kind: 'sqlite' | 'postgres';
  /** File path or connection string with the password hidden. */
  where: string;
  /** File path or connection string as given (secret: never print it). */
  connection: string;
  open(): Promise<SerialStore>;
}

export function chooseStore(
  options: OptionValues,
  env: Record<string, string | undefined>,
  cwd: string,
): StoreChoice {
  const db = str(options, 'db');
  const postgres = str(options, 'postgres') ?? (db ? undefined : env.SERIALKIT_DATABASE_URL);
  if (db && str(options, 'postgres')) throw new UsageError('Give --db or --postgres, not both');
  if (postgres) {
    if (!/^postgres(ql)?:\/\//.test(postgres)) {
      throw new UsageError('--postgres expects a URL like postgres://user:pass@host:5432/db');
    }
    return {
      kind: 'postgres',
      where: postgres.replace(/:\/\/([^:/@]+):[^@]*@/, '://$1:***@'),
      connection: postgres,
      async open() {
        const { postgresStore } = await import('../stores/index.js');
        return postgresStore({ connectionString: postgres });
      },
    };
  }
  const filename = resolve(cwd, db ?? env.SERIALKIT_DB ?? 'serialkit.db');
  return {
    kind: 'sqlite',
    where: filename,
    connection: filename,
    async open() {
      const { sqliteStore } = await import('../stores/index.js');
      return sqliteStore({ filename });
    },
  };
}
