/** How a subcommand is declared: its options (parsed with node:util parseArgs), help and action. */
import type { SerialClient } from '../client.js';
import type { CliIO } from './io.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Placeholder shown in help, e.g. FILE. */
  value?: string;
  description: string;
}

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CommandContext {
  /** Positional arguments after the command (and subcommand) names. */
  args: string[];
  options: OptionValues;
  io: Required<Pick<CliIO, 'stdout' | 'stderr' | 'env' | 'cwd'>> & CliIO;
  json: boolean;
  /** Opens the client on the selected store (`--db` / `--postgres`); closed after the command. */
  client(): Promise<SerialClient>;
  /** Prints a value as JSON (with --json) or with `human` otherwise. */
  print(value: unknown, human: () => string): void;
  /** A line on stderr for humans (suppressed with --json). */
  note(message: string): void;
}

export interface Command {
  name: string;
  summary: string;
  /** Usage lines after `serialkit `, e.g. `lookup <serial> [--sku SKU]`. */
  usage: string[];
  description?: string;
  examples?: string[];
  options?: Record<string, OptionSpec>;
  /** For commands grouped under one name (`sku set`, `sku get`). */
  subcommands?: Command[];
  /** Does not touch a store (no --db/--postgres in help). */
  storeless?: boolean;
  run?(context: CommandContext): Promise<number | undefined> | number | undefined;
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  db: {
    type: 'string',
    value: 'FILE',
    description: 'SQLite database file (default ./serialkit.db)',
  },
  postgres: {
    type: 'string',
    value: 'URL',
    description: 'PostgreSQL connection string (or SERIALKIT_DATABASE_URL)',
  },
  json: { type: 'boolean', description: 'Machine-readable JSON output' },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
};

/** Reads a string option, or undefined. */
export function str(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a repeated string option. */
export function strs(options: OptionValues, name: string): string[] {
  const value = options[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** The `--sku` option of commands that read a serial which could belong to several SKUs. */
export const skuOption = {
  sku: {
    type: 'string',
    value: 'SKU',
    description: 'The SKU, when the serial could belong to several',
  },
} as const satisfies Record<string, OptionSpec>;

/** The `--sku` option as the client's `{ sku }` option. */
export function skuOf(options: OptionValues): { sku?: string } {
  const sku = str(options, 'sku');
  return sku === undefined ? {} : { sku };
}
