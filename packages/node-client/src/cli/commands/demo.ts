/** `serialkit demo`: seed a database with the demo data set and show what to try. */
import { rm } from 'node:fs/promises';
import { type Command, str } from '../command.js';
import { type DemoSummary, seedDemo } from '../demo/seed.js';
import { UsageError } from '../io.js';
import { chooseStore } from '../store-choice.js';

export function demoSummaryText(summary: DemoSummary): string {
  const s = summary.samples;
  return [
    `Seeded ${summary.units.toLocaleString('en')} units of ${summary.skus.length} SKUs in ${summary.seconds.toFixed(1)} s:`,
    `  ${summary.orders.b2c.toLocaleString('en')} B2C and ${summary.orders.b2b} B2B orders (${summary.shippedUnits.toLocaleString('en')} units shipped)`,
    `  recall ${summary.recall.id}: ${summary.recall.sku} lot ${summary.recall.lot}, ${summary.recall.affected.toLocaleString('en')} units (${summary.recall.shipped.toLocaleString('en')} with customers)`,
    `  returns: ${summary.returns.accepted} accepted, ${summary.returns.rejected} rejected; 1 marketplace sighting`,
    '',
    'Try:',
    `  genuine     ${s.genuine}`,
    `  recalled    ${s.recalled}`,
    `  unknown     ${s.unknown}`,
    `  mistyped    ${s.mistyped}`,
    `  typed loose ${s.loose}   (read as ${s.genuine})`,
    `  gift card   ${s.giftCard}`,
    `  traced      ${s.traced}   (serialkit trace ${s.traced})`,
    `  return      order ${s.returnCheck.orderId}, email ${s.returnCheck.email}, serial ${s.returnCheck.serial}`,
    '',
  ].join('\n');
}

export const demo: Command = {
  name: 'demo',
  summary: 'Seed a database with demo data (100,000 units, orders, a recall, returns)',
  usage: ['demo [--db FILE] [--units N] [--force]'],
  description: 'Deterministic: the same sample serials every time. Then run: serialkit serve',
  options: {
    units: { type: 'string', value: 'N', description: 'Units in total (default 100000)' },
    force: { type: 'boolean', description: 'Replace an existing SQLite database' },
  },
  async run({ options, io, print, note }) {
    const units = Number(str(options, 'units') ?? 100_000);
    if (!Number.isInteger(units) || units < 1000 || units > 10_000_000) {
      throw new UsageError('--units is a whole number from 1000 to 10000000');
    }
    const choice = chooseStore(options, io.env, io.cwd);
    if (choice.kind === 'sqlite' && options.force) {
      for (const suffix of ['', '-wal', '-shm']) await rm(choice.where + suffix, { force: true });
    }
    const store = await choice.open();
    try {
      await store.migrate();
      const existing = await store.listSkus({}, { limit: 1 });
      if (existing.items.length > 0) {
        throw new UsageError(
          `${choice.where} already has data: use another --db${choice.kind === 'sqlite' ? ' or --force to replace it' : ''}`,
        );
      }
      const summary = await seedDemo(store, { units, onStep: (message) => note(`${message}…`) });
      print(summary, () => demoSummaryText(summary));
    } finally {
      await store.close();
    }
    return undefined;
  },
};
