/**
 * The `serialkit` command line: `run(argv, io)` parses arguments, runs one command and returns
 * its exit code. The bin (`src/cli.ts`) calls it with the process's streams; tests call it with
 * their own.
 */
import { parseArgs } from 'node:util';
import { createSerialClient, type SerialClient } from '../client.js';
import { SerialkitError } from '../errors.js';
import { type Command, type CommandContext, GLOBAL_OPTIONS, type OptionSpec } from './command.js';
import { commands } from './commands/index.js';
import { type CliIO, EXIT, UsageError } from './io.js';
import { chooseStore } from './store-choice.js';

/**
 * Runs the CLI.
 *
 * @example
 * const code = await run(['lookup', 'SN-2024-0001238', '--json'], {
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 * });
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const full = { ...io, env, cwd };
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const target = first === 'help' && rest[0] ? findCommand(rest[0]) : undefined;
    io.stdout.write(target ? commandHelp(target, []) : mainHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${await version()}\n`);
    return EXIT.ok;
  }
  const top = findCommand(first);
  if (!top) {
    io.stderr.write(
      `serialkit: unknown command "${first}"\n${suggestCommand(first)}Run "serialkit --help" for the list.\n`,
    );
    return EXIT.usage;
  }
  let command = top;
  let args = rest;
  const path = [top.name];
  if (top.subcommands) {
    const [name, ...more] = rest;
    const sub =
      name && !name.startsWith('-') ? top.subcommands.find((c) => c.name === name) : undefined;
    if (!sub) {
      const asked = rest.includes('--help') || rest.includes('-h') || name === undefined;
      (asked ? io.stdout : io.stderr).write(
        (name && !name.startsWith('-')
          ? `serialkit ${top.name}: unknown subcommand "${name}"\n\n`
          : '') + commandHelp(top, []),
      );
      return asked ? EXIT.ok : EXIT.usage;
    }
    command = sub;
    args = more;
    path.push(sub.name);
  }

  const specs: Record<string, OptionSpec> = { ...(command.options ?? {}), ...GLOBAL_OPTIONS };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        Object.entries(specs).map(([name, spec]) => [
          name,
          {
            type: spec.type,
            ...(spec.short ? { short: spec.short } : {}),
            ...(spec.multiple ? { multiple: true } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr.write(
      `serialkit ${path.join(' ')}: ${(error as Error).message}\nRun "serialkit ${path.join(' ')} --help" for usage.\n`,
    );
    return EXIT.usage;
  }
  const options = parsed.values as CommandContext['options'];
  if (options.help) {
    io.stdout.write(commandHelp(command, path.slice(0, -1)));
    return EXIT.ok;
  }
  const json = options.json === true;
  let client: SerialClient | undefined;
  const context: CommandContext = {
    args: parsed.positionals,
    options,
    io: full,
    json,
    async client() {
      if (!client) {
        const store = await chooseStore(options, env, cwd).open();
        await store.migrate();
        // Commands that send webhooks (replay) may allow private targets.
        client = createSerialClient({
          store,
          webhooks: { allowPrivate: options['allow-private'] === true },
        });
      }
      return client;
    },
    print(value, human) {
      io.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : human());
    },
    note(message) {
      if (!json) io.stderr.write(`${message}\n`);
    },
  };
  try {
    return (await command.run?.(context)) ?? EXIT.ok;
  } catch (error) {
    return reportError(error, path, io, json);
  } finally {
    await client?.close().catch(() => {});
  }
}

function reportError(error: unknown, path: string[], io: CliIO, json: boolean): number {
  const where = `serialkit ${path.join(' ')}`;
  if (error instanceof UsageError) {
    io.stderr.write(`${where}: ${error.message}\nRun "${where} --help" for usage.\n`);
    return EXIT.usage;
  }
  if (SerialkitError.isInstance(error)) {
    if (json) io.stdout.write(`${JSON.stringify(error.toJSON(), null, 2)}\n`);
    let message = `${where}: ${error.message}\n`;
    for (const issue of error.issues ?? []) {
      message += `  - ${issue.message}${issue.position === undefined ? '' : ` (at position ${issue.position})`}\n`;
    }
    const hint = hintFor(error);
    if (hint) message += `${hint}\n`;
    io.stderr.write(message);
    if (error.code === 'not_found') return EXIT.notFound;
    if (
      error.code === 'conflict' ||
      error.code === 'validation_failed' ||
      error.code === 'bad_request'
    ) {
      return EXIT.rejected;
    }
    return EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${where}: ${message}\n${systemHint(error)}`);
  return EXIT.failure;
}

function hintFor(error: SerialkitError): string | undefined {
  if (error.code === 'not_found' && /SKU/i.test(error.message)) {
    return 'Create the SKU first: serialkit sku set <sku> --name "…" --format "…"';
  }
  if (error.code === 'unavailable')
    return 'Check that the database is reachable and the path or URL is right.';
  return undefined;
}

function systemHint(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'Check the file path.\n';
  if (code === 'EACCES') return 'Check the file permissions.\n';
  if (code === 'ECONNREFUSED') return 'Is the database server running?\n';
  if (code === 'EADDRINUSE') return 'The port is taken: choose another with --port.\n';
  if (code === 'ERR_MODULE_NOT_FOUND')
    return 'A driver is missing: npm install better-sqlite3 (or pg for PostgreSQL).\n';
  return '';
}

function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}

function suggestCommand(name: string): string {
  const close = commands.find((c) => c.name.startsWith(name.slice(0, 2)));
  return close ? `Did you mean "${close.name}"?\n` : '';
}

async function version(): Promise<string> {
  try {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    for (const candidate of ['../package.json', '../../package.json']) {
      try {
        const pkg = require(candidate) as { name?: string; version?: string };
        if (pkg.name === '@serialkit/node-client') return pkg.version ?? '0.0.0';
      } catch {}
    }
  } catch {}
  return '0.0.0';
}

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'serialkit: serial number tracking for e-commerce',
    '',
    'Usage: serialkit <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --db FILE (SQLite, default ./serialkit.db) or --postgres URL',
    '(or SERIALKIT_DATABASE_URL), --json, and --help.',
    '',
    'Exit codes: 0 ok, 1 failure, 2 usage error, 3 not found, 4 rejected (conflict or invalid input).',
    '',
    'Start with: serialkit demo && serialkit serve',
    '',
  ].join('\n');
}

function commandHelp(command: Command, parents: string[]): string {
  const prefix = ['serialkit', ...parents].join(' ');
  const lines = [`${prefix} ${command.name}: ${command.summary}`, '', 'Usage:'];
  for (const usage of command.usage) lines.push(`  ${prefix} ${usage}`);
  if (command.description) lines.push('', command.description);
  if (command.subcommands) {
    lines.push('', 'Subcommands:');
    const width = Math.max(...command.subcommands.map((c) => c.name.length));
    for (const sub of command.subcommands)
      lines.push(`  ${sub.name.padEnd(width)}  ${sub.summary}`);
    lines.push('', `Run "${prefix} ${command.name} <subcommand> --help" for details.`);
  }
  if (!command.subcommands) {
    const specs = { ...(command.options ?? {}), ...globalsFor(command) };
    const rendered = Object.entries(specs).map(([name, spec]) => {
      const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
      return [flag, spec.description + (spec.multiple ? ' (repeatable)' : '')] as const;
    });
    const width = Math.max(...rendered.map(([flag]) => flag.length));
    lines.push('', 'Options:');
    for (const [flag, description] of rendered)
      lines.push(`  ${flag.padEnd(width)}  ${description}`);
  }
  if (command.examples?.length) {
    lines.push('', 'Examples:');
    for (const example of command.examples) lines.push(`  ${example}`);
  }
  lines.push('');
  return lines.join('\n');
}

function globalsFor(command: Command): Record<string, OptionSpec> {
  if (!command.storeless) return GLOBAL_OPTIONS;
  const { db: _db, postgres: _pg, ...rest } = GLOBAL_OPTIONS;
  return rest;
}
