/** `serialkit generate`: new serials for a SKU, registered at once. */
import { type Command, str } from '../command.js';
import { UsageError } from '../io.js';

export const generate: Command = {
  name: 'generate',
  summary: 'Generate and register serials for a SKU (sequential or random)',
  usage: ['generate <sku> <count> [--random] [--lot LOT] [--manufactured DATE]'],
  examples: [
    'serialkit generate CH-65W 1000 --lot L2024-07',
    'serialkit generate GIFT 50 --random --json',
  ],
  options: {
    random: { type: 'boolean', description: 'Random, non-guessable serials (default sequential)' },
    lot: { type: 'string', value: 'LOT', description: 'Lot of the new units' },
    manufactured: { type: 'string', value: 'DATE', description: 'Manufacture date (ISO 8601)' },
  },
  async run({ args, options, client, print, note }) {
    const [sku, countText] = args;
    const count = Number(countText);
    if (!sku || !Number.isInteger(count) || count < 1) {
      throw new UsageError('Give the SKU and a positive count, e.g. serialkit generate CH-65W 100');
    }
    const lot = str(options, 'lot');
    const manufacturedAt = str(options, 'manufactured');
    const result = await (await client()).serials.generate(sku, count, {
      mode: options.random ? 'random' : 'sequential',
      ...(lot ? { lot } : {}),
      ...(manufacturedAt ? { manufacturedAt } : {}),
    });
    note(`Registered ${result.serials.length.toLocaleString('en')} serials for ${sku}`);
    print(result, () => `${result.serials.join('\n')}\n`);
    return undefined;
  },
};
