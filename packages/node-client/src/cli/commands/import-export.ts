/** `serialkit import serials|shipments` and `serialkit export serials|events`: CSV in and out. */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { EventFilter, SerialFilter } from '../../store.js';
import { type Command, type CommandContext, str } from '../command.js';
import { UsageError } from '../io.js';
import { progressBar } from '../progress.js';
import { fields } from '../table.js';
import { writeChunks } from '../write-chunks.js';

async function* counted(
  source: AsyncIterable<string | Uint8Array>,
  onBytes: (bytes: number) => void,
): AsyncGenerator<string | Uint8Array> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    onBytes(bytes);
    yield chunk;
  }
}

/** The CSV a command reads: the file named by its first argument, or stdin for `-`. */
export async function openSource(context: CommandContext) {
  const [file] = context.args;
  if (!file) throw new UsageError('Give the CSV file, or - for standard input');
  if (file === '-') {
    if (!context.io.stdin) throw new UsageError('No standard input to read');
    if (context.io.stdin.isTTY)
      throw new UsageError('Pipe the CSV into standard input, or give a file');
    return { source: context.io.stdin, size: undefined, name: 'stdin' };
  }
  const path = resolve(context.io.cwd, file);
  const { size } = await stat(path);
  return { source: createReadStream(path, { highWaterMark: 256 * 1024 }), size, name: file };
}

function printReport(context: CommandContext, report: unknown, label: string): void {
  context.print(report, () => {
    const entries = Object.entries(report as Record<string, unknown>);
    let out = fields(
      entries
        .filter(([, v]) => typeof v !== 'object' || v === null)
        .map(([k, v]) => [k, v as string | number | boolean | null]),
    );
    const { errors = [], errorCount = errors.length } = report as {
      errors?: { line: number; serial?: string; code: string; message: string }[];
      errorCount?: number;
    };
    if (errors.length) {
      out += `\nProblems (${label}):\n`;
      for (const error of errors.slice(0, 10)) {
        out += `  line ${error.line}: ${error.message}${error.serial ? ` (${error.serial})` : ''}\n`;
      }
      if (errorCount > 10) out += `  … ${errorCount - 10} more (use --json for all)\n`;
    }
    return out;
  });
}

function importCommand(kind: 'serials' | 'shipments'): Command {
  return {
    name: kind,
    summary:
      kind === 'serials'
        ? 'Import units from CSV (columns: serial, sku?, lot?, manufacturedAt?, receivedAt?)'
        : 'Import shipments from CSV (one row per unit; rows of an order ship together)',
    usage: [`${kind} <file.csv | -> ${kind === 'serials' ? '[--sku SKU]' : ''}`.trim()],
    description:
      'Rows are validated one by one: invalid and duplicate rows are reported, valid rows kept.',
    examples: [
      kind === 'serials'
        ? 'serialkit import serials units.csv --sku HP-200'
        : 'serialkit import shipments shipments.csv',
      `cat ${kind}.csv | serialkit import ${kind} -`,
    ],
    options:
      kind === 'serials'
        ? {
            sku: {
              type: 'string',
              value: 'SKU',
              description: 'SKU of every row (else a sku column)',
            },
          }
        : {},
    async run(context) {
      const { source, size, name } = await openSource(context);
      const client = await context.client();
      const bar = progressBar(context.io, {
        label: `importing ${name}`,
        unit: 'bytes',
        ...(size === undefined ? {} : { total: size }),
        wanted: !context.json,
      });
      const input = counted(source as AsyncIterable<string | Uint8Array>, (bytes) =>
        bar.update(bytes),
      );
      const sku = str(context.options, 'sku');
      try {
        const report =
          kind === 'serials'
            ? await client.imports.serials(input, sku ? { sku } : {})
            : await client.imports.shipments(input);
        bar.done();
        printReport(context, report, kind);
        // Duplicates are expected on re-imports; invalid rows and failed shipments are not.
        const counts = report as unknown as Record<string, number | undefined>;
        const failed = (counts.invalid ?? 0) + (counts.failed ?? 0) + (counts.failedShipments ?? 0);
        return failed > 0 ? 4 : 0;
      } finally {
        bar.done();
      }
    },
  };
}

export const importCmd: Command = {
  name: 'import',
  summary: 'Import units or shipments from CSV (file or stdin; progress bar on a terminal)',
  usage: ['import serials <file.csv | -> [--sku SKU]', 'import shipments <file.csv | ->'],
  subcommands: [importCommand('serials'), importCommand('shipments')],
};

const serialFilterOptions = {
  sku: { type: 'string', value: 'SKU', description: 'Only this SKU' },
  status: {
    type: 'string',
    value: 'STATUS',
    description: 'Only this status (in_stock, shipped, …)',
  },
  lot: { type: 'string', value: 'LOT', description: 'Only this lot' },
  recalled: { type: 'boolean', description: 'Only recalled units' },
  order: { type: 'string', value: 'ID', description: 'Only units of this order' },
} as const;

function exportCommand(kind: 'serials' | 'events'): Command {
  return {
    name: kind,
    summary: kind === 'serials' ? 'Export units as CSV' : 'Export events as CSV',
    usage: [`${kind} [--out FILE] [filters]`],
    examples: [`serialkit export ${kind} --sku HP-200 --out ${kind}.csv`],
    options: {
      out: { type: 'string', value: 'FILE', description: 'Write to a file (default stdout)' },
      ...(kind === 'serials'
        ? serialFilterOptions
        : {
            sku: { type: 'string', value: 'SKU', description: 'Only this SKU' },
            serial: { type: 'string', value: 'SERIAL', description: 'Only this unit' },
            type: { type: 'string', value: 'TYPE', description: 'Only this event type' },
          }),
    },
    async run(context) {
      const { options, io } = context;
      const client = await context.client();
      const out = str(options, 'out');
      let chunks: AsyncIterable<string>;
      if (kind === 'serials') {
        const filter: SerialFilter = {};
        const sku = str(options, 'sku');
        const status = str(options, 'status');
        const lot = str(options, 'lot');
        const order = str(options, 'order');
        if (sku) filter.sku = sku;
        if (status) filter.status = status as SerialFilter['status'] & string;
        if (lot) filter.lot = lot;
        if (order) filter.orderId = order;
        if (options.recalled) filter.recalled = true;
        chunks = client.exports.serials(filter);
      } else {
        const filter: EventFilter = {};
        const sku = str(options, 'sku');
        const serial = str(options, 'serial');
        const type = str(options, 'type');
        if (sku) filter.sku = sku;
        if (serial) filter.serial = serial;
        if (type) filter.type = type as EventFilter['type'] & string;
        chunks = client.exports.events(filter);
      }
      const bar = progressBar(io, {
        label: `exporting ${kind}`,
        unit: 'rows',
        // Exported rows on a terminal's stdout would be torn by the bar.
        wanted: Boolean(out && !context.json),
      });
      const target = out ? createWriteStream(resolve(io.cwd, out)) : io.stdout;
      const lines = await writeChunks(chunks, target, bar);
      if (out)
        context.note(`Wrote ${Math.max(0, lines - 1).toLocaleString('en')} ${kind} to ${out}`);
      return undefined;
    },
  };
}

export const exportCmd: Command = {
  name: 'export',
  summary: 'Export units or events as CSV (to a file or stdout)',
  usage: [
    'export serials [--out FILE] [--sku SKU] [--status STATUS]',
    'export events [--out FILE]',
  ],
  subcommands: [exportCommand('serials'), exportCommand('events')],
};
