/**
 * One process of the sequence test: generates `rounds` small batches of a SKU's serials on the
 * given store and prints them as JSON. Run with `node --import tsx`.
 *
 * Usage: sequence-worker.ts <sqlite|postgres> <filename|url> <sku> <rounds> <date…>
 */
import { createSerialClient } from '../../src/client.js';
import { postgresStore } from '../../src/stores/postgres.js';
import { sqliteStore } from '../../src/stores/sqlite.js';

const [kind, location, sku, roundsText, ...dates] = process.argv.slice(2);
if (!kind || !location || !sku || !roundsText || dates.length === 0) {
  throw new Error('usage: sequence-worker.ts <sqlite|postgres> <location> <sku> <rounds> <date…>');
}
const store =
  kind === 'sqlite'
    ? sqliteStore({ filename: location })
    : postgresStore({ connectionString: location });
const client = createSerialClient({ store });
const serials: string[] = [];
for (let round = 0; round < Number(roundsText); round++) {
  const manufacturedAt = dates[round % dates.length]!;
  const batch = await client.serials.generate(sku, (round % 4) + 1, { manufacturedAt });
  serials.push(...batch.serials);
}
await client.close();
process.stdout.write(JSON.stringify(serials));
